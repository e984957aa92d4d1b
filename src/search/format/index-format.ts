/**
 * Index format: the files the index build (src/search/build/) writes under
 * `<site>/search/index/` and the query side (src/search/query/index-loader.ts) reads.
 * This comment is the contract, and this folder its only code: both sides encode,
 * decode and check every part with it and with nothing else, and it depends on nothing
 * outside the folder:
 *
 * - index-format.ts (this file): the parts, their names, files and payload types;
 * - codec.ts: lists of integers as strings; front-coding.ts: sorted term lists;
 * - meta.ts, postings.ts, docs.ts: each part's encoder, validating decoder and checks;
 * - documents.ts: an article's record (the build's search documents and docs parts);
 * - index-location.ts: where the parts live (what the page script needs).
 *
 * test/search/format.test.ts round-trips each part; test/search/index.test.ts checks the
 * writer and loader against each other and against the lunr.Index that lunr.Builder
 * builds from the same articles.
 *
 * ## Parts and files
 * The index is a set of named parts. Part NAME is the file `NAME.js` under
 * `<site>/search/index/`, whose whole content is exactly
 *
 *     banmianSearchPart("NAME",PAYLOAD);\n
 *
 * where PAYLOAD is JSON. Loaded through `<script>` (pages opened from file://, where
 * fetch is refused) it calls the global `banmianSearchPart`; fetched as text it is
 * unwrapped by `unwrapPart` below. A query loads the meta part, the postings parts that
 * hold its terms, and the docs parts of the results it shows; nothing else. Parts:
 *
 * - `meta` (MetaFile): loaded first, the only part every query needs, and of a size that
 *   does not grow with the number of articles (only with the number of editions, by a
 *   few bytes each): the fields and their total lengths, the table of postings tables,
 *   and the dates of the articles as runs (about one per edition).
 * - `postings-table/J` (J = 0, 1, …; PostingsTablePayload): the lower bounds of postings
 *   parts J·T … J·T + T − 1 (T = `meta.postings.perTable`). Two levels, so that meta
 *   holds one bound per T parts and a query loads the one or two tables of its terms:
 *   a table of every part in meta grew by a few bytes per part, that is with the
 *   archive.
 * - `postings/K` (K = 0, 1, …; PostingsPayload): the terms and their postings. Terms are
 *   sorted by UTF-16 code units and cut into consecutive ranges, one per part, so the
 *   part of a term is found by binary search in the parts' lower bounds (meta's
 *   `postings.first` for the table, the table's `first` for the part). The writer cuts by
 *   leading character under a byte budget
 *   (build/index-writer.ts, `partBytes`): all terms starting with one character (all bigrams
 *   XY of a character X, and X itself) stay in one part unless together they exceed the
 *   budget, in which case they fill consecutive parts of their own. A CJK word of n
 *   characters is the bigrams c1c2 … c(n−1)cn, so it needs at most n − 1 parts (more
 *   only where one of its leading characters is itself over the budget), and a
 *   one-character query X (the prefix X*) needs the parts of X alone. An archive whose
 *   postings fit the budget is one part; the format and the code are the same for one
 *   part or thousands. Each entry of a postings carries the length of its field in its
 *   article, so scoring needs nothing per article beyond the postings it reads.
 * - `docs/K` (DocsPayload): what a results list and a snippet need about articles
 *   K·docsPerPart to K·docsPerPart + docsPerPart − 1: `{first, docs}`, each doc the
 *   article's search document (title, URL, date, column, people, text fields).
 *   With the default docsPerPart of 1, a query downloads one small part per result it
 *   shows, never the text of every matching article.
 * - `facts` (FactsPayload): the column and people of every article, and their names:
 *   what the column and person filters and the facet counts of the search page need. A
 *   plain query never loads it.
 *
 * ## Segments
 * An index is one or more segments, listed in meta's `segments` in archive order. Each
 * segment is a set of parts of its own, named with its `dir` in front (`""` for the
 * base segment, `recent/` for the one an incremental build adds before it:
 * `recent/postings/0`, `recent/docs/12`, `recent/facts`): postings parts and tables,
 * facts and docs, numbering its articles from 0 and carrying its own build. The
 * loader numbers the articles of segment i on from those of the segments before it
 * (its offset), joins a term's postings over the segments in that numbering
 * (postings.ts, `joinPostings`) and the facts likewise (facts.ts, `joinFacts`), so
 * scores, ties and filters are those of one index of all the articles: a term's
 * document frequency is the sum over segments, meta's `docCount` and `fieldTotals` the
 * sums of the segments'. The base segment's files stay untouched while a build
 * remakes the recent one (src/build/index-plan.ts); meta's `dates` cover every segment.
 *
 * ## Numbers
 * Documents are numbered 0…docCount−1 in archive order (the order of the search documents);
 * the Lunr document ref of number n is the string `d` + n (e.g. "d17"). Fields are numbered in
 * `meta.fields` order (F fields). Lists of non-negative integers are stored as strings
 * by codec.ts ("codec" below): one to three printable characters per small integer, no
 * separators, no JSON escaping.
 *
 * ## Meta (MetaFile)
 * Per segment (`segments[i]`):
 * - `postings.first`: for postings tables 1, 2, … (table 0 starts at the lowest term),
 *   front-coded as below, the lower bound of the table's first part; `postings.parts`:
 *   the number of postings parts; `postings.perTable`: T. Table J covers parts J·T to
 *   min(J·T + T, parts) − 1.
 * - A lower bound (of a part, in a table) is the shortest string s with (last term of
 *   the part before) < s ≤ (first term of the part), whole code points: part K holds
 *   the terms t with first(K) ≤ t < first(K + 1). Mostly one character (where a part
 *   starts a new leading character) or a bigram. `termCount`: the number of terms in
 *   all parts. `dir`, `build`, `docCount`, `fieldTotals`: as in "Segments".
 *
 * For the whole index:
 * - `dates`: the distinct article dates (YYYY, YYYY-MM, YYYY-MM-DD; "" for none) in order
 *   of first appearance, front-coded as below (consecutive dates share their first eight
 *   characters); `docs.date`: codec pairs (date number, run length − 1), runs of
 *   consecutive articles with one date, in archive order (an archive is ordered by
 *   edition, so there is about one pair per edition).
 * - `fieldTotals`: per field, the sum of its token counts over all articles (of every
 *   segment): Lunr's average field length is fieldTotals[f] / docCount.
 *
 * ## Postings tables (PostingsTablePayload)
 * `first`: the lower bounds of the table's parts after its first (whose bound is the
 * table's own, in meta), front-coded: T − 1 of them, fewer in the last table.
 *
 * ## Facts (FactsPayload)
 * `columns`, `people`: names numbered by first appearance in archive order; `column`:
 * codec, per article its column number + 1 (0: none); `people`: codec, per article the
 * number of its people, then their numbers.
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
 *     docDelta·F + field,  count − 1,  length,  p0,  p1 − p0 − 1,  …,  p(count−1) − p(count−2) − 1
 *
 * with docDelta = article number minus the previous entry's (the first entry: minus 0;
 * 0 = same article, next field), length the token count of the field in the article
 * (the field length Lunr's BM25 normalizes with), and p the term's token positions in the field
 * (analysis/analyzer.ts), increasing. The count is the term frequency Lunr scores with; the
 * positions let the query engine check that a word occurs as a contiguous string
 * (analysis/pattern.ts).
 *
 * ## Scoring
 * The loader rebuilds, for the terms of a query, the lunr.Index entries that
 * lunr.Builder produced: the inverted index and the field vectors, whose weights are
 * Lunr's BM25 with `meta.bm25` (k1, b), `lunr.idf`, the field lengths
 * (each entry's `length`), their averages (`meta.fieldTotals`) and the boosts in
 * `meta.fields`, rounded to three decimals as Lunr does. Term indexes
 * only pair the query vector with the field vectors, so the loader numbers the query's
 * terms in their sorted order; scores are those of the full index. Nothing is
 * precomputed per term, which keeps postings to integers and lets a query load only its
 * own terms.
 *
 * ## Builds
 * Every part names the build it belongs to: `build` in its segment's entry in meta and
 * in every part's payload; `meta.build` is the index's (its one segment's, or a hash of
 * its segments'). A build is a hash of what the index is made from (the articles'
 * records in archive order, the format and analyzer versions and the writer's
 * settings; build/index-writer.ts, `BuildVersion`), so the same input gives the same
 * build and byte-identical files, and any other input another build. The loader takes
 * the build from meta and refuses a postings or docs part of another build
 * (BuildMismatchError, below): a page that opened the index before the site was
 * redeployed, or whose service worker still serves the old meta, would otherwise decode
 * the new build's parts with the old table of parts and numbering of articles, and
 * answer wrongly (no result for a word both builds hold). The client then opens the
 * index again, or tells the reader the index was updated.
 *
 * Why a build in every part rather than content-hashed file names: those would need
 * meta to list the name of every part (one docs part per article), a few incompressible
 * bytes per article in the one part every query loads; the build costs meta and each
 * part one short string. Its price is that a new build changes every part's bytes, so
 * an offline copy downloads the index parts it holds again on an update.
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
export const FORMAT_VERSION = 5;



export { INDEX_DIR, META_PART, partFile } from "./index-location.ts";

/** The global function a part's file calls when it is loaded as a script. */
export const PART_CALLBACK = "banmianSearchPart";

