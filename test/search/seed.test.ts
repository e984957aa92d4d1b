/**
 * The judged development queries (test/fixtures/queries/seed-dev.json) over the sample
 * archive: every relevant article among the first ten results, nothing for a negative
 * query. The queries are a development set; the general behaviour is tested elsewhere.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { judgedQueries } from "../helpers/judged.ts";
import { buildInto, SAMPLE_CONTENT } from "../helpers/site.ts";
import { readSiteDocuments } from "../../src/search/build/site-documents.ts";
import { SearchEngine } from "../../src/search/query/query-engine.ts";
import { nodePartSource } from "../../src/search/build/node-part-source.ts";

const judged = judgedQueries();
// The sample built as a user builds it: the index the site ships, opened as the browser opens it.
const site = buildInto(SAMPLE_CONTENT);
const documents = { documents: readSiteDocuments(site) };

if (documents.documents.length === 0) {
  test("sample archive", () => assert.unreachable("content/ holds no articles"));
} else {
  const engine = await SearchEngine.open(nodePartSource(site));
  const titles = documents.documents.map((d) => d.title);

  test("every judged title is an article of the sample archive", () => {
    for (const { relevant } of judged.queries) for (const t of relevant) assert.ok(titles.includes(t), `no article titled ${t}`);
  });

  for (const { q, relevant } of judged.queries) {
    test(`${q}: relevant articles among the first ten`, async () => {
      const r = await engine.search(q);
      const top = r.hits.slice(0, 10).map((h) => titles[h.doc]);
      for (const t of relevant) assert.ok(top.includes(t), `${q}: ${t} not in ${JSON.stringify(top)}`);
    });
  }

  for (const q of judged.negative) {
    test(`${q}: no result`, async () => {
      const r = await engine.search(q);
      assert.equal(r.hits.map((h) => titles[h.doc]), []);
    });
  }
}

test.run();
