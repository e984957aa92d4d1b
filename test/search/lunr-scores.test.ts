/**
 * Direct Lunr scores (src/search/query/lunr-scores.ts) against Lunr's own query on the
 * rebuilt index (SearchEngine.open(…, { reference: true })): for every query, the same
 * ranked hits with bit-equal Lunr scores. Queries: the judged seed set on the sample
 * archive; on 1,500 corpus articles, the keyword set's queries, drawn substrings, and
 * one-character words beside words they prefix ("中 中国": a term two clauses expand to,
 * so Lunr's query vector holds a 2), which exercise prefix expansion and articles that
 * match in several fields.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildCorpusSite, corpusFile, drawSubstrings, readCorpus } from "./helpers.ts";
import { corpusTest } from "../helpers/corpus.ts";
import { buildInto, ROOT, SAMPLE_CONTENT } from "../helpers/site.ts";
import { SearchEngine } from "../../src/search/query/query-engine.ts";
import { nodePartSource } from "../../src/search/build/node-part-source.ts";
import type { PartSource } from "../../src/search/query/part-cache.ts";

const fixture = (name: string) => JSON.parse(readFileSync(join(ROOT, "test/fixtures/queries", name), "utf8"));

/** Compares the two engines on each query; returns how many hits were compared. */
async function compare(source: PartSource, queries: readonly string[]): Promise<number> {
  const direct = await SearchEngine.open(source);
  const reference = await SearchEngine.open(source, { reference: true });
  let compared = 0;
  for (const q of queries) {
    const a = await direct.search(q);
    const b = await reference.search(q);
    assert.is(a.failure, undefined, `${q}: ${a.problems.join("; ")}`);
    assert.is(a.hits.length, b.hits.length, `${q}: number of hits`);
    a.hits.forEach((h, i) => {
      const r = b.hits[i]!;
      assert.is(h.doc, r.doc, `${q}: hit ${i}`);
      assert.ok(Object.is(h.lunrScore, r.lunrScore), `${q}: hit ${i} (article ${h.doc}) scores ${h.lunrScore}, Lunr ${r.lunrScore}`);
      assert.ok(Object.is(h.score, r.score), `${q}: hit ${i} rank score`);
    });
    compared += a.hits.length;
  }
  return compared;
}

test("the sample archive: the seed queries score as Lunr's query does", async () => {
  const seed = fixture("seed-dev.json") as { queries: Array<{ q: string }>; negative: string[] };
  const site = buildInto(SAMPLE_CONTENT);
  const compared = await compare(nodePartSource(site), [...seed.queries.map((x) => x.q), ...seed.negative, "人", "人 人才", "发展 展"]);
  assert.ok(compared > seed.queries.length, `only ${compared} hits compared`);
});

corpusTest(test, "1,500 corpus articles: keyword queries, substrings and prefixes score as Lunr's query does", corpusFile("news.jsonl"), async (file) => {
  const articles = readCorpus(file).slice(0, 1500);
  const { site } = await buildCorpusSite(articles);
  const keywords = (fixture("corpus-keyword-dev.json") as { queries: Array<{ q: string }> }).queries.map((x) => x.q);
  const substrings = drawSubstrings(articles, 150, 17).map((d) => d.text);
  const prefixes = ["中 中国", "国 国家", "发 发展", "经", "新 新闻 闻", "会议 会"];
  const compared = await compare(nodePartSource(site), [...keywords, ...substrings, ...prefixes]);
  assert.ok(compared > 5000, `only ${compared} hits compared`);
});

test.run();
