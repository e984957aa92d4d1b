/**
 * The judged development queries (test/fixtures/queries/seed-dev.json) over the sample
 * archive: every relevant article among the first ten results, nothing for a negative
 * query. The queries are a development set; the general behaviour is tested elsewhere.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildAndOpen, removeSite, repoRoot, sampleDocuments } from "./helpers.ts";

interface Judged {
  queries: Array<{ q: string; relevant: string[] }>;
  negative: string[];
}

const judged = JSON.parse(readFileSync(join(repoRoot, "test/fixtures/queries/seed-dev.json"), "utf8")) as Judged;
const documents = sampleDocuments();

if (documents.documents.length === 0) {
  test("sample archive", () => assert.unreachable("content/ holds no articles"));
} else {
  const { dir, engine } = await buildAndOpen(documents);
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

  test.after(() => removeSite(dir));
}

test.run();
