/**
 * Known-item recall on real text: an archive built (pages and index, by the real build) from 2,000 articles of the corpus
 * (corpus/news.jsonl), 1,000 random substrings of 2 to 8 characters from their titles
 * and bodies (seeded), each must return its source article; and the same with 200
 * traditional-character articles (news-zh-hant.jsonl) queried in simplified characters,
 * converted with OpenCC's own converter (opencc-js), not with the analyzer's fold.
 *
 * The corpus folder comes from BANMIAN_CORPUS (default ../shared/corpus); without it the
 * suite is skipped, except under CI=true, where that is a failure.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as OpenCC from "opencc-js";
import { corpusTest } from "../helpers/corpus.ts";
import { buildCorpusSite, corpusFile, drawSubstrings, readCorpus, type DrawnQuery } from "./helpers.ts";
import type { SearchEngine } from "../../src/search/query/query-engine.ts";

/** `docOf` maps an input article to its number in the built index. */
async function recall(engine: SearchEngine, docOf: number[], queries: readonly DrawnQuery[], convert: (s: string) => string = (s) => s) {
  const misses: string[] = [];
  const times: number[] = [];
  for (const { doc: input, text } of queries) {
    const doc = docOf[input]!;
    const q = convert(text);
    const started = performance.now();
    const r = await engine.search(q);
    times.push(performance.now() - started);
    if (!r.hits.some((h) => h.doc === doc)) misses.push(`${q} (from ${text} in article ${doc}, ${r.hits.length} hits)`);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!.toFixed(1);
  console.log(`  ${queries.length} queries: median ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);
  return misses;
}

corpusTest(test, "1,000 substrings of 2,000 simplified articles each find their article", corpusFile("news.jsonl"), async (simplified) => {
  const articles = readCorpus(simplified, 2000);
  const started = performance.now();
  const { engine, docOf } = await buildCorpusSite(articles);
  console.log(`  archive of ${articles.length} articles built (pages and index) in ${Math.round(performance.now() - started)} ms`);
  const misses = await recall(engine, docOf, drawSubstrings(articles, 1000, 2024));
  assert.equal(misses, [], `${misses.length} of 1000 missed`);
});

corpusTest(test, "1,000 substrings of 200 traditional articles, queried in simplified, find their article", corpusFile("news-zh-hant.jsonl"), async (traditional) => {
  const articles = readCorpus(traditional, 200);
  const { engine, docOf } = await buildCorpusSite(articles);
  const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });
  const queries = drawSubstrings(articles, 1000, 2017);
  // The queries really are in other characters than the articles, for most of them.
  const changed = queries.filter((q) => toSimplified(q.text) !== q.text).length;
  assert.ok(changed > 300, `only ${changed} queries differ from the traditional text`);
  const misses = await recall(engine, docOf, queries, toSimplified);
  assert.equal(misses, [], `${misses.length} of 1000 missed`);
});

test.run();
