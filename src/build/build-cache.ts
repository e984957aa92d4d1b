/**
 * Build cache: what the sharded build (./sharded-build.ts) keeps between builds so
 * that a build whose previous output exists renders only the shards that changed.
 * It lives beside the output, in `.NAME.cache/` for an output folder NAME: never in the
 * published site, and on the output's file system, so a reused shard's files can be
 * hard-linked from the previous output (./shard-files.ts).
 *
 * One entry per rendered shard, named by the shard's key: the hash of everything its
 * pages are made from (the code version, the site URL, the content folder, the shard's
 * spec — its editions, the editions beyond its edges, the listing URLs it links to,
 * the archive identity — and the content of each of its editions, every byte of every
 * file). The entry lists the files the shard wrote, each with the size, modification
 * time and inode it had when written, and holds the shard's search documents. An
 * entry is used only if it parses, names its own key, and every file it lists is still
 * in the previous output as it was written; anything else renders the shard again, so
 * a stale or damaged cache costs time, never a wrong site.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { replaceFile } from "../files/replace-file.ts";
import { PROJECT_ROOT } from "../site/build-site.ts";
import type { ShardSpec } from "./shard-plan.ts";

/** Bump when an entry's layout changes: older entries are then ignored. */
const ENTRY_VERSION = 1;

/** The files and folders whose content decides how a page renders (templates, data, code, dependencies). */
const CODE_INPUTS = ["src", "_data", ".eleventy.ts", "package.json", "package-lock.json"];

/** A file as an entry records it: path under the site, size, modification time (ms), inode. */
export type FileStamp = [path: string, size: number, mtimeMs: number, ino: number];

export interface ShardEntry {
  version: number;
  key: string;
  files: FileStamp[];
  /** Bytes of the documents file beside the entry. */
  documentBytes: number;
}

/** The cache folder of the output folder `out`. */
export function cacheFolder(out: string): string {
  return join(dirname(out), `.${basename(out)}.cache`);
}

/** Every file under `dir` (following nothing but folders), "/"-separated, sorted. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((p) => join(dir, p))
    .filter((p) => statSync(p).isFile())
    .sort();
}

/** The hash of the code that renders: every file of `inputs` (files or folders; default CODE_INPUTS), by path and content. */
export function codeVersion(root: string = PROJECT_ROOT, inputs: readonly string[] = CODE_INPUTS): string {
  const hash = createHash("sha256");
  for (const input of inputs) {
    for (const file of filesUnder(join(root, input))) hash.update(`${relative(root, file)}\0`).update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/**
 * The hash of an edition folder's content: every file under it (links followed, as the
 * loader follows them), by path and bytes. Content, not file times: a copy or a checkout
 * that only touches the files keeps its shard.
 */
export function editionContentHash(contentDir: string, edition: string): string {
  const hash = createHash("sha256");
  const dir = join(contentDir, edition);
  for (const file of filesUnder(dir)) hash.update(`${relative(dir, file)}\0`).update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export interface KeyInputs {
  code: string;
  siteUrl: string | undefined;
  contentDir: string;
  /** Edition folder → content hash. */
  editions: ReadonlyMap<string, string>;
}

/** The shard's key: what its pages and search documents are made from (see the module comment). */
export function shardKey(spec: ShardSpec, inputs: KeyInputs): string {
  const { editions, earlier, later, columnUrls, personUrls, identity, articleCount } = spec;
  const made = { code: inputs.code, siteUrl: inputs.siteUrl ?? null, content: inputs.contentDir, editions, earlier, later, columnUrls, personUrls, identity, articleCount };
  const hash = createHash("sha256").update(JSON.stringify(made));
  for (const id of editions) hash.update(`${id}\0${inputs.editions.get(id)}\0`);
  return hash.digest("hex").slice(0, 32);
}

export class BuildCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  private entryFile(key: string): string {
    return join(this.dir, "shards", `${key}.json`);
  }

  documentsFile(key: string): string {
    return join(this.dir, "shards", `${key}.jsonl`);
  }

  /**
   * The entry of `key` if it is sound and every file it lists is in `previous` (the
   * previous output) as it was written; undefined otherwise.
   */
  usable(key: string, previous: string): ShardEntry | undefined {
    let entry: ShardEntry;
    try {
      entry = JSON.parse(readFileSync(this.entryFile(key), "utf8")) as ShardEntry;
    } catch {
      return undefined;
    }
    if (entry?.version !== ENTRY_VERSION || entry.key !== key || !Array.isArray(entry.files) || typeof entry.documentBytes !== "number") return undefined;
    try {
      if (statSync(this.documentsFile(key)).size !== entry.documentBytes) return undefined;
      for (const stamp of entry.files) {
        if (!Array.isArray(stamp) || stamp.length !== 4 || typeof stamp[0] !== "string") return undefined;
        const [path, size, mtimeMs, ino] = stamp;
        if (path.startsWith("/") || path.split("/").includes("..")) return undefined;
        const s = statSync(join(previous, path));
        if (!s.isFile() || s.size !== size || s.mtimeMs !== mtimeMs || s.ino !== ino) return undefined;
      }
    } catch {
      return undefined;
    }
    return entry;
  }

  /** Records a rendered shard: its files (stamped as they are now under `site`) and its search documents. */
  record(key: string, site: string, files: readonly string[], documents: string): void {
    mkdirSync(join(this.dir, "shards"), { recursive: true });
    const stamps = files.map((path): FileStamp => {
      const s = statSync(join(site, path));
      return [path, s.size, s.mtimeMs, s.ino];
    });
    const target = this.documentsFile(key);
    const partial = `${target}.${process.pid}`;
    writeFileSync(partial, readFileSync(documents));
    renameSync(partial, target);
    const entry: ShardEntry = { version: ENTRY_VERSION, key, files: stamps, documentBytes: statSync(target).size };
    const file = this.entryFile(key);
    // Written whole, then renamed: a build killed here leaves no half entry.
    replaceFile(file, JSON.stringify(entry));
  }

  /** Removes every entry but those of `keep` (the shards of the output just built). */
  prune(keep: ReadonlySet<string>): void {
    const dir = join(this.dir, "shards");
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const key = name.replace(/\.jsonl?$/u, "");
      if (!keep.has(key)) rmSync(join(dir, name), { force: true });
    }
  }
}
