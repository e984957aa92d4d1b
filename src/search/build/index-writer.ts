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
import { FIELDS, columnFieldLength, fieldSegments } from "../analysis/fields.ts";
import { encodeDocsPart } from "../format/docs.ts";
import type { SearchDocument } from "../format/documents.ts";
import { COLUMN_FIELD, META_PART, docNumber, docRef, docsPartName, partFile, postingsPartName, wrapPart } from "../format/index-format.ts";
import { encodeMeta, separator } from "../format/meta.ts";
import { encodePostingsInts, encodePostingsPart, encodeTermPostings, entryHead, positionGap, type TermEntry } from "../format/postings.ts";

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

/** One term's entries from lunr.Builder's inverted index entry, ordered by article then field. */
function lunrEntries(posting: LunrPosting): TermEntry[] {
  const entries: TermEntry[] = [];
  FIELDS.forEach((f, field) => {
    const byDoc = posting[f.name] ?? {};
    for (const ref of Object.keys(byDoc)) entries.push({ doc: docNumber(ref), field, positions: byDoc[ref]!.position });
  });
  return entries.sort((a, b) => a.doc - b.doc || a.field - b.field);
}

function collectWithLunr(documents: readonly SearchDocument[]): Collected {
  const { builder, fieldLengths } = buildLunr(documents);
  const inverted = (builder as unknown as { invertedIndex: Record<string, LunrPosting> }).invertedIndex;
  // Code-unit order, as lunr.TokenSet.Builder requires.
  const terms = Object.keys(inverted).sort(compareCodeUnits);
  return { terms, postings: (i) => encodeTermPostings(lunrEntries(inverted[terms[i]!]!), FIELDS.length), fieldLengths, builder };
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
          arena[at++] = entryHead(n - lastDoc[id]!, f, F);
          arena[at++] = c - 1;
          cursor[id] = at;
          lastDoc[id] = n;
          count[id] = -c; // marks the head as written
          previous[id] = -1;
        }
        const p = positions[i]!;
        const at = cursor[id]!;
        arena[at] = positionGap(p, previous[id]!);
        cursor[id] = at + 1;
        previous[id] = p;
      }
      for (let i = from; i < to; i++) count[termIds[i]!] = 0;
    }
  }

  const order = termList.map((_, id) => id).sort((a, b) => compareCodeUnits(termList[a]!, termList[b]!));
  return {
    terms: order.map((id) => termList[id]!),
    postings: (i) => encodePostingsInts(arena, offset[order[i]!]!, offset[order[i]! + 1]!),
    fieldLengths,
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
    const payload = encodePostingsPart({ terms: terms.slice(start, end), postings: encoded.slice(start, end) });
    const part = postingsPartName(k);
    if (k > 0) firsts.push(separator(terms[start - 1]!, terms[start]!));
    postingsFiles.push([partFile(part), wrapPart(part, payload)]);
  });

  const n = documents.length;
  const meta = encodeMeta({
    analyzer: ANALYZER_VERSION,
    lunr: lunr.version,
    bm25: BM25,
    fields: FIELDS.map((f) => [f.name, f.boost] as const),
    termCount: terms.length,
    docsPerPart,
    partFirsts: firsts,
    articles: documents.map((d) => ({ date: d.date, column: d.column, people: d.people.map((p) => p.name) })),
    fieldLengths,
  });

  // The column field's lengths are not stored: the loader recomputes them from the names.
  const columnField = FIELDS.findIndex((f) => f.name === COLUMN_FIELD);
  documents.forEach((d, i) => {
    if (fieldLengths[i]![columnField] !== columnFieldLength(d.column)) throw new Error(`column field of ${d.id}: length does not recompute`);
  });
  const files = new Map<string, string>([[partFile(META_PART), wrapPart(META_PART, meta)]]);
  for (const [path, content] of postingsFiles) files.set(path, content);
  for (let first = 0, k = 0; first < n; first += docsPerPart, k++) {
    const part = docsPartName(k);
    files.set(partFile(part), wrapPart(part, encodeDocsPart(first, documents.slice(first, first + docsPerPart))));
  }
  const written: WrittenIndex = { files, termCount: terms.length };
  if (collected.builder) written.builder = collected.builder;
  return written;
}
