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
 * Then the index sizes, and the queries (bench/queries.ts): 7 common words and 20 known
 * items, each with the number of articles that really contain it; Banmian's engine run
 * in Node on the built index (src/search/query/query-engine.ts, the code the browser runs) for
 * exact-phrase counts and known-item ranks; and the browser measurements
 * (bench/browser-bench.ts): bytes and time of a first query on a cold page, and a second
 * after each system's warm-up (the search box's focus, Pagefind's init()), warm query
 * times, result counts. Timings are medians of the runs; ratios compare medians of the
 * same run.
 *
 * Writes bench/results/latest.json (everything: every run's time and memory, every
 * query's counts, bytes and times, the machine and the versions) and
 * bench/results/latest.md (the tables; its first part, down to the targets, is what the
 * README's "Search at archive scale" section shows, pasted as is).
 * The work folder (BANMIAN_BENCH_DIR, default the system's temp folder) is removed at the
 * end unless --keep.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, platform, release, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { browserBench, pagefindUrls, type System } from "../bench/browser-bench.ts";
import { HARNESS_HTML, HARNESS_PATH } from "../bench/harness.ts";
import type { LunrLanguagesResult } from "../bench/lunr-languages.ts";
import { benchQueries } from "../bench/queries.ts";
import { renderMarkdown, type ArchiveResult, type BenchResults, type QueryResult, type Stat } from "../bench/report.ts";
import { runMeasured, type Measured } from "../bench/run-process.ts";
import { startBenchServer } from "../bench/server.ts";
import { readCorpus, writeCorpusArchive } from "../src/content/corpus.ts";
import { readDocuments } from "../src/search/build/read-documents.ts";
import { INDEX_DIR, META_PART, partFile } from "../src/search/format/index-format.ts";
import { nodePartSource } from "../src/search/build/node-part-source.ts";
import { SearchEngine } from "../src/search/query/query-engine.ts";
import { chromiumPath, launchChromium } from "../test/helpers/browser.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
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
});

if (values.render) {
  // Only re-render latest.md from latest.json (after a change to bench/report.ts).
  const dir = join(ROOT, "bench/results");
  writeFileSync(join(dir, "latest.md"), renderMarkdown(JSON.parse(readFileSync(join(dir, "latest.json"), "utf8")) as BenchResults));
  console.log("wrote bench/results/latest.md from latest.json");
  process.exit(0);
}

const corpusDir = resolve(ROOT, process.env.BANMIAN_CORPUS ?? "../shared/corpus");
const corpusFile = join(corpusDir, "news.jsonl");
if (!existsSync(corpusFile)) {
  console.error(`bench: the corpus is not at ${corpusFile}. Set BANMIAN_CORPUS to the folder holding news.jsonl.`);
  process.exit(2);
}
if (!chromiumPath()) {
  console.error("bench: Chromium not found (CHROMIUM_PATH or /usr/bin/chromium); install Debian's chromium.");
  process.exit(2);
}
const corpus = readCorpus(corpusFile);
const sizes = values.sizes
  ? values.sizes.split(",").map((s) => Number(s.trim()))
  : [1000, 10000, ...(values.full ? [corpus.length] : [])];
const runs = Math.max(1, Number(values.runs));
const coldRuns = Math.max(1, Number(values["cold-runs"]));
const focusedRuns = Math.max(1, Number(values["focused-runs"]));
const warmRounds = Math.max(1, Number(values["warm-rounds"]));
const work = resolve(process.env.BANMIAN_BENCH_DIR ?? join(tmpdir(), "banmian-bench"));
const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

const NODE_TSX = [process.execPath, "--import", "tsx"] as const;
const PAGEFIND = join(ROOT, "node_modules/pagefind/lib/runner/bin.cjs");

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Nearest-rank percentile. */
function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

function stat(samples: Measured[], inner?: number[]): Stat {
  const ms = samples.map((s) => s.ms);
  const peaks = samples.map((s) => s.peakBytes);
  const out: Stat = { ms, medianMs: median(ms), peakBytes: peaks, maxPeakBytes: Math.max(...peaks) };
  if (inner) {
    out.innerMs = inner;
    out.medianInnerMs = median(inner);
  }
  return out;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

const COMPRESSIBLE = /\.(html?|js|json|css|svg|xml)$/iu;
function treeSize(dir: string): { files: number; bytes: number; gzip: number } {
  let bytes = 0;
  let gzip = 0;
  const files = walk(dir);
  for (const f of files) {
    const b = readFileSync(f);
    bytes += b.length;
    gzip += COMPRESSIBLE.test(f) ? gzipSync(b, { level: 6 }).length : b.length;
  }
  return { files: files.length, bytes, gzip };
}

function version(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

async function benchArchive(n: number): Promise<ArchiveResult> {
  log(`N = ${n}: writing the archive`);
  const content = join(work, `content-${n}`);
  const site = join(work, `site-${n}`);
  const plain = join(work, `plain-${n}`);
  const pagefindOut = join(work, `pagefind-${n}`);
  rmSync(content, { recursive: true, force: true });
  writeCorpusArchive(corpus.slice(0, n), content);

  const full: Measured[] = [];
  const plainRuns: Measured[] = [];
  const index: Measured[] = [];
  const pagefind: Measured[] = [];
  const lunrRuns: Measured[] = [];
  const lunrInner: number[] = [];
  let lunrResult: LunrLanguagesResult | undefined;
  let queriesFile = "";
  let queries: ReturnType<typeof benchQueries> = [];
  for (let r = 1; r <= runs; r++) {
    full.push(await runMeasured(NODE_TSX[0], [...NODE_TSX.slice(1), join(ROOT, "scripts/build.ts"), "--content", content, "--out", site, "--quiet"], { cwd: ROOT }));
    log(`  run ${r}/${runs}: Banmian full build ${(full.at(-1)!.ms / 1000).toFixed(1)} s`);
    if (r === 1) {
      const { documents } = await readDocuments(site);
      queries = benchQueries(documents);
      queriesFile = join(work, `queries-${n}.json`);
      writeFileSync(queriesFile, JSON.stringify(queries.map((q) => ({ q: q.q, ...(q.source !== undefined ? { source: documents[q.source]!.url } : {}) }))));
    }
    // The rest in a rotating order, so no tool always runs right after another.
    const steps: Array<[string, () => Promise<void>]> = [
      ["plain Eleventy", async () => void plainRuns.push(await runMeasured(NODE_TSX[0], [...NODE_TSX.slice(1), join(ROOT, "bench/plain-build.ts"), "--content", content, "--out", plain], { cwd: ROOT }))],
      ["Banmian index step", async () => void index.push(await runMeasured(NODE_TSX[0], [...NODE_TSX.slice(1), join(ROOT, "scripts/build-index.ts"), "--site", site], { cwd: ROOT }))],
      [
        "Pagefind",
        async () => {
          rmSync(pagefindOut, { recursive: true, force: true });
          pagefind.push(
            await runMeasured(process.execPath, [PAGEFIND, "--site", site, "--output-path", pagefindOut, "--glob", "*/*/*/index.html", "--root-selector", "article.article", "--quiet"], { cwd: ROOT }),
          );
        },
      ],
      [
        "lunr-languages",
        async () => {
          const out = join(work, `lunr-languages-${n}.json`);
          lunrRuns.push(await runMeasured(NODE_TSX[0], [...NODE_TSX.slice(1), join(ROOT, "bench/lunr-languages.ts"), "--site", site, "--queries", queriesFile, "--out", out], { cwd: ROOT }));
          lunrResult = JSON.parse(readFileSync(out, "utf8")) as LunrLanguagesResult;
          lunrInner.push(lunrResult.buildMs);
        },
      ],
    ];
    for (let k = 0; k < steps.length; k++) {
      const [name, step] = steps[(k + r - 1) % steps.length]!;
      await step();
      log(`  run ${r}/${runs}: ${name} done`);
    }
  }
  rmSync(plain, { recursive: true, force: true });

  const indexDir = join(site, INDEX_DIR);
  const banmianSize = treeSize(indexDir);
  const metaBytes = readFileSync(join(indexDir, partFile(META_PART)));
  const postingsParts = readdirSync(join(indexDir, "postings")).length;
  const pagefindSize = treeSize(pagefindOut);
  const documentsJson = statSync(join(site, "search/documents.json")).size;

  // Banmian's engine in Node, on the same index: exact-phrase counts and known-item ranks.
  log("  queries in Node (Banmian's engine, exact-phrase counts, known-item ranks)");
  const { documents } = await readDocuments(site);
  const urlToDoc = new Map(documents.map((d, i) => [d.url, i]));
  const engine = await SearchEngine.open(nodePartSource(site));
  const nodeAnswers: Array<{ total: number; phrase: number; words: string[]; sourceRank: number | undefined; hitDocs: number[] }> = [];
  for (const q of queries) {
    const r = await engine.search(q.q);
    nodeAnswers.push({
      total: r.hits.length,
      phrase: r.hits.filter((h) => h.tier === 2).length,
      words: r.query.parts.flatMap((p) => p.words.map((w) => w.text)),
      sourceRank: q.source === undefined ? undefined : r.hits.findIndex((h) => h.doc === q.source),
      hitDocs: r.hits.map((h) => h.doc),
    });
  }

  log(`  browser: ${queries.length} queries, ${coldRuns} cold runs each, ${focusedRuns} after warm-up, ${warmRounds} warm rounds`);
  const server = await startBenchServer({ "/": site, "/pagefind/": pagefindOut }, { [HARNESS_PATH]: HARNESS_HTML });
  const browser = await launchChromium();
  const systems: System[] = ["banmian", "pagefind"];
  let browserResults: Awaited<ReturnType<typeof browserBench>>;
  const pagefindRanks: Array<number | undefined> = [];
  let chromium = "";
  try {
    chromium = browser.version();
    browserResults = await browserBench(browser, server, systems, queries.map((q) => q.q), { coldRuns, focusedRuns, warmRounds, log });
    for (const [i, q] of queries.entries()) {
      if (q.source === undefined) {
        pagefindRanks.push(undefined);
        continue;
      }
      const sourceUrl = documents[q.source]!.url;
      const norm = (u: string) => u.replace(/^\/+/u, "").replace(/index\.html$/u, "");
      let rank = browserResults.pagefind[i]!.top.map(norm).indexOf(sourceUrl);
      if (rank < 0 && browserResults.pagefind[i]!.total > 10) rank = (await pagefindUrls(browser, server, q.q, 200)).map(norm).indexOf(sourceUrl);
      pagefindRanks.push(rank);
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const queryResults: QueryResult[] = queries.map((q, i): QueryResult => {
    const b = browserResults.banmian[i]!;
    const p = browserResults.pagefind[i]!;
    const l = lunrResult?.queries[i];
    const node = nodeAnswers[i]!;
    const cold = (runs: typeof b.cold) => ({
      ms: median(runs.map((c) => c.ms)),
      raw: median(runs.map((c) => c.raw)),
      wire: median(runs.map((c) => c.wire)),
      requests: median(runs.map((c) => c.requests)),
    });
    const banmianTop = b.top.map((u) => urlToDoc.get(u));
    const exactSet = new Set(q.containing);
    return {
      q: q.q,
      kind: q.kind,
      containing: q.containing.length,
      ...(q.source !== undefined ? { source: documents[q.source]!.url } : {}),
      banmian: {
        total: b.total,
        nodeTotal: node.total,
        phrase: node.phrase,
        phraseExact: node.hitDocs.filter((d, k) => k < node.phrase && exactSet.has(d)).length === q.containing.length && node.phrase === q.containing.length,
        words: node.words,
        ...(q.source !== undefined ? { sourceRank: node.sourceRank!, sourceInTop10: banmianTop.includes(q.source) } : {}),
        cold: cold(b.cold),
        focused: cold(b.focused),
        warmMedianMs: median(b.warm),
      },
      pagefind: {
        total: p.total,
        ...(q.source !== undefined ? { sourceRank: pagefindRanks[i]! } : {}),
        cold: cold(p.cold),
        focused: cold(p.focused),
        warmMedianMs: median(p.warm),
      },
      lunrLanguages: { total: l?.total ?? -1, ...(q.source !== undefined ? { sourceRank: l?.sourceRank ?? -1 } : {}) },
    };
  });

  const allWarm = (s: System) => browserResults[s].flatMap((r) => r.warm);
  return {
    articles: n,
    builds: {
      banmianFull: stat(full),
      plainEleventy: stat(plainRuns),
      banmianIndex: stat(index),
      pagefind: stat(pagefind),
      lunrLanguages: stat(lunrRuns, lunrInner),
    },
    sizes: {
      documentsJson,
      banmian: { ...banmianSize, metaBytes: metaBytes.length, metaGzip: gzipSync(metaBytes, { level: 6 }).length, postingsParts, docsParts: documents.length },
      pagefind: pagefindSize,
      lunrLanguages: { bytes: lunrResult?.jsonBytes ?? -1, gzip: lunrResult?.gzipBytes ?? -1 },
    },
    queries: queryResults,
    search: Object.fromEntries(
      systems.map((s) => [
        s,
        {
          coldWireMedian: median(queryResults.map((q) => q[s].cold.wire)),
          coldRawMedian: median(queryResults.map((q) => q[s].cold.raw)),
          coldWireMax: Math.max(...queryResults.map((q) => q[s].cold.wire)),
          coldMsMedian: median(queryResults.map((q) => q[s].cold.ms)),
          focusedMsMedian: median(queryResults.map((q) => q[s].focused!.ms)),
          focusedWireMedian: median(queryResults.map((q) => q[s].focused!.wire)),
          warmMedianMs: median(allWarm(s)),
          warmP95Ms: percentile(allWarm(s), 95),
        },
      ]),
    ) as ArchiveResult["search"],
    chromium,
  };
}

mkdirSync(work, { recursive: true });
log(`corpus ${corpusFile} (${corpus.length} articles); sizes ${sizes.join(", ")}; ${runs} runs; work folder ${work}`);
const archives: ArchiveResult[] = [];
for (const n of sizes) archives.push(await benchArchive(Math.min(n, corpus.length)));

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
    commit: (() => {
      try {
        return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
      } catch {
        return "?";
      }
    })(),
    eleventy: version("@11ty/eleventy"),
    lunr: version("lunr"),
    lunrLanguages: version("lunr-languages"),
    jieba: version("@node-rs/jieba"),
    pagefind: version("pagefind"),
    playwright: version("playwright-core"),
    chromium: archives[0]?.chromium ?? "?",
  },
  settings: { runs, coldRuns, focusedRuns, warmRounds, corpus: "news.jsonl", durationSeconds: Math.round((Date.now() - started) / 1000) },
  archives,
};
const outDir = join(ROOT, "bench/results");
mkdirSync(outDir, { recursive: true });
const markdown = renderMarkdown(results);
writeFileSync(join(outDir, "latest.json"), `${JSON.stringify(results, null, 1)}\n`);
writeFileSync(join(outDir, "latest.md"), markdown);
if (!values.keep) rmSync(work, { recursive: true, force: true });
log(`wrote bench/results/latest.md and latest.json (${results.settings.durationSeconds} s)`);
console.log(`\n${markdown}`);
