/**
 * Corpus page: the importer's generality beyond the seed. Pages are laid out
 * from real news articles in the seed page's style (corpus-page.ts), so what the
 * import should give is known from how they were laid out. One page (layout 1)
 * is checked in detail; twenty (layouts 1–20) in sum. The asserted numbers are
 * what the importer reaches. Skipped without the corpus (test/helpers/corpus.ts).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { readCorpus, type CorpusArticle } from "../../src/content/corpus.ts";
import { loadArchive } from "../../src/content/load-archive.ts";
import { importPage } from "../../src/import/import-page.ts";
import { corpusFile, corpusTest } from "../helpers/corpus.ts";
import { tempDir } from "../helpers/site.ts";
import { comparable, describe, FIELDS, measure, type Agreement, type Count } from "./agreement.ts";
import { corpusPage } from "./corpus-page.ts";

const file = corpusFile("news.jsonl");
let corpus: CorpusArticle[] | undefined;
const articles = (path: string) => (corpus ??= readCorpus(path, 4000));

function importLayout(all: CorpusArticle[], layout: number): Agreement {
  const page = corpusPage(all, layout);
  const dir = tempDir("corpus-page");
  writeFileSync(join(dir, "page.txt"), page.text);
  importPage({ input: join(dir, "page.txt"), date: "2024-05-01", page: "2", out: join(dir, "content"), report: join(dir, "report.md") });
  const archive = loadArchive(join(dir, "content")); // the drafts are valid
  return measure(page.expected, archive.articles.map(comparable), page.unplaced, archive.pages[0]!.unplaced.map((u) => u.text));
}

corpusTest(test, "a page laid out from corpus articles imports as it was laid out (layout 1)", file, (path) => {
  const r = importLayout(articles(path), 1);
  console.log(`  corpus page, layout 1:\n  ${describe(r).split("\n").join("\n  ")}`);
  assert.equal(r.articles, { right: 8, of: 8 });
  for (const f of FIELDS) assert.equal(r.fields[f], { right: 8, of: 8 }, f);
  assert.equal(r.paragraphs, { right: 33, of: 33 });
  assert.equal(r.subheads, { right: 2, of: 2 });
  assert.equal(r.gaps, { right: 1, of: 1 });
  assert.equal(r.unplaced, { right: 1, of: 1, extra: 0 });
});

corpusTest(test, "twenty pages laid out from corpus articles: the agreement reached", file, (path) => {
  const sum = (xs: Count[]): Count => ({ right: xs.reduce((s, x) => s + x.right, 0), of: xs.reduce((s, x) => s + x.of, 0) });
  const rs = Array.from({ length: 20 }, (_, i) => importLayout(articles(path), i + 1));
  const total = {
    articles: sum(rs.map((r) => r.articles)),
    whole: sum(rs.map((r) => r.whole)),
    paragraphs: sum(rs.map((r) => r.paragraphs)),
    subheads: sum(rs.map((r) => r.subheads)),
    gaps: sum(rs.map((r) => r.gaps)),
    unplaced: sum(rs.map((r) => r.unplaced)),
    extra: rs.reduce((s, r) => s + r.unplaced.extra, 0),
    fields: Object.fromEntries(FIELDS.map((f) => [f, sum(rs.map((r) => r.fields[f]))])),
  };
  const c = (x: Count) => `${x.right}/${x.of}`;
  console.log(
    `  corpus pages, layouts 1–20: articles found ${c(total.articles)}, entirely right ${c(total.whole)}; ` +
      `fields ${FIELDS.map((f) => `${f} ${c(total.fields[f]!)}`).join(", ")}; ` +
      `paragraphs ${c(total.paragraphs)}, subheads ${c(total.subheads)}, gaps ${c(total.gaps)}, unplaced ${c(total.unplaced)} (${total.extra} extra)`,
  );
  // What the importer reaches (see the README): asserted so that it cannot quietly get worse.
  assert.ok(total.articles.right >= 160, `articles ${c(total.articles)}`);
  assert.ok(total.whole.right >= 144, `entirely right ${c(total.whole)}`);
  for (const f of FIELDS) assert.ok(total.fields[f]!.right >= 160, `${f} ${c(total.fields[f]!)}`);
  assert.ok(total.paragraphs.right >= 639, `paragraphs ${c(total.paragraphs)}`);
  assert.ok(total.subheads.right >= 40, `subheads ${c(total.subheads)}`);
  assert.ok(total.gaps.right >= 7, `gaps ${c(total.gaps)}`);
  assert.ok(total.unplaced.right >= 20 && total.extra <= 0, `unplaced ${c(total.unplaced)} (${total.extra} extra)`);
});

test.run();
