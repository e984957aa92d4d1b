/**
 * Harness page: a blank page served beside the built site (by bench/server.ts, so it
 * has the site's origin and no CSP of its own) from which the benchmark drives each
 * search the way its own browser client does, timing each query from the moment it is
 * asked until the first results are there:
 *
 * - Banmian: the site's own Web Worker (assets/search-worker.js), opened on the index
 *   directory and asked for the first 10 results with their snippets, exactly as the
 *   search box's backend (src/search/client/backend.ts) does over http.
 * - Pagefind: its JS API as its documentation shows (`import("/pagefind/pagefind.js")`,
 *   `pagefind.search(q)`, then `data()` of the first 10 results, which loads their
 *   fragments: title, URL and excerpt).
 *
 * Both keep their engine between queries on the same page, so the first query on a
 * fresh page is cold and later ones are warm. Plain JavaScript in a string: it runs
 * in the page as is (no build step, nothing injected by the TypeScript loader).
 */
export const HARNESS_PATH = "/__bench/index.html";

const SCRIPT = String.raw`
"use strict";
let worker = null;
let opened = null;
let nextId = 0;
const pending = new Map();
function call(message) {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    worker.postMessage(Object.assign({}, message, { id }));
  });
}
async function banmianSearch(q, limit) {
  const started = performance.now();
  if (!worker) {
    worker = new Worker("/assets/search-worker.js");
    worker.onmessage = (e) => {
      const p = pending.get(e.data.id);
      pending.delete(e.data.id);
      if (!p) return;
      if (e.data.ok) p.resolve(e.data.value);
      else p.reject(new Error(e.data.error));
    };
    opened = call({ kind: "open", indexUrl: location.origin + "/search/index/" }).then(() => performance.now() - started);
  }
  const reply = await call({ kind: "search", request: { q, filters: {}, limit, facets: false } });
  const ms = performance.now() - started;
  return { ms, inner: reply.milliseconds, open: await opened, total: reply.total, urls: reply.results.map((r) => r.url) };
}
let pagefind = null;
async function pagefindSearch(q, limit) {
  const started = performance.now();
  if (!pagefind) pagefind = await import("/pagefind/pagefind.js");
  const search = await pagefind.search(q);
  const data = await Promise.all(search.results.slice(0, limit).map((r) => r.data()));
  const ms = performance.now() - started;
  return { ms, total: search.results.length, urls: data.map((d) => d.url) };
}
/** Pagefind's result URLs beyond the first page, for the known-item check (not timed). */
async function pagefindAllUrls(q, max) {
  if (!pagefind) pagefind = await import("/pagefind/pagefind.js");
  const search = await pagefind.search(q);
  const data = await Promise.all(search.results.slice(0, max).map((r) => r.data()));
  return { total: search.results.length, urls: data.map((d) => d.url) };
}
window.bench = { banmianSearch, pagefindSearch, pagefindAllUrls };
`;

export const HARNESS_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>bench</title></head>
<body><script>${SCRIPT}</script></body></html>
`;
