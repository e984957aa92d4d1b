/**
 * lunr-languages, Chinese, as its README shows: lunr with lunr.stemmer.support and
 * lunr.zh, which in Node segments with @node-rs/jieba when it is installed (it is a
 * devDependency here), an index with a title field (boost 10) and a body field, and
 * `index.search(q)` for queries. The benchmark runs this file as its own process (so its
 * time and peak memory are its own) on the built site's search documents (read from its
 * index's docs parts, src/search/build/site-documents.ts):
 *
 *   tsx bench/lunr-languages.ts --site DIR --queries FILE.json --out FILE.json
 *
 * and reads back: build time (lunr(...) over all articles), the serialized index's size
 * raw and gzip (`JSON.stringify(index)`, what a site would ship and a reader download
 * before the first result), and per query the number of results, the first refs and,
 * for a known item ({q, source: its URL}), the rank of its article (-1: not found).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import lunr from "lunr";
import { readSiteDocuments } from "../src/search/build/site-documents.ts";

const require = createRequire(import.meta.url);

export interface LunrLanguagesResult {
  articles: number;
  buildMs: number;
  jsonBytes: number;
  gzipBytes: number;
  queries: Array<{ q: string; total: number; refs: string[]; sourceRank?: number; error?: string }>;
}

const { values } = parseArgs({ options: { site: { type: "string" }, queries: { type: "string" }, out: { type: "string" } } });
if (!values.site || !values.queries || !values.out) {
  console.error("usage: tsx bench/lunr-languages.ts --site DIR --queries FILE.json --out FILE.json");
  process.exit(2);
}

// As the README: require('lunr-languages/lunr.stemmer.support')(lunr); require('lunr-languages/lunr.zh')(lunr)
(require("lunr-languages/lunr.stemmer.support") as (l: typeof lunr) => void)(lunr);
(require("lunr-languages/lunr.zh") as (l: typeof lunr) => void)(lunr);
const zh = (lunr as unknown as { zh: lunr.Builder.Plugin }).zh;

const documents = readSiteDocuments(values.site);
const started = performance.now();
const index = lunr(function () {
  this.use(zh);
  this.ref("id");
  this.field("title", { boost: 10 });
  this.field("body");
  for (const d of documents) this.add({ id: d.url, title: d.title, body: d.body.join("\n") });
});
const buildMs = performance.now() - started;
const json = JSON.stringify(index);
const queries = (JSON.parse(readFileSync(values.queries, "utf8")) as Array<{ q: string; source?: string }>).map(({ q, source }) => {
  try {
    const results = index.search(q);
    const out: LunrLanguagesResult["queries"][number] = { q, total: results.length, refs: results.slice(0, 10).map((r) => r.ref) };
    if (source !== undefined) out.sourceRank = results.findIndex((r) => r.ref === source);
    return out;
  } catch (e) {
    // lunr's query parser throws on some inputs; that is a result too.
    return { q, total: 0, refs: [], error: (e as Error).message };
  }
});
const result: LunrLanguagesResult = {
  articles: documents.length,
  buildMs,
  jsonBytes: Buffer.byteLength(json),
  gzipBytes: gzipSync(json, { level: 6 }).length,
  queries,
};
writeFileSync(values.out, JSON.stringify(result));
