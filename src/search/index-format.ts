/**
 * Index format: the files scripts/build-index.ts writes under `<site>/search/index/` and
 * the browser (through index-loader.ts) reads. This comment is the contract; the writer
 * (index-writer.ts) and the loader are tested against each other and against the
 * lunr.Index that lunr.Builder builds from the same articles (test/search/index.test.ts).
 *
 * ## Parts and files
 * The index is a set of named parts. Part NAME is the file `NAME.js` under
 * `<site>/search/index/`, whose whole content is exactly
 *
 *     banmianSearchPart("NAME",PAYLOAD);\n
 *
 * where PAYLOAD is JSON. Loaded through `<script>` (pages opened from file://, where
 * fetch is refused) it calls the global `banmianSearchPart`; fetched as text it is
 * unwrapped by `unwrapPart` below. Parts:
 *
 * - `meta`: small, loaded first; everything that concerns all articles (MetaPayload).
 * - `postings/K` (K = 0, 1, …): the terms and their postings. Terms are sorted by UTF-16
 *   code units and cut into consecutive ranges, one per part; `meta.postings` gives the
 *   first term of each part, so the parts a query needs are found by binary search and
 *   the terms starting with one character (a one-character query) are in one part or
 *   in neighbouring ones. An archive of tens of thousands of articles is split into
 *   many parts by the writer's `maxTermsPerPart` option without changing the format.
 * - `docs/K`: what a results list and a snippet need about articles K·docsPerPart to
 *   K·docsPerPart + docsPerPart − 1: `{first, docs}`, each doc the article's entry of
 *   documents.json (title, URL, date, column, people, text fields; DocsPayload). With
 *   the default docsPerPart of 1, a query downloads one small part per result it shows.
 *
 * ## Numbers
 * Documents are numbered 0…docCount−1 in archive order (the order of documents.json);
 * the Lunr document ref of number n is the string `d` + n (e.g. "d17"). Fields are numbered in
 * `meta.fields` order. Lists of integers are stored as strings by codec.ts.
 *
 * ## Postings (PostingsPayload)
 * `terms` lists the part's terms in order, front-coded: each term is written as one
 * digit 0–9, the number of leading UTF-16 code units it shares with the previous term
 * (at most 9), followed by the rest of the term; terms are separated by single spaces
 * (terms never contain spaces). `postings` holds one encoded string per term, in the
 * same order, separated by single spaces (the codec's alphabet has no space). The
 * postings of a term encode, for each (article, field) in which the term occurs,
 * ordered by article then field:
 *
 *     docDelta·F + field,  count − 1,  p0,  p1 − p0 − 1,  …,  p(count−1) − p(count−2) − 1
 *
 * with F = number of fields, docDelta = article number minus the previous entry's (the
 * first entry: minus 0; 0 = same article, next field), and p the term's token positions
 * in the field (analyzer.ts), increasing. The count is the term frequency Lunr scores
 * with; the positions let the query engine check that a word occurs as a contiguous
 * string (pattern.ts). The term's Lunr term index is its rank in the global sorted term
 * list: `meta.postings[k].rank` + its index in the part.
 *
 * ## Scoring
 * The loader rebuilds, for the terms of a query, exactly the lunr.Index entries that
 * lunr.Builder produced: the inverted index (with `position` metadata) and the field
 * vectors, whose weights are Lunr's BM25 with `meta.bm25` (k1, b), `lunr.idf`, the field
 * lengths in `meta.docs.fieldLengths` (docCount·F integers, article-major), the average
 * field lengths in `meta.averageFieldLength` and the boosts in `meta.fields`, rounded to
 * three decimals as Lunr does. Nothing is precomputed per term, which keeps postings to
 * integers and lets a query load only its own terms.
 *
 * ## Compatibility
 * `meta.format` / `meta.version` name this format; `meta.analyzer` is ANALYZER_VERSION of
 * the analyzer that produced the terms. The loader refuses an index whose format
 * version or analyzer differs from its own: queries analyzed differently from the
 * articles would silently find the wrong things. Output is deterministic: the same
 * documents give byte-identical files.
 */
