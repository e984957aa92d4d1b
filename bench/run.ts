/**
 * Run: a whole benchmark run (scripts/bench.ts is its command line). For each archive
 * size, benchArchive (archive.ts); then the machine and the versions, written as
 * bench/results/latest.json (everything: every run's time and memory, every query's
 * counts, bytes and times) and bench/results/latest.md (report.ts: the tables; its
 * first part, down to the targets, is what the README's "Search at archive scale"
 * section shows, pasted as is).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, platform, release, totalmem } from "node:os";
import { join } from "node:path";
import { benchArchive } from "./archive.ts";
import { gitCommit, packageVersion, ROOT, type BenchContext } from "./context.ts";
import { renderMarkdown, type ArchiveResult, type BenchResults } from "./report.ts";

const RESULTS = join(ROOT, "bench/results");



/** Only re-renders latest.md from latest.json (after a change to report.ts). */
export function renderLatest(): void {
  writeFileSync(join(RESULTS, "latest.md"), renderMarkdown(JSON.parse(readFileSync(join(RESULTS, "latest.json"), "utf8")) as BenchResults));
}

/** Runs the benchmark for these archive sizes; removes the work folder unless `keep`. Returns the Markdown. */
export async function runBenchmark(ctx: BenchContext, sizes: readonly number[], options: { keep: boolean; started: number }): Promise<string> {
  mkdirSync(ctx.work, { recursive: true });
  const archives: ArchiveResult[] = [];
  for (const n of sizes) archives.push(await benchArchive(ctx, Math.min(n, ctx.corpus.length)));
  const cpu = cpus();
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: {
      cpu: cpu[0]?.model ?? "?",
      cores: cpu.length,
      memoryGB: Math.round(totalmem() / 2 ** 30),
      os: `${platform()} ${release()}`,
      node: process.version,
    },
    versions: {
      banmian: (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version,
      commit: gitCommit(),
      eleventy: packageVersion("@11ty/eleventy"),
      lunr: packageVersion("lunr"),
      lunrLanguages: packageVersion("lunr-languages"),
      jieba: packageVersion("@node-rs/jieba"),
      pagefind: packageVersion("pagefind"),
      playwright: packageVersion("playwright-core"),
      chromium: archives[0]?.chromium ?? "?",
    },
    settings: {
      runs: ctx.runs,
      coldRuns: ctx.coldRuns,
      focusedRuns: ctx.focusedRuns,
      warmRounds: ctx.warmRounds,
      corpus: "news.jsonl",
      durationSeconds: Math.round((Date.now() - options.started) / 1000),
    },
    archives,
  };
  mkdirSync(RESULTS, { recursive: true });
  const markdown = renderMarkdown(results);
  writeFileSync(join(RESULTS, "latest.json"), `${JSON.stringify(results, null, 1)}\n`);
  writeFileSync(join(RESULTS, "latest.md"), markdown);
  if (!options.keep) rmSync(ctx.work, { recursive: true, force: true });
  ctx.log(`wrote bench/results/latest.md and latest.json (${results.settings.durationSeconds} s)`);
  return markdown;
}
