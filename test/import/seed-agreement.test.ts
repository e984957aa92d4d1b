/**
 * Seed agreement: the import of the seed page, compared field by field with the
 * sample content in content/2023-06/page-unknown, which was reassembled from it
 * by hand. The asserted numbers are what the importer reaches: every article,
 * every field and every paragraph. The drafts must also load without errors and
 * build into a site, and the report must list the joins and doubts with their
 * line numbers.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadArchive } from "../../src/content/load-archive.ts";
import { importPage } from "../../src/import/import-page.ts";
import { buildInto, ROOT, SAMPLE_CONTENT, tempDir } from "../helpers/site.ts";
import { comparable, describe, FIELDS, measure } from "./agreement.ts";

const dir = tempDir("seed-import");
const content = join(dir, "content");
const reportFile = join(dir, "report.md");
const result = importPage({ input: join(ROOT, "test/fixtures/seed/000_de7cc38bb0eadd2d.txt"), date: "2023-06-12", out: content, report: reportFile });

test("the drafts load without a content error", () => {
  const archive = loadArchive(content);
  assert.is(archive.articles.length, result.assembly.articles.length);
  assert.is(archive.editions[0]!.date.value, "2023-06-12");
  assert.is(archive.pages[0]!.slug, "page-unknown");
  assert.is(archive.pages[0]!.number.status, "unknown");
});

test("the drafts agree with the hand-reassembled sample, field by field", () => {
  const truth = loadArchive(SAMPLE_CONTENT);
  const got = loadArchive(content);
  const r = measure(
    truth.articles.map(comparable),
    got.articles.map(comparable),
    truth.pages[0]!.unplaced.map((u) => u.text),
    got.pages[0]!.unplaced.map((u) => u.text),
  );
  console.log(`  seed page:\n  ${describe(r).split("\n").join("\n  ")}`);
  // What the importer reaches on the seed page: everything.
  assert.equal(r.articles, { right: 9, of: 9 });
  for (const f of FIELDS) assert.equal(r.fields[f], { right: 9, of: 9 }, f);
  assert.equal(r.paragraphs, { right: 42, of: 42 });
  assert.equal(r.subheads, { right: 3, of: 3 });
  assert.equal(r.gaps, { right: 1, of: 1 });
  assert.equal(r.whole, { right: 9, of: 9 });
  assert.equal(r.unplaced, { right: 1, of: 1, extra: 0 });
});

test("the report lists every join, move and doubt with line numbers", () => {
  const report = readFileSync(reportFile, "utf8");
  for (const join of ["57 + 59", "71 + 73", "75 + 77", "149 + 99"]) assert.ok(report.includes(`lines ${join}:`), `join ${join} is listed`);
  assert.is(result.assembly.joins.length, 4);
  assert.match(report, /lines 55–63 placed as the text of/);
  assert.match(report, /lines 139–149 placed at the start of/);
  assert.match(report, /line 105 stops mid-sentence .* line 107/);
  assert.match(report, /line 63/);
  assert.match(report, /line 119 is unassigned/);
  assert.match(report, /## Line map/);
});

test("the drafts build into a site", () => {
  const site = buildInto(content);
  assert.ok(existsSync(join(site, "2023-06-12", "page-unknown", "a07", "index.html")));
});

test.run();
