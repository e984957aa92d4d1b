/**
 * Hit order (src/search/query/hit-order.ts): the packed-key sort gives the comparator's
 * order, and the first page alone (top k) is the full order's first page, on random hits
 * made to tie (few tiers, cuts and scores; dates repeated, partial or unknown). Then the
 * engine: a search ranked for its first page only, paged on with results(), shows the
 * same articles at every offset as the fully ranked search, on 1,500 corpus articles.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { NewestOrder, type RankedHit } from "../../src/search/query/hit-order.ts";
import { SearchEngine } from "../../src/search/query/query-engine.ts";
import { nodePartSource } from "../../src/search/build/node-part-source.ts";
import { buildCorpusSite, corpusFile, drawSubstrings, readCorpus } from "./helpers.ts";
import { corpusTest } from "../helpers/corpus.ts";
import { seededRandom as seeded } from "../helpers/random.ts";

function randomArchive(rnd: () => number, size: number): Array<string | null> {
  const dates = ["2024-03-01", "2024-03-02", "2023-12", "2023", "2024-03-01", null];
  return Array.from({ length: size }, () => dates[Math.floor(rnd() * dates.length)]!);
}

function randomHits(rnd: () => number, archive: number, n: number): RankedHit[] {
  const docs = new Set<number>();
  while (docs.size < n) docs.add(Math.floor(rnd() * archive));
  return [...docs].map((doc) => {
    const hit: RankedHit = { doc, tier: Math.floor(rnd() * 3), lunrScore: Math.floor(rnd() * 6) / 4 };
    if (rnd() < 0.3) hit.cut = 1 + Math.floor(rnd() * 3);
    return hit;
  });
}

const docsOf = (hits: readonly RankedHit[]) => hits.map((h) => h.doc);

test("packed keys sort as the comparator does; the top k are the full order's first k, the rest in their order", () => {
  const rnd = seeded(99);
  for (const [archive, n] of [[50, 40], [5000, 3000], [20000, 9000]] as const) {
    const order = new NewestOrder(randomArchive(rnd, archive));
    const hits = randomHits(rnd, archive, n);
    const full = order.sort(hits, { keyed: false });
    assert.equal(docsOf(order.sort(hits, { keyed: true })), docsOf(full), `keyed sort of ${n}`);
    for (let i = 1; i < full.length; i++) assert.ok(order.compare(full[i - 1]!, full[i]!) < 0, "a strict order");
    for (const k of [0, 1, 10, 57, n - 1, n]) {
      const top = order.top(hits, k);
      assert.equal(docsOf(top.slice(0, k)), docsOf(full.slice(0, k)), `top ${k} of ${n}`);
      const chosen = new Set(top.slice(0, k));
      assert.equal(docsOf(top.slice(k)), docsOf(k >= n ? full.slice(k) : hits.filter((h) => !chosen.has(h))), `the rest after top ${k}`);
    }
  }
});

corpusTest(test, "1,500 corpus articles: a search ranked for its first page pages on as the fully ranked search", corpusFile("news.jsonl"), async (file) => {
  const articles = readCorpus(file).slice(0, 1500);
  const { site } = await buildCorpusSite(articles);
  const engine = await SearchEngine.open(nodePartSource(site));
  const queries = ["中国", "发展", "经济 发展", "中", "人民", ...drawSubstrings(articles, 40, 5).map((d) => d.text.slice(0, 2))];
  let paged = 0;
  for (const q of queries) {
    const full = await engine.search(q);
    const lazy = await engine.search(q, undefined, { rank: 10 });
    assert.is(lazy.hits.length, full.hits.length, `${q}: the count is exact`);
    for (const offset of [0, 10, 30, 200]) {
      const shown = (await engine.results(lazy, offset, 10)).map((r) => r.doc);
      assert.equal(shown, full.hits.slice(offset, offset + 10).map((h) => h.doc), `${q}: results at ${offset}`);
      paged += shown.length;
    }
  }
  assert.ok(paged > 500, `only ${paged} results compared`);
});

test.run();
