/**
 * Same answers: whether two sites' search indexes answer alike, reply by reply, through
 * the search service the page uses (results, order, snippets, counts, partial matches,
 * facets, filters, date order, the filter choices). For indexes whose files differ
 * (segmented or whole: src/search/format/index-format.ts, "Segments") but whose
 * answers must not.
 */
import * as assert from "uvu/assert";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readSiteDocuments } from "../../src/search/build/site-documents.ts";
import { nodePartSource } from "../../src/search/build/node-part-source.ts";
import type { SearchRequest } from "../../src/search/client/protocol.ts";
import { openSearchService } from "../../src/search/client/search-service.ts";
import type { SearchDocument } from "../../src/search/format/documents.ts";
import { seededRandom } from "./random.ts";

/** Queries for an archive: the words given, two-character words and prefixes from its titles, with filters and orders. */
export function requests(docs: readonly SearchDocument[], words: readonly string[], seed: number): SearchRequest[] {
  const rnd = seededRandom(seed);
  const drawn: string[] = [...words];
  for (let i = 0; i < 40; i++) {
    const title = [...docs[Math.floor(rnd() * docs.length)]!.title].filter((c) => /\p{sc=Han}/u.test(c));
    const at = Math.floor(rnd() * Math.max(1, title.length - 3));
    drawn.push(title.slice(at, at + 2 + (i % 3)).join(""));
    if (i % 5 === 0) drawn.push(`${title[at] ?? "中"}*`);
    if (i % 7 === 0) drawn.push(`${title.slice(at, at + 2).join("")} ${title.slice(at + 3, at + 5).join("")}`);
  }
  const column = docs.find((d) => d.column !== undefined)?.column;
  const dated = docs.map((d) => d.date).filter((d): d is string => d !== null);
  const out: SearchRequest[] = [];
  for (const q of drawn) {
    out.push({ q, filters: {}, limit: 20, facets: true });
    out.push({ q, filters: {}, limit: 5, facets: false, sort: "oldest" });
  }
  out.push({ q: "", filters: column ? { column } : {}, limit: 20, facets: true, sort: "newest" });
  if (dated.length > 0) out.push({ q: drawn[0]!, filters: { from: dated.at(-1)!, to: dated[0]! }, limit: 20, facets: true });
  return out;
}

/** Asserts two sites' indexes give the same reply to every request. */
export async function sameReplies(whole: string, segmented: string, list: readonly SearchRequest[]): Promise<void> {
  const a = openSearchService(nodePartSource(whole));
  const b = openSearchService(nodePartSource(segmented));
  let found = 0;
  for (const request of list) {
    const [x, y] = [await a.search(request), await b.search(request)];
    const strip = (r: typeof x) => ({ ...r, milliseconds: 0 });
    assert.equal(strip(y), strip(x), JSON.stringify(request));
    if (x.total > 0) found++;
  }
  assert.ok(found >= Math.min(10, list.length / 5), `enough requests find something to compare (${found} of ${list.length})`);
  assert.equal(await b.choices(), await a.choices());
}


/** Files made from the search index's files: the index itself, and the offline manifests and service worker that list and hash it. */
const fromIndex = (file: string) => file.startsWith("search/index/") || file.startsWith("offline/") || file === "offline-manifest.json" || file === "sw.js";

/**
 * Asserts that two builds of one archive are the same site: every page and other file
 * byte for byte, and the search indexes (whose segments may be cut differently) giving
 * the same reply to the judged queries, to words drawn from the archive's titles, with
 * filters and date orders.
 */
export async function assertSameSite(expected: string, actual: string, label: string, listFiles: (dir: string) => string[], words: readonly string[]): Promise<void> {
  const files = listFiles(expected).filter((f) => !fromIndex(f));
  assert.equal(listFiles(actual).filter((f) => !fromIndex(f)), files, `${label}: the same files`);
  for (const file of files) {
    if (!readFileSync(join(expected, file)).equals(readFileSync(join(actual, file)))) assert.unreachable(`${label}: ${file} differs`);
  }
  for (const file of ["offline-manifest.json", "sw.js"]) assert.is(existsSync(join(actual, file)), existsSync(join(expected, file)), `${label}: ${file}`);
  await sameReplies(expected, actual, requests(readSiteDocuments(expected), words, files.length));
}