/** Part names; `dir` is the segment's (see "Segments"). */
export const postingsPartName = (k: number, dir = "") => `${dir}postings/${k}`;
export const postingsTableName = (j: number, dir = "") => `${dir}postings-table/${j}`;
export const FACTS_PART = "facts";
export const factsPartName = (dir = "") => `${dir}${FACTS_PART}`;
export const docsPartName = (k: number, dir = "") => `${dir}docs/${k}`;
/** The folder of the segment an incremental build adds before the others (see "Segments"). */
export const RECENT_DIR = "recent/";

/** The Lunr document ref of article number n. A letter first: V8 stores integer-like
 * keys as array elements, which makes Lunr's per-term maps of refs slow and large. */
export const docRef = (n: number) => `d${n}`;
export const docNumber = (ref: string) => Number(ref.slice(1));


/** A range of terms as the loader sees it: a postings table's, or a postings part's. */
export interface PostingsRange {
  /** Part name, e.g. "postings/0" or "postings-table/0". */
  part: string;
  /** The range holds the terms from `first` ("" for the first) up to the next range's `first`, excluded. */
  first: string;
}

/** What the meta part holds as it is, on disk and decoded alike. */
interface MetaCommon {
  format: typeof FORMAT_NAME;
  version: typeof FORMAT_VERSION;
  analyzer: string;
  /** The build this index is (see "Builds"): its one segment's, or a hash of its segments'. */
  build: string;
  /** Version of lunr whose scoring the weights reproduce. */
  lunr: string;
  bm25: { k1: number; b: number };
  /** [name, boost] in field-number order. */
  fields: Array<[string, number]>;
  /** Per field, the sum of its lengths over all articles (of every segment). */
  fieldTotals: number[];
  /** The articles of every segment. */
  docCount: number;
  docsPerPart: number;
}

