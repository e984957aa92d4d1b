/**
 * Benchmark: Banmian against plain Eleventy, Pagefind 1.6 and lunr-languages (zh, with
 * @node-rs/jieba) on the same articles and the same queries, in one run.
 *
 *   npm run bench [-- --full] [--sizes 1000,10000] [--runs 3] [--cold-runs 3] [--focused-runs 2] [--warm-rounds 5] [--keep]
 *   npm run bench -- --render      (only re-renders latest.md from latest.json)
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
 */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ROOT } from "../bench/context.ts";
import { renderLatest, runBenchmark } from "../bench/run.ts";
import { readCorpus } from "../src/content/corpus.ts";
import { chromiumPath } from "../tools/chromium.ts";

const USAGE = "usage: npm run bench [-- --full] [--sizes N,N] [--runs N] [--cold-runs N] [--focused-runs N] [--warm-rounds N] [--keep] | --render";
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
    },
  }).values;
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
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
