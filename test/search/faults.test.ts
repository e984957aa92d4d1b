/**
 * Faults of the index as the engine and the page's search service meet them: parts of
 * two builds (a site updated under an open page: the old meta with the new postings or
 * docs), a missing, corrupt or truncated postings or docs part. Each is reported as a
 * failure (query/search-failure.ts), never as "no result" or as a count of results
 * with none listed, and queries that do not need the bad part still work.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { nodePartSource } from "../../src/search/build/node-part-source.ts";
import { decodeMeta, validateMeta } from "../../src/search/format/meta.ts";
import { INDEX_DIR, META_PART, docsPartName, partFile, type MetaFile } from "../../src/search/format/index-format.ts";
import { ANALYZER_VERSION } from "../../src/search/analysis/analyzer.ts";
import type { PartSource } from "../../src/search/query/part-cache.ts";
import { SearchEngine } from "../../src/search/query/query-engine.ts";
import { openSearchService } from "../../src/search/client/search-service.ts";
import type { SearchDocument } from "../../src/search/format/documents.ts";
import { postingsPartOf } from "../helpers/index-parts.ts";
import { buildAndOpen, removeSite, sampleDocuments } from "./helpers.ts";

const sample = sampleDocuments();
const HUOYAN = "火焰蓝";
const WORKERS = "职工";

// The new build: one article more, at the front, so every article's number moves.
const added: SearchDocument = { ...sample.documents[0]!, id: "added", url: "2023-06/page-unknown/added/", title: "新增的一篇：熊猫邮局开张", body: ["熊猫邮局今天开张。"] };
const before = await buildAndOpen(sample);
const after = await buildAndOpen({ ...sample, documents: [added, ...sample.documents] });
const request = (q: string) => ({ q, filters: {}, limit: 8, facets: false });

/** The parts of `site`, with `change` deciding what some of them read as (undefined: missing). */
function source(site: string, change: (name: string, text: string) => string | undefined = (_, t) => t): PartSource {
  const read = nodePartSource(site);
  return async (name) => {
    const text = readFileSync(join(site, INDEX_DIR, partFile(name)), "utf8");
    const changed = change(name, text);
    if (changed === undefined) throw new Error(`search index part ${name}: HTTP 404`);
    if (changed === text) return read(name);
    const { unwrapPart } = await import("../../src/search/format/index-format.ts");
    return unwrapPart(name, changed);
  };
}


test("the old meta with the new build's parts: the search fails as 'index updated', not 'no result'", async () => {
  // What a page that opened the index before the redeploy gets: its meta, and the parts it had not loaded from the new build.
  const mixed: PartSource = (name) => (name === META_PART ? nodePartSource(before.dir)(name) : nodePartSource(after.dir)(name));
  const engine = await SearchEngine.open(mixed);
  const response = await engine.search(HUOYAN);
  assert.is(response.failure?.kind, "index-updated", JSON.stringify(response.problems));
  assert.equal(response.hits, []);
  const reply = await openSearchService(mixed).search(request(HUOYAN));
  assert.is(reply.failure?.kind, "index-updated");
  assert.is(reply.total, 0);
  // Either build alone answers.
  for (const { engine: e } of [before, after]) {
    const r = await e.search(HUOYAN);
    assert.is(r.failure, undefined);
    assert.ok(r.hits.length > 0);
  }
});

test("a missing, corrupt or truncated postings part fails the searches that need it, and only those", async () => {
  const part = postingsPartOf(before.dir, WORKERS).part;
  assert.is.not(postingsPartOf(before.dir, "火焰").part, part, "the other query needs other parts");
  const faults: Record<string, (text: string) => string | undefined> = {
    missing: () => undefined,
    truncated: (t) => t.slice(0, Math.floor(t.length / 2)),
    // Bytes overwritten in the middle of the file (a NUL is never valid in JSON).
    corrupt: (t) => `${t.slice(0, t.length >> 1)}\u0000\u00ff\u0000${t.slice((t.length >> 1) + 3)}`,
    html: () => "<!doctype html><title>Not found</title>",
  };
  for (const [what, change] of Object.entries(faults)) {
    const service = openSearchService(source(before.dir, (name, text) => (name === part ? change(text) : text)));
    const failed = await service.search(request(WORKERS));
    assert.is(failed.failure?.kind, "index-unavailable", `${what}: ${JSON.stringify(failed)}`);
    const other = await service.search(request(HUOYAN));
    assert.is(other.failure, null, what);
    assert.ok(other.results.length > 0, `${what}: ${HUOYAN} still found`);
  }
});

test("a missing or corrupt docs part fails the search whose results it holds, never 'found 8, showing 0'", async () => {
  const { hits } = await before.engine.search(WORKERS);
  const other = await before.engine.search(HUOYAN);
  const shown = new Set(other.hits.map((h) => h.doc));
  const doc = hits.find((h) => !shown.has(h.doc))!.doc;
  const part = docsPartName(doc);
  for (const [what, change] of Object.entries({ missing: () => undefined, truncated: (t: string) => t.slice(0, -20), corrupt: (t: string) => t.replace('"title":', '"title":3,"x":') })) {
    const service = openSearchService(source(before.dir, (name, text) => (name === part ? change(text) : text)));
    const failed = await service.search(request(WORKERS));
    assert.is(failed.failure?.kind, "index-unavailable", `${what}: ${JSON.stringify(failed).slice(0, 300)}`);
    assert.equal(failed.results, []);
    const ok = await service.search(request(HUOYAN));
    assert.is(ok.failure, null, what);
    assert.is(ok.results.length, ok.total, `${what}: every result of ${HUOYAN} is shown`);
  }
});

test.after(() => {
  removeSite(before.dir);
  removeSite(after.dir);
});

test.run();
