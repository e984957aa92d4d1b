/**
 * Scale run: `npm run bench -- --scale` (scripts/bench.ts reads its command line). For
 * each size, benchScaleSize (scale-archive.ts); then the scale targets
 * (scale-report.ts) with the 10,000-article figure from this run's 10,000 row or, without
 * one, from the normal benchmark's bench/results/latest.json; written as
 * bench/results/scale-latest.json and scale-latest.md, apart from the normal latest.*.
 * The work folder is removed at the end unless kept (--keep, or --scale-from).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, platform, release, totalmem } from "node:os";
import { join } from "node:path";
import { packageVersion, ROOT } from "./context.ts";
import type { BenchResults } from "./report.ts";
import { benchScaleSize, type ScaleContext } from "./scale-archive.ts";
import { renderScaleMarkdown, scaleTargets, type Reference10k, type ScaleResults, type ScaleSizeResult } from "./scale-report.ts";

const RESULTS = join(ROOT, "bench/results");



/** The 10,000-article cold first-query bytes: this run's row, else the normal benchmark's latest results. */
export function reference10k(sizes: readonly ScaleSizeResult[], latestFile = join(RESULTS, "latest.json")): Reference10k | null {
  const own = sizes.find((s) => s.articles === 10_000);
  if (own) return { source: "this run's 10,000 row", coldWireMedian: own.search.banmian.coldWireMedian };
  if (!existsSync(latestFile)) return null;
  const latest = JSON.parse(readFileSync(latestFile, "utf8")) as BenchResults;
  const a = latest.archives.find((x) => x.articles === 10_000);
  return a ? { source: `bench/results/latest.json (npm run bench of ${latest.date.slice(0, 10)}, commit ${latest.versions.commit})`, coldWireMedian: a.search.banmian.coldWireMedian } : null;
}

/** Renders scale-latest.md again from scale-latest.json (after a change to scale-report.ts). */
export function renderScaleLatest(): void {
  const r = JSON.parse(readFileSync(join(RESULTS, "scale-latest.json"), "utf8")) as ScaleResults;
  writeFileSync(join(RESULTS, "scale-latest.md"), renderScaleMarkdown(r));
}

export async function runScaleBenchmark(ctx: ScaleContext, sizes: readonly number[], options: { keep: boolean; scaleFrom?: string; started: number }): Promise<string> {
  mkdirSync(ctx.work, { recursive: true });
  const results: ScaleSizeResult[] = [];
  for (const n of sizes) results.push(await benchScaleSize(ctx, n));
  const cpu = cpus();
  const reference = reference10k(results);
  const out: ScaleResults = {
    date: new Date().toISOString(),
    machine: { cpu: cpu[0]?.model ?? "?", cores: cpu.length, memoryGB: Math.round(totalmem() / 2 ** 30), os: `${platform()} ${release()}`, node: process.version },
    versions: {
      commit: ctx.commit,
      eleventy: packageVersion("@11ty/eleventy"),
      pagefind: packageVersion("pagefind"),
      playwright: packageVersion("playwright-core"),
      chromium: results[0]?.chromium ?? "?",
    },
    settings: {
      coldRuns: ctx.coldRuns,
      warmRounds: ctx.warmRounds,
      editionArticles: ctx.editionArticles,
      pagefindCaps: ctx.pagefindCaps,
      ...(options.scaleFrom ? { scaleFrom: options.scaleFrom } : {}),
      durationSeconds: Math.round((Date.now() - options.started) / 1000),
    },
    sizes: results,
    reference10k: reference,
    targets: scaleTargets(results, reference),
  };
  mkdirSync(RESULTS, { recursive: true });
  const markdown = renderScaleMarkdown(out);
  writeFileSync(join(RESULTS, "scale-latest.json"), `${JSON.stringify(out, null, 1)}\n`);
  writeFileSync(join(RESULTS, "scale-latest.md"), markdown);
  if (!options.keep && !options.scaleFrom) rmSync(ctx.work, { recursive: true, force: true });
  ctx.log(`wrote bench/results/scale-latest.md and scale-latest.json (${out.settings.durationSeconds} s)`);
  return markdown;
}
