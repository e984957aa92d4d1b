/**
 * Index writer: builds the Lunr index of the archive's articles and writes it out in the
 * compact, partitioned format of index-format.ts. Pure (no file system):
 * build-index.ts reads documents.json, calls `writeIndex` and writes the
 * returned files.
 *
 * Two builders give the same files, byte for byte (test/search/index.test.ts checks it
 * on the sample and on a corpus archive):
 *
 * - `lunr`, the reference: lunr.Builder is fed tokens from the analyzer (analyzer.ts)
 *   through a pass-through tokenizer and an empty pipeline (so no pipeline function is
 *   serialized or needs registering in the browser), every token carrying its position
 *   as Lunr metadata, and the writer encodes the inverted index the builder made.
 * - `direct`, the default: the same analyzer tokens go straight into typed arrays, the
 *   integers of each term already in the order and delta form the format stores
 *   (`collectDirect`). lunr.Builder keeps an object per (term, field, article) and a
 *   term-frequency map per (field, article), which at archive scale is most of its time
 *   (garbage collection) and memory: for 10,000 articles the index step took about a
 *   minute and 1.9 GB with it, under 10 s and 350 MB with the direct builder. Lunr's own
 *   scoring still runs at query time, on a lunr.Index rebuilt from these postings
 *   (index-loader.ts).
 *
 * Postings parts are cut by leading character under a byte budget (`partBytes`; see
 * "Parts and files" in index-format.ts and the README's benchmark section for how the
 * default was chosen).
 */
import lunr from "lunr";
import { ANALYZER_VERSION, analyzeSegments } from "../analysis/analyzer.ts";
import { encodeInt, encodeIntRange, encodeInts } from "../format/codec.ts";
import type { SearchDocument } from "../format/documents.ts";
import { FIELDS, fieldSegments } from "../analysis/fields.ts";
import {
  COLUMN_FIELD,
  FORMAT_NAME,
  FORMAT_VERSION,
  META_PART,
  docNumber,
  docRef,
  docsPartName,
  frontCode,
  partFile,
  postingsPartName,
  wrapPart,
  type DocsPayload,
  type MetaFile,
  type PostingsPayload,
  columnFieldLength,
} from "../format/index-format.ts";

/** Lunr's defaults, written into the meta part so the loader scores the same way. */
export const BM25 = { k1: 1.2, b: 0.75 };

/**
 * Default byte budget of a postings part (its terms and postings, before gzip). Chosen
 * from measurements on 10,000 corpus articles (README, "Benchmark"): smaller parts cost
 * a longer part table in meta and more requests, larger ones more bytes per query.
 */
export const DEFAULT_PART_BYTES = 8 * 1024;

export interface WriteOptions {
  /** Articles per docs part (default 1: a results page fetches only what it shows). */
  docsPerPart?: number;
  /** Byte budget of a postings part (default DEFAULT_PART_BYTES; Infinity: one part). */
  partBytes?: number;
  /** Also close a postings part at this many terms (default: no limit). */
  maxTermsPerPart?: number;
  /** Which builder collects the postings (default "direct"; both give the same files). */
  builder?: "direct" | "lunr";
}

export interface WrittenIndex {
  /** Relative file path (under the index directory) → file content, in a fixed order. */
  files: Map<string, string>;
  /** With the `lunr` builder: the lunr.Builder after all articles were added (tests compare against its index). */
  builder?: lunr.Builder;
  termCount: number;
}

/** What both builders produce: the sorted terms, each term's encoded postings, the field lengths. */
interface Collected {
  terms: string[];
  /** Encoded postings of terms[i] (index-format.ts, "Postings"). */
  postings: (i: number) => string;
  /** Per article, the token count of each field. */
  fieldLengths: number[][];
  builder?: lunr.Builder;
}

/** Lunr document field (extractor input): analyzed tokens per field. */
interface AnalyzedDoc {
  ref: string;
  fields: lunr.Token[][];
}

const compareCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Builds a lunr.Builder over the documents with the analyzer's tokens (the reference path). */
export function buildLunr(documents: readonly SearchDocument[]): { builder: lunr.Builder; fieldLengths: number[][] } {
  const builder = new lunr.Builder();
  builder.ref("ref");
  FIELDS.forEach((f, i) => {
    builder.field(f.name, { boost: f.boost, extractor: (doc: object) => (doc as AnalyzedDoc).fields[i]! });
  });
  builder.metadataWhitelist = ["position"];
  // The extractor already returns lunr.Tokens: the tokenizer passes them through.
  builder.tokenizer = ((tokens: lunr.Token[]) => tokens) as unknown as typeof lunr.tokenizer;
  const fieldLengths: number[][] = [];
  documents.forEach((doc, n) => {
    const fields = fieldSegments(doc).map((segments) =>
      analyzeSegments(segments).map((t) => new lunr.Token(t.term, { position: t.position })),
    );
    fieldLengths.push(fields.map((f) => f.length));
    builder.add({ ref: docRef(n), fields } satisfies AnalyzedDoc);
  });
  return { builder, fieldLengths };
}