import type { SearchDocument } from "./documents.ts";

export const FORMAT_NAME = "banmian-search-index";
export const FORMAT_VERSION = 1;

/** The directory, relative to the site root, that holds the parts. */
export const INDEX_DIR = "search/index";

/** The global function a part's file calls when it is loaded as a script. */
export const PART_CALLBACK = "banmianSearchPart";

export const META_PART = "meta";
export const postingsPartName = (k: number) => `postings/${k}`;
export const docsPartName = (k: number) => `docs/${k}`;

/** The Lunr document ref of article number n. A letter first: V8 stores integer-like
 * keys as array elements, which makes Lunr's per-term maps of refs slow and large. */
export const docRef = (n: number) => `d${n}`;
export const docNumber = (ref: string) => Number(ref.slice(1));

/** The relative file path of a part inside the index directory. */
export const partFile = (name: string) => `${name}.js`;

export interface PostingsRange {
  /** Part name, e.g. "postings/0". */
  part: string;
  /** First term of the part ("" for the first part). */
  first: string;
  /** Global rank of the part's first term. */
  rank: number;
  /** Number of terms in the part. */
  count: number;
}

export interface MetaPayload {
  format: typeof FORMAT_NAME;
  version: typeof FORMAT_VERSION;
  analyzer: string;
  /** Version of lunr whose scoring the weights reproduce. */
  lunr: string;
  bm25: { k1: number; b: number };
  /** [name, boost] in field-number order. */
  fields: Array<[string, number]>;
  docCount: number;
  termCount: number;
  averageFieldLength: number[];
  postings: PostingsRange[];
  docsPerPart: number;
  /** Column names, numbered by first appearance in archive order. */
  columns: string[];
  /** People's names, numbered by first appearance in archive order. */
  people: string[];
  docs: {
    /** Per article: its date (YYYY, YYYY-MM, YYYY-MM-DD) or null. */
    date: Array<string | null>;
    /** Per article: its column number, or -1. */
    column: number[];
    /** Per article: the numbers of its people. */
    people: number[][];
    /** docCount·F encoded integers (codec.ts): the token count of each field. */
    fieldLengths: string;
  };
}

export interface PostingsPayload {
  /** Front-coded terms, space-separated (see "Postings"). */
  terms: string;
  /** Encoded postings per term, space-separated. */
  postings: string;
}

/** Front-codes sorted terms (see "Postings"). */
export function frontCode(terms: readonly string[]): string {
  let previous = "";
  return terms
    .map((term) => {
      let shared = 0;
      while (shared < 9 && shared < term.length && term.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
      previous = term;
      return String(shared) + term.slice(shared);
    })
    .join(" ");
}

/** The terms of a front-coded list. */
export function frontDecode(coded: string): string[] {
  if (coded === "") return [];
  let previous = "";
  return coded.split(" ").map((item) => {
    const shared = item.charCodeAt(0) - 0x30;
    if (!(shared >= 0 && shared <= 9) || shared > previous.length) throw new FormatError("bad front-coded term list");
    previous = previous.slice(0, shared) + item.slice(1);
    return previous;
  });
}

export interface DocsPayload {
  /** Number of the first article in this part. */
  first: number;
  docs: SearchDocument[];
}

/** The file content of a part. */
export function wrapPart(name: string, payload: unknown): string {
  return `${PART_CALLBACK}(${JSON.stringify(name)},${JSON.stringify(payload)});\n`;
}

export class FormatError extends Error {
  override name = "FormatError";
}

/** The payload of a part from its file content (fetched as text or read from disk). */
export function unwrapPart(name: string, text: string): unknown {
  const head = `${PART_CALLBACK}(${JSON.stringify(name)},`;
  const tail = ");\n";
  if (!text.startsWith(head) || !text.endsWith(tail)) throw new FormatError(`part ${name}: not a search index part`);
  try {
    return JSON.parse(text.slice(head.length, text.length - tail.length));
  } catch (e) {
    throw new FormatError(`part ${name}: ${(e as Error).message}`);
  }
}
