/**
 * Sharded build: the whole site in memory that does not grow with the archive's
 * text. A scan reads and validates every edition and keeps its summary
 * (./archive-summary.ts); the editions are cut into shards of consecutive
 * editions (./shard-plan.ts), each rendered by an Eleventy process of its own
 * holding only its editions in full (./shard-entry.ts), while this process
 * renders the pages that span the archive from the summary (the spine run,
 * ./build-role.ts). Two runs at a time, one per core. Then the search step
 * (./search-step.ts), the offline manifest and the service worker, as in a
 * whole build (src/site/after-build.ts). The output is the same, byte for byte,
 * however the archive is cut.
 *
 * Given the previous output and a cache folder (./build-cache.ts), a shard whose key
 * is unchanged is not rendered: its files are linked from the previous output
 * (./shard-files.ts) and its cached search documents feed the index. The index keeps
 * its base segment while the older shards' documents are unchanged and makes only its
 * recent segment anew (./index-plan.ts). The spine and the offline manifest are made
 * anew on every build.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadEditions } from "../content/load-archive.ts";
import { buildSite, configureEnvironment, PROJECT_ROOT, type BuildOptions } from "../site/build-site.ts";
import { siteArchive } from "../site/archive-data.ts";
import { bundleServiceWorker } from "../site/bundle-client.ts";
import { writeOfflineManifest } from "../offline/offline-manifest.ts";
import type { Article } from "../content/model.ts";
import { scanSummary, type ArchiveSummary } from "./archive-summary.ts";
import { planShards, shardSize, type PreviousCuts, type ShardSpec } from "./shard-plan.ts";
import { BuildCache, codeVersion, editionContentHash, shardKey, type ShardEntry } from "./build-cache.ts";
import { countFiles, moveFiles } from "./shard-files.ts";
import { linkFiles } from "../files/link-files.ts";
import { walkFiles } from "../files/walk-files.ts";
import { FileHashes } from "../files/file-hashes.ts";
import { replaceFile } from "../files/replace-file.ts";
import { EditionScans } from "./edition-scans.ts";
import { provideSpineArchive } from "./build-role.ts";
import { runChild, runPool } from "./child-runs.ts";
import { buildSearchIndex } from "./search-step.ts";
import { planIndex, recordIndex } from "./index-plan.ts";

/**
 * The recent index segment holds at most this many shards' worth of articles
 * (./index-plan.ts): more, and the index is built whole again, the base taking them.
 */
const RECENT_SHARDS = 2;

export interface ShardedBuildOptions extends BuildOptions {
  /** Not published; emptied first. */
  workDir: string;
  /** Articles per shard (default: BANMIAN_SHARD_ARTICLES, else DEFAULT_SHARD_ARTICLES). */
  shardArticles?: number | undefined;
  /** Runs at a time (default 2). */
  width?: number | undefined;
  /** The cache folder (./build-cache.ts); without it every shard is rendered. */
  cacheDir?: string | undefined;
  /** The previous output, whose unchanged shards' files are linked. */
  previousDir?: string | undefined;
}

export interface ShardedBuildReport {
  articles: number;
  shards: number;
  /** Shards taken from the previous output, not rendered. */
  reused: number;
  /** Files of the output linked (or copied) from the previous output, and files written. */
  filesLinked: number;
  filesWritten: number;
  /** Seconds per phase; the spine runs beside the shards, so `spine` overlaps `pages`. */
  seconds: { scan: number; pages: number; spine: number; index: number; manifest: number };
  /** Editions taken from the previous build's scan, unchanged, out of all (./edition-scans.ts). */
  editionsUnchanged: number;
  editions: number;
  /** How the index was made (./index-plan.ts): whole, or the previous base kept with a new recent segment. */
  index: "whole" | "recent";
  /** Folders whose offline manifests were taken from the previous output, not walked (src/offline/manifest-reuse.ts). */
  manifestFoldersKept: number;
}