type LunrPosting = Record<string, Record<string, { position: number[] }>>;

/** Encodes one term's postings from lunr.Builder's inverted index entry. */
function encodeLunrPosting(posting: LunrPosting): string {
  const entries: Array<[number, number, number[]]> = [];
  FIELDS.forEach((f, field) => {
    const byDoc = posting[f.name] ?? {};
    for (const ref of Object.keys(byDoc)) entries.push([docNumber(ref), field, byDoc[ref]!.position]);
  });
  entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: string[] = [];
  let prevDoc = 0;
  for (const [doc, field, positions] of entries) {
    encodeInt((doc - prevDoc) * FIELDS.length + field, out);
    prevDoc = doc;
    encodeInt(positions.length - 1, out);
    let prev = -1;
    for (const p of positions) {
      encodeInt(p - prev - 1, out);
      prev = p;
    }
  }
  return out.join("");
}

function collectWithLunr(documents: readonly SearchDocument[]): Collected {
  const { builder, fieldLengths } = buildLunr(documents);
  const inverted = (builder as unknown as { invertedIndex: Record<string, LunrPosting> }).invertedIndex;
  // Code-unit order, as lunr.TokenSet.Builder requires.
  const terms = Object.keys(inverted).sort(compareCodeUnits);
  return { terms, postings: (i) => encodeLunrPosting(inverted[terms[i]!]!), fieldLengths, builder };
}

