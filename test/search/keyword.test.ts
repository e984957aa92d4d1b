/**
 * Keyword queries (test/fixtures/queries/corpus-keyword-dev.json): two or three words of
 * one article typed together, with a space, reversed or in traditional characters, over
 * the first 10,000 articles of the corpus, built by the real build. Every relevant
 * article must be among the first ten for at least 99 of the 100 queries, and no query
 * may come back empty.
 *
 * The same answers on every platform: the CLI (scripts/search.ts, in a process of its
 * own with Node's Intl.Segmenter) and the engine in this process, where Intl.Segmenter
 * is deleted before anything runs, must give the same ranked lists, for the keyword set
 * on the corpus and for the seed set on the sample archive.
 *
 * The corpus comes from BANMIAN_CORPUS (default ../shared/corpus); without it the
 * corpus tests are skipped, except under CI=true, where that is a failure.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildCorpusSite, corpusFile, readCorpus } from "./helpers.ts";
import { corpusTest } from "../helpers/corpus.ts";
import { buildInto, ROOT as repoRoot, SAMPLE_CONTENT, tempDir } from "../helpers/site.ts";
import { SearchEngine } from "../../src/search/query/query-engine.ts";
import { nodePartSource } from "../../src/search/build/node-part-source.ts";

// Before any query is parsed: this process has no word segmenter at all.
const intl = Intl as unknown as { Segmenter?: unknown };
delete intl.Segmenter;

interface Keyword {
  kind: string;
  q: string;
  relevant: string[];
}

const keywords = (JSON.parse(readFileSync(join(repoRoot, "test/fixtures/queries/corpus-keyword-dev.json"), "utf8")) as { n: number; queries: Keyword[] });
const seed = JSON.parse(readFileSync(join(repoRoot, "test/fixtures/queries/seed-dev.json"), "utf8")) as { queries: Array<{ q: string }>; negative: string[] };

/** The CLI's ranked URLs for each query (first `limit`), in one process with Intl.Segmenter. */
function cliLists(site: string, queries: readonly string[], limit: number): string[][] {
  const file = join(tempDir("queries"), "queries.txt");
  writeFileSync(file, queries.join("\n") + "\n");
  const probe = "if (typeof Intl.Segmenter !== 'function') throw new Error('the CLI process should have Intl.Segmenter');";
  const r = spawnSync(process.execPath, ["--import", "tsx", "--eval", probe, "--", ""], { encoding: "utf8" });
  assert.is(r.status, 0, r.stderr);
  const cli = spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "scripts/search.ts"), "--site", site, "--limit", String(limit), "--queries", file], { cwd: repoRoot, encoding: "utf8", maxBuffer: 1 << 28 });
  assert.is(cli.status, 0, cli.stderr);
  const lines = cli.stdout.trim().split("\n").map((l) => JSON.parse(l) as { q: string; results: Array<{ url: string }> });
  assert.equal(lines.map((l) => l.q), [...queries]);
  return lines.map((l) => l.results.map((x) => x.url));
}

async function engineLists(engine: SearchEngine, queries: readonly string[], limit: number): Promise<string[][]> {
  const out: string[][] = [];
  for (const q of queries) out.push((await engine.results(await engine.search(q), 0, limit)).map((r) => r.url));
  return out;
}

test("the sample archive: the seed set gives the same ranked lists in the CLI and without Intl.Segmenter", async () => {
  assert.is(typeof intl.Segmenter, "undefined");
  const site = buildInto(SAMPLE_CONTENT);
  const queries = [...seed.queries.map((x) => x.q), ...seed.negative];
  const engine = await SearchEngine.open(nodePartSource(site));
  const mine = await engineLists(engine, queries, 50);
  assert.equal(mine, cliLists(site, queries, 50));
  assert.ok(mine.filter((l) => l.length > 0).length >= seed.queries.length);
});

corpusTest(test, "keyword queries over 10,000 corpus articles: all relevant in the top ten for 99 of 100, none empty, the same as the CLI", corpusFile("news.jsonl"), async (news) => {
  const articles = readCorpus(news, keywords.n);
  const started = performance.now();
  const { site, engine, docOf } = await buildCorpusSite(articles);
  console.log(`  ${articles.length} articles built (pages and index) in ${Math.round(performance.now() - started)} ms`);
  const number = new Map(articles.map((a, i) => [a.id, docOf[i]!]));
  const misses: string[] = [];
  const empty: string[] = [];
  const times: number[] = [];
  for (const k of keywords.queries) {
    const t0 = performance.now();
    const r = await engine.search(k.q);
    times.push(performance.now() - t0);
    if (r.hits.length === 0) empty.push(k.q);
    const top = new Set(r.hits.slice(0, 10).map((h) => h.doc));
    const missing = k.relevant.filter((id) => !top.has(number.get(id)!));
    if (missing.length > 0) misses.push(`${k.kind} ${k.q}: ${missing.length} of ${k.relevant.length} relevant not in the top ten`);
  }
  times.sort((a, b) => a - b);
  console.log(`  ${keywords.queries.length - misses.length} of ${keywords.queries.length} with all relevant in the top ten; median ${times[times.length >> 1]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`);
  for (const m of misses) console.log(`  miss: ${m}`);
  assert.equal(empty, [], "queries with no result");
  assert.ok(misses.length <= 1, `${misses.length} misses`);

  const queries = keywords.queries.map((k) => k.q);
  assert.equal(await engineLists(engine, queries, 20), cliLists(site, queries, 20));
});

test.run();