/** Where the previous build cut its shards, from the cache; nothing if it is missing or unsound. */
function readCuts(cache: BuildCache | undefined): PreviousCuts | undefined {
  if (!cache) return undefined;
  try {
    const { planned, closers } = JSON.parse(readFileSync(join(cache.dir, "plan.json"), "utf8")) as { planned: unknown; closers: unknown };
    const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
    if (!strings(planned) || !strings(closers)) return undefined;
    return { planned: new Set(planned), closers: new Set(closers) };
  } catch {
    return undefined;
  }
}

function writeCuts(cache: BuildCache, planned: string[], closers: string[]): void {
  replaceFile(join(cache.dir, "plan.json"), JSON.stringify({ planned, closers }));
}

const SHARD_ENTRY = fileURLToPath(new URL("./shard-entry.ts", import.meta.url));

/** The feed's length, from _data/site.json, as the feed template reads it. */
function feedSize(): number {
  const { feedSize } = JSON.parse(readFileSync(join(PROJECT_ROOT, "_data/site.json"), "utf8")) as { feedSize: number };
  return feedSize;
}

/** The newest editions in full, enough of them to hold the feed's articles. */
function feedArticles(contentDir: string, summary: ArchiveSummary, size: number): Article[] {
  const ids: string[] = [];
  let count = 0;
  for (const e of summary.editions) {
    if (count >= size) break;
    ids.push(e.id);
    count += e.pages.reduce((n, p) => n + p.articles.length, 0);
  }
  return loadEditions(contentDir, ids).flatMap((e) => e.pages.flatMap((p) => p.articles));
}

/**
 * The folders of the output linked whole from the previous one, each with its files: a
 * reused shard's edition folders (a shard writes only its editions' folders) and the
 * folders of the index segment kept (listed here: they are flat folders of parts).
 */
function keptFolders(outDir: string, reused: ShardEntry[], indexFolders: readonly string[]): Map<string, string[]> {
  const kept = new Map<string, string[]>();
  for (const entry of reused) {
    for (const [path] of entry.files) {
      const slash = path.indexOf("/");
      if (slash === -1) continue;
      const folder = path.slice(0, slash);
      (kept.get(folder) ?? kept.set(folder, []).get(folder)!).push(path);
    }
  }
  for (const folder of indexFolders) kept.set(folder, [...walkFiles(join(outDir, folder))].map((p) => `${folder}/${p}`));
  return kept;
}

