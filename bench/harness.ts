/**
 * Harness page: a blank page served beside the built site (by bench/server.ts, so it
 * has the site's origin and no CSP of its own) from which the benchmark drives each
 * search the way its own browser client does, timing each query from the moment it is
 * asked until the first results are there:
 *
 * - Banmian: the search box's own backend (src/search/client/backend.ts, bundled from
 *   bench/harness-client.ts), which starts the site's Web Worker and asks it for the
 *   first 10 results with their snippets, as the box does over http.
 * - Pagefind: its JS API as its documentation shows (`import("/pagefind/pagefind.js")`,
 *   `pagefind.search(q)`, then `data()` of the first 10 results, which loads their
 *   fragments: title, URL and excerpt).
 *
 * Both keep their engine between queries on the same page, so the first query on a
 * fresh page is cold and later ones are warm. Each also has its warm-up: what Banmian's
 * search box does on focus (backend.prepare()) and Pagefind's init(). Pagefind's side is
 * plain JavaScript in a string: it runs in the page as is.
 */
import { buildSync } from "esbuild";
import { fileURLToPath } from "node:url";
import { CLIENT_BUILD_OPTIONS } from "../src/site/bundle-client.ts";

export const HARNESS_PATH = "/__bench/index.html";

const SCRIPT = String.raw`
"use strict";
let pagefind = null;
const loadPagefind = async () => (pagefind ??= await import("/pagefind/pagefind.js"));
async function pagefindSearch(q, limit) {
  const started = performance.now();
  await loadPagefind();
  const search = await pagefind.search(q);
  const data = await Promise.all(search.results.slice(0, limit).map((r) => r.data()));
  const ms = performance.now() - started;
  return { ms, total: search.results.length, urls: data.map((d) => d.url) };
}
/** Pagefind's result URLs beyond the first page, for the known-item check (not timed). */
async function pagefindAllUrls(q, max) {
  await loadPagefind();
  const search = await pagefind.search(q);
  const data = await Promise.all(search.results.slice(0, max).map((r) => r.data()));
  return { total: search.results.length, urls: data.map((d) => d.url) };
}
/** Pagefind's own warm-up (its documentation: init() loads the WebAssembly and the index metadata ahead of a search). */
async function pagefindPrepare() {
  await (await loadPagefind()).init();
}
window.bench = { banmianSearch: window.banmianSearch, banmianPrepare: window.banmianPrepare, pagefindSearch, pagefindPrepare, pagefindAllUrls };
`;

/** The search box's backend, bundled as the site's own scripts are (src/site/bundle-client.ts). */
const BANMIAN = buildSync({
  ...CLIENT_BUILD_OPTIONS,
  entryPoints: [fileURLToPath(new URL("./harness-client.ts", import.meta.url))],
  write: false,
}).outputFiles[0]!.text;

export const HARNESS_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>bench</title></head>
<body><script>${BANMIAN}</script><script>${SCRIPT}</script></body></html>
`;
