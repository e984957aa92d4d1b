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
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadEditions } from "../content/load-archive.ts";
import { buildSite, configureEnvironment, PROJECT_ROOT, type BuildOptions } from "../site/build-site.ts";
import { siteArchive } from "../site/archive-data.ts";
import { bundleServiceWorker } from "../site/bundle-client.ts";
import { writeOfflineManifest } from "../offline/offline-manifest.ts";
import type { Article } from "../content/model.ts";
import { scanSummary, type ArchiveSummary } from "./archive-summary.ts";
import { planShards, shardSize, type ShardSpec } from "./shard-plan.ts";
import { provideSpineArchive } from "./build-role.ts";
import { runChild, runPool } from "./child-runs.ts";
import { buildSearchIndex } from "./search-step.ts";

export interface ShardedBuildOptions extends BuildOptions {
  /** Not published; emptied first. */
  workDir: string;
  /** Articles per shard (default: BANMIAN_SHARD_ARTICLES, else DEFAULT_SHARD_ARTICLES). */
  shardArticles?: number | undefined;
  /** Runs at a time (default 2). */
  width?: number | undefined;
}

export interface ShardedBuildReport {
  articles: number;
  shards: number;
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

export async function buildSharded(options: ShardedBuildOptions): Promise<ShardedBuildReport> {
  configureEnvironment(options);
  const { identity, summary } = scanSummary(options.contentDir);
  rmSync(options.workDir, { recursive: true, force: true });
  const specs = planShards(summary, identity, shardSize(options.shardArticles), options.workDir);
  const specFile = (s: ShardSpec) => join(options.workDir, "shards", `${String(s.index).padStart(5, "0")}.json`);
  mkdirSync(join(options.workDir, "shards"), { recursive: true });
  for (const spec of specs) writeFileSync(specFile(spec), JSON.stringify(spec));

  const quiet = options.quiet ?? true;
  const spine = async () => {
    provideSpineArchive(siteArchive(summary, identity, feedArticles(options.contentDir, summary, feedSize())));
    process.env.BANMIAN_ROLE = "spine";
    try {
      await buildSite({ ...options, quiet });
    } finally {
      delete process.env.BANMIAN_ROLE;
      provideSpineArchive(undefined);
    }
  };
  const shard = (spec: ShardSpec) => () => runChild(SHARD_ENTRY, [options.outDir, quiet ? "quiet" : ""], { BANMIAN_ROLE: "shard", BANMIAN_SHARD: specFile(spec) });
  await runPool([spine, ...specs.map(shard)], options.width ?? 2);

  await buildSearchIndex({ documentFiles: specs.map((s) => s.documents), siteDir: options.outDir, workDir: options.workDir });
  bundleServiceWorker(options.outDir, writeOfflineManifest(options.outDir, summary.editions).version);
  return { articles: summary.articles.length, shards: specs.length };
}
