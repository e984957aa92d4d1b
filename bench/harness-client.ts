/**
 * Harness client: the benchmark's Banmian side in the browser. It is the search box's own
 * backend (src/search/client/backend.ts: the worker, started as the box starts it, with
 * the same messages), asked for the first results of a query; bench/harness.ts bundles
 * it into the harness page. Timed from the moment the query is asked until the reply,
 * titles, URLs and snippets, is there. The first query on a fresh page is cold (no
 * worker, nothing loaded); the backend keeps its worker, so later ones are warm.
 */
import { createBackend } from "../src/search/client/backend.ts";
import type { SearchService } from "../src/search/client/protocol.ts";

let backend: SearchService | undefined;

async function banmianSearch(q: string, limit: number) {
  const started = performance.now();
  backend ??= createBackend(new URL("/", location.href));
  const reply = await backend.search({ q, filters: {}, limit, facets: false });
  const ms = performance.now() - started;
  return { ms, inner: reply.milliseconds, total: reply.total, urls: reply.results.map((r) => r.url) };
}

/** What the search box does on focus, before the reader types: start the worker and load the meta part. */
function banmianPrepare() {
  backend ??= createBackend(new URL("/", location.href));
  backend.prepare();
}

Object.assign(globalThis, { banmianSearch, banmianPrepare });
