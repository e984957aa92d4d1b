/**
 * Index plan: which segments (src/search/format/index-format.ts, "Segments") the
 * sharded build's index is made of, so that publishing an edition rewrites a bounded
 * part of it. The base segment holds the older shards' articles and is kept, file for
 * file, while those shards' search documents stay as they were; the recent segment
 * holds the newer shards' (the open newest shard, where new editions land, and any
 * closed since the base was made) and is made anew on every build.
 *
 * A shard's documents are known by the SHA-256 of its JSON Lines file, kept in the cache
 * (`index.json`) with the shard's key, so an unchanged shard is not read again. The base
 * is kept when the previous output's index still has the base the cache names and the
 * current shards end with the base's, in order, leaving at most `recentLimit` articles
 * before them, and the code that writes the index is the same. Otherwise (the first
 * build, an edit or deletion among the base's articles, a change to src/search/ or the
 * lockfile, or too many recent articles) the index is built whole:
 * the base from every shard but the newest, the recent segment from the newest. The
 * answers are the same either way (test/search/segments.test.ts).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { replaceFile } from "../files/replace-file.ts";
import { join } from "node:path";
import { PROJECT_ROOT } from "../site/build-site.ts";
import { codeVersion } from "./build-cache.ts";
import { INDEX_DIR, META_PART, partFile, unwrapPart, type MetaFile } from "../search/format/index-format.ts";

/** A shard as the plan sees it: its key and its search documents, newest shard first. */
export interface PlannedShard {
  key: string;
  documents: string;
  articles: number;
}

interface IndexRecord {
  /** The index code's version (`indexCodeVersion`) the base was built with. */
  code: string;
  /** The base segment's build, as the previous output's meta names it. */
  build: string;
  /** The base's shards, in archive order: key and documents hash. */
  base: Array<[key: string, hash: string]>;
}

export type IndexPlan =
  /** Built whole: a base of `baseFiles` and, when there are several shards, a recent segment of `recentFiles`. */
  | { mode: "whole"; recentFiles: string[]; baseFiles: string[]; base: Array<[string, string]>; code: string }
  /** The previous index's base kept; a recent segment of `recentFiles`. */
  | { mode: "recent"; recentFiles: string[]; previousIndexDir: string; record: IndexRecord };

/** What the index process (./index-entry.ts) is asked to do. */
export interface IndexJob {
  siteDir: string;
  workDir: string;
  plan: IndexPlan;
}

const RECORD = "index.json";

function readRecord(cacheDir: string): IndexRecord | undefined {
  try {
    const r = JSON.parse(readFileSync(join(cacheDir, RECORD), "utf8")) as Partial<IndexRecord>;
    const pairs = Array.isArray(r.base) && r.base.every((p) => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === "string"));
    return typeof r.build === "string" && typeof r.code === "string" && pairs ? (r as IndexRecord) : undefined;
  } catch {
    return undefined;
  }
}

/** The build of the base segment (dir "") of the index in `indexDir`, if it has one. */
function baseBuild(indexDir: string): string | undefined {
  try {
    const meta = unwrapPart(META_PART, readFileSync(join(indexDir, partFile(META_PART)), "utf8")) as MetaFile;
    const base = meta.segments?.at(-1);
    return base?.dir === "" ? base.build : undefined;
  } catch {
    return undefined;
  }
}

const fileHash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/**
 * The version of the code that writes the index: every file of src/search/ and the
 * lockfile. A base built by other code is not kept, even of the same documents (the
 * format's version names the format, not every change to how it is written).
 */
export const indexCodeVersion = (root: string = PROJECT_ROOT) => codeVersion(root, ["src/search", "package-lock.json"]);

export function planIndex(input: { shards: readonly PlannedShard[]; cacheDir?: string | undefined; previousDir?: string | undefined; recentLimit: number }): IndexPlan {
  const { shards } = input;
  const record = input.cacheDir ? readRecord(input.cacheDir) : undefined;
  const known = new Map(record?.base ?? []);
  // Hashed only where needed: an unchanged shard's from the record, no shard's without a cache.
  const hashes = new Map<number, string>();
  const hashOf = (i: number) => {
    const shard = shards[i]!;
    let hash = hashes.get(i) ?? known.get(shard.key);
    if (hash === undefined) hash = fileHash(shard.documents);
    hashes.set(i, hash);
    return hash;
  };
  const code = indexCodeVersion();
  if (record && record.code === code && input.previousDir && record.base.length > 0) {
    const previousIndexDir = join(input.previousDir, INDEX_DIR);
    const p = shards.length - record.base.length;
    const tailMatches = p >= 1 && record.base.every(([, hash], i) => hashOf(p + i) === hash);
    const recentArticles = shards.slice(0, Math.max(0, p)).reduce((n, s) => n + s.articles, 0);
    if (tailMatches && recentArticles <= input.recentLimit && existsSync(previousIndexDir) && baseBuild(previousIndexDir) === record.build) {
      return { mode: "recent", recentFiles: shards.slice(0, p).map((s) => s.documents), previousIndexDir, record };
    }
  }
  const split = shards.length > 1 ? 1 : 0;
  return {
    mode: "whole",
    recentFiles: shards.slice(0, split).map((s) => s.documents),
    baseFiles: shards.slice(split).map((s) => s.documents),
    base: input.cacheDir ? shards.slice(split).map((s, i) => [s.key, hashOf(split + i)]) : [],
    code,
  };
}

/** Records the base the built index has, for the next build's plan (after the index is written). */
export function recordIndex(cacheDir: string, plan: IndexPlan, siteDir: string): void {
  const record: IndexRecord | undefined = plan.mode === "recent" ? plan.record : (() => {
    const build = baseBuild(join(siteDir, INDEX_DIR));
    return build === undefined ? undefined : { code: plan.code, build, base: plan.base };
  })();
  if (record) replaceFile(join(cacheDir, RECORD), JSON.stringify(record));
}