/** A growable Int32Array: doubling leaves a few large garbage buffers, not one per term. */
class IntBuffer {
  data = new Int32Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

/**
 * The direct builder, in two passes over typed arrays so that memory stays a few bytes
 * per token whatever the archive's size (no object or array per term or per posting):
 *
 * 1. Articles are analyzed one by one; each token is kept as (term number, position),
 *    and each term's postings size is counted: per (article, field) in which it occurs
 *    two integers (docDelta·F + field, count − 1), plus one per occurrence.
 * 2. Every term gets its range of one Int32Array (the arena); the tokens of each
 *    (article, field) are written there in order, so each term's integers come out
 *    sorted by article, then field, already delta-coded as the format stores them.
 */
function collectDirect(documents: readonly SearchDocument[]): Collected {
  const F = FIELDS.length;
  const ids = new Map<string, number>();
  const termList: string[] = [];
  const tokenTerms = new IntBuffer();
  const tokenPositions = new IntBuffer();
  /** Token range of (article, field) k = n·F + f: [fieldStart[k], fieldStart[k + 1]). */
  const fieldStart = new Int32Array(documents.length * F + 1);
  let sizes = new Int32Array(1 << 12);
  let lastKey = new Int32Array(1 << 12);
  const fieldLengths: number[][] = [];
  documents.forEach((doc, n) => {
    const segments = fieldSegments(doc);
    const lengths: number[] = [];
    for (let f = 0; f < F; f++) {
      const key = n * F + f + 1; // 0 in lastKey means "not seen yet"
      const tokens = analyzeSegments(segments[f]!);
      lengths.push(tokens.length);
      for (const t of tokens) {
        let id = ids.get(t.term);
        if (id === undefined) {
          id = termList.length;
          ids.set(t.term, id);
          termList.push(t.term);
          if (id === sizes.length) {
            const s = new Int32Array(sizes.length * 2);
            s.set(sizes);
            sizes = s;
            const l = new Int32Array(lastKey.length * 2);
            l.set(lastKey);
            lastKey = l;
          }
        }
        let size = sizes[id]! + 1;
        if (lastKey[id] !== key) {
          lastKey[id] = key;
          size += 2;
        }
        sizes[id] = size;
        tokenTerms.push(id);
        tokenPositions.push(t.position);
      }
      fieldStart[n * F + f + 1] = tokenTerms.length;
    }
    fieldLengths.push(lengths);
  });

  const termCount = termList.length;
  const offset = new Float64Array(termCount + 1);
  for (let id = 0; id < termCount; id++) offset[id + 1] = offset[id]! + sizes[id]!;
  const arena = new Int32Array(offset[termCount]!);
  const cursor = Float64Array.from(offset.subarray(0, termCount));
  const lastDoc = new Int32Array(termCount);
  const count = new Int32Array(termCount);
  const previous = new Int32Array(termCount);
  const termIds = tokenTerms.data;
  const positions = tokenPositions.data;
  for (let n = 0; n < documents.length; n++) {
    for (let f = 0; f < F; f++) {
      const from = fieldStart[n * F + f]!;
      const to = fieldStart[n * F + f + 1]!;
      for (let i = from; i < to; i++) count[termIds[i]!] = count[termIds[i]!]! + 1;
      for (let i = from; i < to; i++) {
        const id = termIds[i]!;
        const c = count[id]!;
        if (c > 0) {
          // First occurrence in this field: the entry's head.
          let at = cursor[id]!;
          arena[at++] = (n - lastDoc[id]!) * F + f;
          arena[at++] = c - 1;
          cursor[id] = at;
          lastDoc[id] = n;
          count[id] = -c; // marks the head as written
          previous[id] = -1;
        }
        const p = positions[i]!;
        const at = cursor[id]!;
        arena[at] = p - previous[id]! - 1;
        cursor[id] = at + 1;
        previous[id] = p;
      }
      for (let i = from; i < to; i++) count[termIds[i]!] = 0;
    }
  }

  const order = termList.map((_, id) => id).sort((a, b) => compareCodeUnits(termList[a]!, termList[b]!));
  return {
    terms: order.map((id) => termList[id]!),
    postings: (i) => encodeIntRange(arena, offset[order[i]!]!, offset[order[i]! + 1]!),
    fieldLengths,
  };
}

/** Numbers distinct values by first appearance. */
function numbering<T>(): { values: T[]; number: (value: T) => number } {
  const values: T[] = [];
  const index = new Map<T, number>();
  return {
    values,
    number(value) {
      let n = index.get(value);
      if (n === undefined) {
        n = values.length;
        values.push(value);
        index.set(value, n);
      }
      return n;
    },
  };
}

const utf8Length = (s: string) => Buffer.byteLength(s, "utf8");

/** The first code point of a term, as a string (the unit parts are grouped by). */
function leading(term: string): string {
  const c = term.charCodeAt(0);
  return c >= 0xd800 && c <= 0xdbff ? term.slice(0, 2) : term.slice(0, 1);
}

/**
 * Cuts the sorted terms into parts: [start, end) index ranges. Terms are taken in groups
 * of one leading character; a group joins the current part if the part stays within the
 * budget (and the term limit), else starts a new part; a group larger than the budget
 * is cut into parts of its own, each as full as the budget allows (a term larger than
 * the budget is a part by itself).
 */
function cutParts(terms: readonly string[], sizes: readonly number[], budget: number, maxTerms: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let start = 0;
  let bytes = 0;
  const close = (end: number) => {
    if (end > start) parts.push([start, end]);
    start = end;
    bytes = 0;
  };
  let g = 0;
  while (g < terms.length) {
    const lead = leading(terms[g]!);
    let end = g;
    let groupBytes = 0;
    while (end < terms.length && terms[end]!.startsWith(lead)) groupBytes += sizes[end++]!;
    if (bytes + groupBytes <= budget && end - start <= maxTerms) {
      bytes += groupBytes;
    } else if (groupBytes <= budget && end - g <= maxTerms) {
      close(g);
      bytes = groupBytes;
    } else {
      // Over the budget alone: consecutive parts of its own.
      close(g);
      for (let i = g; i < end; i++) {
        if (i > start && (bytes + sizes[i]! > budget || i - start >= maxTerms)) close(i);
        bytes += sizes[i]!;
      }
      close(end);
    }
    g = end;
  }
  close(terms.length);
  if (parts.length === 0) parts.push([0, 0]);
  return parts;
}

/**
 * The shortest string s, in whole code points, with before < s <= after (for sorted,
 * distinct terms): the common prefix and the next code point of `after`. The lower
 * bound of a part in meta (index-format.ts, "Meta").
 */
export function separator(before: string, after: string): string {
  let i = 0;
  while (i < before.length && i < after.length && before.charCodeAt(i) === after.charCodeAt(i)) i++;
  const c = after.charCodeAt(i);
  return after.slice(0, c >= 0xd800 && c <= 0xdbff ? i + 2 : i + 1);
}

/** Builds the index of the documents (in archive order) and renders its files. */
export function writeIndex(documents: readonly SearchDocument[], options: WriteOptions = {}): WrittenIndex {
  const docsPerPart = Math.max(1, Math.floor(options.docsPerPart ?? 1));
  const maxTerms = Math.max(1, Math.floor(options.maxTermsPerPart ?? Number.POSITIVE_INFINITY));
  const budget = Math.max(1, options.partBytes ?? DEFAULT_PART_BYTES);
  const collected = options.builder === "lunr" ? collectWithLunr(documents) : collectDirect(documents);
  const { terms, fieldLengths } = collected;

  // Encode every term's postings once, in term order; size = what it adds to a part.
  const encoded = terms.map((_, i) => collected.postings(i));
  const sizes = terms.map((t, i) => utf8Length(t) + encoded[i]!.length + 2);

  const postingsFiles: Array<[string, string]> = [];
  const firsts: string[] = [];
  cutParts(terms, sizes, budget, maxTerms).forEach(([start, end], k) => {
    const slice = terms.slice(start, end);
    const payload: PostingsPayload = { terms: frontCode(slice), postings: encoded.slice(start, end).join(" ") };
    const part = postingsPartName(k);
    if (k > 0) firsts.push(separator(terms[start - 1]!, terms[start]!));
    postingsFiles.push([partFile(part), wrapPart(part, payload)]);
  });

  const n = documents.length;
  const columns = numbering<string>();
  const people = numbering<string>();
  const dates = numbering<string | null>();
  const dateRuns: number[] = [];
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && documents[j]!.date === documents[i]!.date) j++;
    dateRuns.push(dates.number(documents[i]!.date), j - i - 1);
    i = j;
  }
  const peopleList: number[] = [];
  for (const d of documents) {
    const numbers = [...new Set(d.people.map((p) => people.number(p.name)))];
    peopleList.push(numbers.length, ...numbers);
  }
  const meta: MetaFile = {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    analyzer: ANALYZER_VERSION,
    lunr: lunr.version,
    bm25: BM25,
    fields: FIELDS.map((f) => [f.name, f.boost]),
    docCount: n,
    termCount: terms.length,
    postings: { first: frontCode(firsts) },
    docsPerPart,
    columns: [],
    people: [],
    dates: [],
    docs: {
      date: encodeInts(dateRuns),
      column: encodeInts(documents.map((d) => (d.column === undefined ? 0 : columns.number(d.column) + 1))),
      people: encodeInts(peopleList),
      fieldLengths: FIELDS.map((field, f) => (field.name === COLUMN_FIELD ? null : encodeInts(fieldLengths.map((lengths) => lengths[f]!)))),
    },
  };
  meta.columns = columns.values;
  meta.people = people.values;
  meta.dates = dates.values;

  // The column field's lengths are not stored: the loader recomputes them from the names.
  const columnField = FIELDS.findIndex((f) => f.name === COLUMN_FIELD);
  documents.forEach((d, i) => {
    if (fieldLengths[i]![columnField] !== columnFieldLength(d.column)) throw new Error(`column field of ${d.id}: length does not recompute`);
  });
  const files = new Map<string, string>([[partFile(META_PART), wrapPart(META_PART, meta)]]);
  for (const [path, content] of postingsFiles) files.set(path, content);
  for (let first = 0, k = 0; first < n; first += docsPerPart, k++) {
    const part = docsPartName(k);
    const payload: DocsPayload = { first, docs: documents.slice(first, first + docsPerPart).map(displayFields) };
    files.set(partFile(part), wrapPart(part, payload));
  }
  const written: WrittenIndex = { files, termCount: terms.length };
  if (collected.builder) written.builder = collected.builder;
  return written;
}

/** The document as stored in a docs part: the input's fields, in a fixed key order. */
function displayFields(d: SearchDocument): SearchDocument {
  const out: SearchDocument = {
    id: d.id,
    url: d.url,
    title: d.title,
    people: d.people.map((p) => ({ name: p.name, role: p.role })),
    date: d.date,
    edition: d.edition,
    page: { id: d.page.id, label: d.page.label },
    body: d.body,
  };
  if (d.kicker !== undefined) out.kicker = d.kicker;
  if (d.subtitle !== undefined) out.subtitle = d.subtitle;
  if (d.column !== undefined) out.column = d.column;
  if (d.byline !== undefined) out.byline = d.byline;
  if (d.readingTip !== undefined) out.readingTip = d.readingTip;
  if (d.caption !== undefined) out.caption = d.caption;
  if (d.dateLabel !== undefined) out.dateLabel = d.dateLabel;
  return out;
}
