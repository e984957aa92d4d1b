/**
 * The client's scripts as the build writes them: the page script, loaded by every page,
 * carries none of the search engine; the search worker leaves the traditional→simplified
 * table to its own file, loaded on demand.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { T2S_PAIRS } from "../../src/search/analysis/t2s-data.ts";
import { buildInto, SAMPLE_CONTENT } from "../helpers/site.ts";

const site = buildInto(SAMPLE_CONTENT);
const asset = (name: string) => readFileSync(join(site, "assets", name), "utf8");
// Marks of the engine in minified code: a run of the fold's table, and Lunr's own messages.
const TABLE = T2S_PAIRS.slice(0, 40);
const LUNR = "Cannot load unregistered function";

test("the page script carries no engine: no Lunr, no T2S table, a few KB", () => {
  const page = asset("site.js");
  assert.not.ok(page.includes(LUNR), "Lunr is in the page script");
  assert.not.ok(page.includes(TABLE), "the T2S table is in the page script");
  const gzip = gzipSync(page).length;
  assert.ok(gzip < 10 * 1024, `page script ${gzip} B gzip`);
});

test("the worker has Lunr but not the T2S table, which has a file of its own", () => {
  const worker = asset("search-worker.js");
  assert.ok(worker.includes(LUNR));
  assert.not.ok(worker.includes(TABLE), "the T2S table is in the worker");
  assert.ok(asset("search-t2s.js").includes(TABLE));
  // The page's engine (file://, highlighting) keeps the table: it cannot load it on demand.
  assert.ok(asset("search-engine.js").includes(TABLE));
});

test.run();