export async function buildSharded(options: ShardedBuildOptions): Promise<ShardedBuildReport> {
  const clock = () => performance.now() / 1000;
  let started = clock();
  configureEnvironment(options);
  const code = options.cacheDir ? codeVersion() : "";
  const scans = EditionScans.open(options.cacheDir && join(options.cacheDir, "editions.json"), code);
  const { identity, summary } = scanSummary(options.contentDir, scans);
  rmSync(options.workDir, { recursive: true, force: true });
  const cache = options.cacheDir ? new BuildCache(options.cacheDir) : undefined;
  const previous = options.previousDir && existsSync(options.previousDir) ? options.previousDir : undefined;
  const plan = planShards(summary, identity, shardSize(options.shardArticles), options.workDir, readCuts(cache));
  const specs = plan.specs;
  const specFile = (s: ShardSpec) => join(options.workDir, "shards", `${String(s.index).padStart(5, "0")}.json`);
  mkdirSync(join(options.workDir, "shards"), { recursive: true });
  for (const spec of specs) writeFileSync(specFile(spec), JSON.stringify(spec));

  // Each shard's key, and whether the previous output still holds it as the cache recorded it.
  const keys = new Map<ShardSpec, string>();
  /** Shards the previous output still holds, with their checked cache entries. */
  const reusable = new Map<ShardSpec, ShardEntry>();
  if (cache) {
    const hashes = new Map(summary.editions.map((e) => [e.id, scans.contentHash(e.id, () => editionContentHash(options.contentDir, e.id))]));
    for (const spec of specs) {
      const key = shardKey(spec, { code, siteUrl: options.siteUrl, contentDir: options.contentDir, editions: hashes });
      keys.set(spec, key);
      const entry = previous ? cache.usable(key, previous) : undefined;
      if (entry) reusable.set(spec, entry);
    }
  }
  const seconds = { scan: clock() - started, pages: 0, spine: 0, index: 0, manifest: 0 };
  started = clock();

  const quiet = options.quiet ?? true;
  const spine = async () => {
    const from = clock();
    provideSpineArchive(siteArchive(summary, identity, feedArticles(options.contentDir, summary, feedSize())));
    process.env.BANMIAN_ROLE = "spine";
    try {
      await buildSite({ ...options, quiet });
    } finally {
      delete process.env.BANMIAN_ROLE;
      provideSpineArchive(undefined);
    }
    seconds.spine = clock() - from;
  };
  let filesLinked = 0;
  const documentFiles = new Map<ShardSpec, string>();
  const shard = (spec: ShardSpec) => async () => {
    const key = keys.get(spec);
    const entry = reusable.get(spec);
    if (cache && key && previous && entry) {
      linkFiles(previous, options.outDir, entry.files.map((f) => f[0]));
      filesLinked += entry.files.length;
      documentFiles.set(spec, cache.documentsFile(key));
      return;
    }
    // Rendered into a folder of its own, so the files that are the shard's are known.
    const own = join(options.workDir, "out", String(spec.index).padStart(5, "0"));
    await runChild(SHARD_ENTRY, [own, quiet ? "quiet" : ""], { BANMIAN_ROLE: "shard", BANMIAN_SHARD: specFile(spec) });
    const files = moveFiles(own, options.outDir);
    if (cache && key) cache.record(key, options.outDir, files, spec.documents);
    documentFiles.set(spec, spec.documents);
  };
  // A rendered shard is a process of its own; the spine and linking a reused shard's files run
  // in this one (linking blocks it: a quarter of a million links at 200,000 articles). So a
  // rendered shard starts first, the spine beside it, and the links while it renders.
  const rendered = specs.filter((s) => !reusable.has(s)).map(shard);
  await runPool([...rendered.slice(0, 1), spine, ...rendered.slice(1), ...specs.filter((s) => reusable.has(s)).map(shard)], options.width ?? 2);
  seconds.pages = clock() - started;

  started = clock();
  const indexPlan = planIndex({
    shards: specs.map((s) => ({ key: keys.get(s) ?? "", documents: documentFiles.get(s)!, articles: s.articleCount })),
    cacheDir: cache?.dir,
    previousDir: previous,
    recentLimit: RECENT_SHARDS * shardSize(options.shardArticles),
  });
  // The index's kept base is linked from the previous output, like a reused shard's pages.
  const indexReport = await buildSearchIndex({ plan: indexPlan, siteDir: options.outDir, workDir: options.workDir });
  filesLinked += indexReport.linked;
  seconds.index = clock() - started;
  started = clock();
  const hashes = FileHashes.open(cache && join(cache.dir, "file-hashes.json"));
  const kept = previous ? keptFolders(options.outDir, [...reusable.values()], indexReport.keptFolders) : new Map<string, string[]>();
  const manifest = writeOfflineManifest(options.outDir, summary.editions, hashes, previous ? { previousDir: previous, folders: kept } : undefined);
  bundleServiceWorker(options.outDir, manifest.root.version);
  filesLinked += manifest.manifestsLinked;
  hashes.save();
  seconds.manifest = clock() - started;
  if (cache) {
    recordIndex(cache.dir, indexPlan, options.outDir);
    scans.save();
    cache.prune(new Set(keys.values()));
    writeCuts(cache, summary.editions.map((e) => e.id), plan.closers);
  }
  // The folders whose manifests were kept hold linked files only, so they need not be walked to be counted.
  const filesWritten = countFiles(options.outDir, new Set(manifest.keptFolders)) + manifest.keptFiles - filesLinked;
  return { articles: summary.articles.length, shards: specs.length, reused: reusable.size, filesLinked, filesWritten, seconds, index: indexPlan.mode, editionsUnchanged: scans.reused, editions: summary.editions.length, manifestFoldersKept: manifest.keptFolders.length };
}
