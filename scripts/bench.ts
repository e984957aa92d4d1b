/**
 * Benchmark: Banmian against plain Eleventy, Pagefind 1.6 and lunr-languages (zh, with
 * @node-rs/jieba) on the same articles and the same queries, in one run.
 *
 *   npm run bench [-- --full] [--sizes 1000,10000] [--runs 3] [--cold-runs 3] [--focused-runs 2] [--warm-rounds 5] [--keep]
 *   npm run bench -- --render      (only re-renders latest.md from latest.json)
 *   npm run bench -- --scale [--scale-sizes 20000,100000,200000] [--million] [--scale-from DIR] [--keep]
 *                    [--edition-articles 100] [--pagefind-max-gb 16] [--pagefind-max-minutes 30] [--cold-runs 3] [--warm-rounds 5]
 *   npm run bench -- --scale --render   (only re-renders scale-latest.md from scale-latest.json)
 *   npm run bench -- --lighthouse [--lighthouse-articles 10000] [--keep]   (Lighthouse on a corpus build: bench/lighthouse-run.ts)
 *
 * For each N (1,000 and 10,000 articles; 19,986 more with --full), the first N lines of
 * the corpus's news.jsonl (BANMIAN_CORPUS, default ../shared/corpus) become an archive
 * (src/content/corpus.ts), and, `--runs` times, interleaved so that a noisy machine
 * weighs on all of them alike, each of these runs as its own process, timed (wall) and
 * measured (peak resident memory, bench/run-process.ts):
 *
 * - Banmian's full build (scripts/build.ts: pages, search documents and index, offline
 *   manifest);
 * - plain Eleventy with the same templates and no after-build step (bench/plain-build.ts);
 * - Banmian's index step alone (scripts/build-index.ts on the built site);
 * - Pagefind indexing the same built site (article pages, the article element as root);
 * - lunr-languages zh building its index of the same articles (bench/lunr-languages.ts).
 *
 * (bench/build-runs.ts). Then the index sizes, and the queries (bench/queries.ts): 7 common words and 20 known
 * items, each with the number of articles that really contain it; Banmian's engine run
 * in Node on the built index (src/search/query/query-engine.ts, the code the browser runs) for
 * exact-phrase counts and known-item ranks; and the browser measurements
 * (bench/browser-bench.ts): bytes and time of a first query on a cold page, and a second
 * after each system's warm-up (the search box's focus, Pagefind's init()), warm query
 * times, result counts. Timings are medians of the runs; ratios compare medians of the
 * same run.
 *
 * The run itself is bench/run.ts and the modules it names; this file reads the command
 * line. Writes bench/results/latest.json (everything: every run's time and memory, every
 * query's counts, bytes and times, the machine and the versions) and
 * bench/results/latest.md (the tables; its first part, down to the targets, is what the
 * README's "Search at archive scale" section shows, pasted as is).
 * The work folder (BANMIAN_BENCH_DIR, default the system's temp folder) is removed at the
 * end unless --keep.
 *
 * With --scale, the scale benchmark instead (bench/scale-run.ts, bench/scale-archive.ts):
 * archives of 20,000, 100,000 and 200,000 articles (and 1,000,000 with --million) from
 * scripts/corpus-to-content.ts --repeat, each built whole, indexed by Pagefind under a
 * memory and time cap, searched in Chromium, then given one more edition and built again;
 * written to bench/results/scale-latest.json and scale-latest.md. `--scale-from DIR` uses
 * DIR (a work folder kept by an earlier --scale --keep) as the work folder, reusing the
 * archives, sites and Pagefind bundles it holds, and keeps it.
 */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { gitCommit, ROOT } from "../bench/context.ts";
import { renderLatest, runBenchmark } from "../bench/run.ts";
import { renderScaleLatest, runScaleBenchmark } from "../bench/scale-run.ts";
import { runLighthouseBench } from "../bench/lighthouse-run.ts";
import { readCorpus } from "../src/content/corpus.ts";
import { chromiumPath } from "../tools/chromium.ts";

const USAGE =
  "usage: npm run bench [-- --full] [--sizes N,N] [--runs N] [--cold-runs N] [--focused-runs N] [--warm-rounds N] [--keep] | --render\n" +
  "       npm run bench -- --scale [--scale-sizes N,N] [--million] [--scale-from DIR] [--edition-articles N] [--pagefind-max-gb N] [--pagefind-max-minutes N] [--cold-runs N] [--warm-rounds N] [--keep] | --scale --render\n" +
  "       npm run bench -- --lighthouse [--lighthouse-articles N] [--keep]";