/** A segment as the meta part lists it (see "Segments"). */
export interface SegmentFile {
  /** The prefix of the segment's part names: "" or a folder name and "/". */
  dir: string;
  /** The build of the segment's parts (see "Builds"). */
  build: string;
  docCount: number;
  termCount: number;
  /** Per field, the sum of its lengths over the segment's articles. */
  fieldTotals: number[];
  postings: {
    /** Front-coded lower bounds of the segment's postings tables 1, 2, … (see "Meta"). */
    first: string;
    /** The number of the segment's postings parts. */
    parts: number;
    /** Postings parts per table (T). */
    perTable: number;
  };
}

/** The meta part as written on disk (see "Meta"). */
export interface MetaFile extends MetaCommon {
  /** The segments in archive order: their articles are numbered on from the one before's. */
  segments: SegmentFile[];
  /** Distinct dates ("" for none), numbered by first appearance in archive order, front-coded. */
  dates: string;
  docs: {
    /** Codec pairs (date number, run length − 1), over every segment's articles. */
    date: string;
  };
}

/** A segment as the loader holds it, decoded. */
export interface SegmentView {
  dir: string;
  build: string;
  /** The number of the segment's first article in the index. */
  offset: number;
  docCount: number;
  termCount: number;
  postings: {
    /** The postings tables: part name and lower bound. */
    tables: PostingsRange[];
    parts: number;
    perTable: number;
  };
}

/**
 * The meta part as the loader holds it, decoded: what the query engine, filters.ts and
 * facets.ts read. Not a file format.
 */
export interface MetaPayload extends MetaCommon {
  segments: SegmentView[];
  docs: {
    /** Per article: its date (YYYY, YYYY-MM, YYYY-MM-DD) or null. */
    date: Array<string | null>;
  };
}

export interface PostingsTablePayload {
  /** The build of the index (see "Builds"). */
  build: string;
  /** Front-coded lower bounds of the table's parts after its first (see "Postings tables"). */
  first: string;
}

/** The facts part as written on disk (see "Facts"). */
export interface FactsPayload {
  /** The build of the index (see "Builds"). */
  build: string;
  /** Column names, numbered by first appearance in archive order. */
  columns: string[];
  /** People's names, numbered by first appearance in archive order. */
  people: string[];
  /** Codec: column number + 1 per article (0: none). */
  column: string;
  /** Codec: per article, the number of its people, then their numbers. */
  peopleOf: string;
}

/** The facts of every article, decoded: what filters.ts and facets.ts read. Not a file format. */
export interface ArchiveFacts {
  columns: string[];
  people: string[];
  /** Per article: its column number, or -1. */
  column: Int32Array;
  /** Per article: the numbers of its people. */
  peopleOf: number[][];
}

export interface PostingsPayload {
  /** The build of the index (see "Builds"). */
  build: string;
  /** Front-coded terms, space-separated (see "Postings"). */
  terms: string;
  /** Encoded postings per term, space-separated. */
  postings: string;
}

export interface DocsPayload {
  /** The build of the index (see "Builds"). */
  build: string;
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

/** A part of another build than the meta part's (see "Builds"). */
export class BuildMismatchError extends FormatError {
  override name = "BuildMismatchError";
}

/** Throws BuildMismatchError unless the payload `p` carries the build `build`. */
export function checkBuild(name: string, p: { build?: unknown }, build: string): void {
  if (p.build !== build) throw new BuildMismatchError(`${name}: part of build ${JSON.stringify(p.build)}, the index opened is build ${build}`);
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
