/**
 * Whole runs first: the engine ranks a query with its CJK runs whole before
 * Intl.Segmenter cuts them into words, and adds the articles that only the words find
 * afterwards (query-engine.ts). That must give exactly the hits of segmenting first:
 * the same articles, tiers and Lunr scores in the same order. Checked on the sample
 * archive (the judged queries, and substrings of its articles alone, in pairs and with a
 * filter) and on 1,000 corpus articles when the corpus is there.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { SearchDocument } from "../../src/search/format/documents.ts";
import type { SearchFilters } from "../../src/search/query/filters.ts";
import { parseQuery, segmenterReady } from "../../src/search/query/query-parser.ts";
import type { SearchEngine } from "../../src/search/query/query-engine.ts";
import { judgedQueries } from "../helpers/judged.ts";
import { corpusTest } from "../helpers/corpus.ts";
import { buildAndOpen, corpusFile, corpusToDocuments, readCorpus, removeSite, sampleDocuments, seededRandom } from "./helpers.ts";

/** Substrings of 2 to 8 characters of runs of Chinese characters (seeded). */
function substrings(documents: readonly SearchDocument[], count: number, seed: number): string[] {
  const rnd = seededRandom(seed);
  const runs = documents.flatMap((d) => [d.title, ...d.body].flatMap((t) => [...t.matchAll(/\p{sc=Han}{2,}/gu)].map((m) => [...m[0]])));
  const out: string[] = [];
  while (out.length < count) {
    const run = runs[Math.floor(rnd() * runs.length)]!;
    const length = 2 + Math.floor(rnd() * (Math.min(8, run.length) - 1));
    const start = Math.floor(rnd() * (run.length - length + 1));
    out.push(run.slice(start, start + length).join(""));
  }
  return out;
}

/** Queries whose hits differ between the two ways, with what differs. */
async function differences(engine: SearchEngine, queries: readonly string[], filters?: SearchFilters): Promise<string[]> {
  const out: string[] = [];
  for (const q of queries) {
    const a = await engine.search(q, filters, { wholeRunsFirst: true });
    const b = await engine.search(q, filters, { wholeRunsFirst: false });
    const show = (r: typeof a) => r.hits.map((h) => `${h.doc}:${h.tier}:${h.lunrScore}`).join(" ");
    if (show(a) !== show(b)) out.push(`${q}: whole runs first [${show(a)}], segmented first [${show(b)}]`);
    assert.equal(a.query.parts.map((p) => p.words.map((w) => w.text)), b.query.parts.map((p) => p.words.map((w) => w.text)), q);
  }
  return out;
}

/** How many queries Intl.Segmenter cuts: the check means something only if many are. */
const cut = (queries: readonly string[]) => queries.filter((q) => parseQuery(q).parts.some((p) => p.words.length > 1)).length;

const sample = sampleDocuments();
const { dir, engine } = await buildAndOpen(sample);
const judged = judgedQueries().queries.map((j) => j.q);

test("sample archive: judged queries and substrings give the same hits either way", async () => {
  const singles = substrings(sample.documents, 300, 7);
  const pairs = substrings(sample.documents, 100, 8).map((q, i, all) => `${q} ${all[(i + 1) % all.length]}`);
  const queries = [...judged, ...singles, ...pairs];
  assert.ok(cut(queries) > 100, `only ${cut(queries)} queries are cut into words`);
  assert.equal(await differences(engine, queries), []);
  const column = sample.documents.find((d) => d.column)!.column!;
  assert.equal(await differences(engine, singles.slice(0, 100), { column: [column] }), []);
});

test("a run of up to three characters is one word, without the segmenter", () => {
  for (const q of substrings(sample.documents, 300, 9).map((s) => [...s].slice(0, 3).join(""))) {
    assert.equal(parseQuery(q, { segment: false }).uncut, false, q);
    assert.equal(parseQuery(q).parts[0]!.words.map((w) => w.text), [q], q);
  }
  assert.equal(parseQuery("驿站运营", { segment: false }).uncut, true);
  assert.equal(parseQuery("“驿站运营”", { segment: false }).uncut, false);
  assert.equal(parseQuery("驿站运营").uncut, false);
  // Once the segmenter has cut a run, the engine segments first: one pass is quicker.
  assert.ok(segmenterReady());
});

test.after(() => removeSite(dir));

corpusTest(test, "1,000 corpus articles: 400 substrings and 100 pairs give the same hits either way", corpusFile("news.jsonl"), async (news) => {
  const documents = corpusToDocuments(readCorpus(news, 1000));
  const corpus = await buildAndOpen(documents);
  try {
    const queries = [...substrings(documents.documents, 400, 11), ...substrings(documents.documents, 100, 12).map((q, i, all) => `${q} ${all[(i + 7) % all.length]}`)];
    assert.ok(cut(queries) > 150, `only ${cut(queries)} queries are cut into words`);
    assert.equal(await differences(corpus.engine, queries), []);
  } finally {
    removeSite(corpus.dir);
  }
});

test.run();