let values;
try {
  values = parseArgs({
    options: {
      full: { type: "boolean", default: false },
      sizes: { type: "string" },
      runs: { type: "string", default: "3" },
      "cold-runs": { type: "string", default: "3" },
      "focused-runs": { type: "string", default: "2" },
      "warm-rounds": { type: "string", default: "5" },
      keep: { type: "boolean", default: false },
      render: { type: "boolean", default: false },
      scale: { type: "boolean", default: false },
      "scale-sizes": { type: "string" },
      million: { type: "boolean", default: false },
      "scale-from": { type: "string" },
      "edition-articles": { type: "string", default: "100" },
      "pagefind-max-gb": { type: "string", default: "16" },
      "pagefind-max-minutes": { type: "string", default: "30" },
      lighthouse: { type: "boolean", default: false },
      "lighthouse-articles": { type: "string", default: "10000" },
    },
  }).values;
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}

const positive = (name: string, raw: string | undefined): number => {
  const x = Number(raw);
  if (!Number.isFinite(x) || x <= 0) {
    console.error(`bench: --${name} must be a positive number, got ${JSON.stringify(raw)}\n${USAGE}`);
    process.exit(2);
  }
  return x;
};
if (values.scale && values.render) {
  renderScaleLatest();
  console.log("wrote bench/results/scale-latest.md from scale-latest.json");
  process.exit(0);
}
if (values.render) {
  renderLatest();
  console.log("wrote bench/results/latest.md from latest.json");
  process.exit(0);
}

const corpusFile = join(resolve(ROOT, process.env.BANMIAN_CORPUS ?? "../shared/corpus"), "news.jsonl");
if (!existsSync(corpusFile)) {
  console.error(`bench: the corpus is not at ${corpusFile}. Set BANMIAN_CORPUS to the folder holding news.jsonl.`);
  process.exit(2);
}
if (!chromiumPath()) {
  console.error("bench: Chromium not found (CHROMIUM_PATH or /usr/bin/chromium); install Debian's chromium.");
  process.exit(2);
}
const corpus = readCorpus(corpusFile);
if (values.lighthouse) {
  const started = Date.now();
  const ctx = {
    corpus,
    work: resolve(process.env.BANMIAN_BENCH_DIR ?? join(tmpdir(), "banmian-bench")),
    commit: gitCommit(),
    log: (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`),
  };
  const markdown = await runLighthouseBench(ctx, Math.round(positive("lighthouse-articles", values["lighthouse-articles"])), { keep: values.keep });
  console.log(`\n${markdown}`);
  process.exit(0);
}
if (values.scale) {
  const sizes = [
    ...(values["scale-sizes"] ? values["scale-sizes"].split(",").map((x) => positive("scale-sizes", x.trim())) : [20000, 100000, 200000]),
    ...(values.million ? [1_000_000] : []),
  ].map(Math.round);
  const started = Date.now();
  const scaleFrom = values["scale-from"] ? resolve(values["scale-from"]) : undefined;
  if (scaleFrom && !existsSync(scaleFrom)) {
    console.error(`bench: --scale-from ${scaleFrom} does not exist`);
    process.exit(2);
  }
  const ctx = {
    corpus,
    corpusFile,
    work: scaleFrom ?? resolve(process.env.BANMIAN_BENCH_DIR ?? join(tmpdir(), "banmian-bench-scale")),
    coldRuns: Math.round(positive("cold-runs", values["cold-runs"])),
    warmRounds: Math.round(positive("warm-rounds", values["warm-rounds"])),
    editionArticles: Math.round(positive("edition-articles", values["edition-articles"])),
    pagefindCaps: { maxBytes: positive("pagefind-max-gb", values["pagefind-max-gb"]) * 2 ** 30, maxMs: positive("pagefind-max-minutes", values["pagefind-max-minutes"]) * 60_000 },
    commit: gitCommit(),
    log: (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${line}`),
  };
  ctx.log(`scale: corpus ${corpusFile} (${corpus.length} articles); sizes ${sizes.join(", ")}; work folder ${ctx.work}`);
  const markdown = await runScaleBenchmark(ctx, sizes, { keep: values.keep, scaleFrom, started });
  console.log(`\n${markdown}`);
  process.exit(0);
}
const sizes = values.sizes ? values.sizes.split(",").map((s) => Number(s.trim())) : [1000, 10000, ...(values.full ? [corpus.length] : [])];
const started = Date.now();
const ctx = {
  corpus,
  work: resolve(process.env.BANMIAN_BENCH_DIR ?? join(tmpdir(), "banmian-bench")),
  runs: Math.max(1, Number(values.runs)),
  coldRuns: Math.max(1, Number(values["cold-runs"])),
  focusedRuns: Math.max(1, Number(values["focused-runs"])),
  warmRounds: Math.max(1, Number(values["warm-rounds"])),
  log: (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`),
};
ctx.log(`corpus ${corpusFile} (${corpus.length} articles); sizes ${sizes.join(", ")}; ${ctx.runs} runs; work folder ${ctx.work}`);
const markdown = await runBenchmark(ctx, sizes, { keep: values.keep, started });
console.log(`\n${markdown}`);
