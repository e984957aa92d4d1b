/**
 * Index writer: builds the Lunr index of the archive's articles with lunr.Builder and
 * writes it out in the compact, partitioned format of index-format.ts. Pure (no file
 * system): scripts/build-index.ts reads documents.json, calls `writeIndex` and writes
 * the returned files.
 *
 * The builder is fed tokens from the analyzer (analyzer.ts) through a pass-through
 * tokenizer and an empty pipeline, so no pipeline function is serialized or needs
 * registering in the browser; every token carries its position as Lunr metadata.
 */
import lunr from "lunr";
import { ANALYZER_VERSION, analyzeSegments } from "./analyzer.ts";
import { encodeInt, encodeInts } from "./codec.ts";
import type { SearchDocument } from "./documents.ts";
import { FIELDS, fieldSegments } from "./fields.ts";
import {
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
  type MetaPayload,
  type PostingsPayload,
  type PostingsRange,
} from "./index-format.ts";

/** Lunr's defaults, written into the meta part so the loader scores the same way. */
export const BM25 = { k1: 1.2, b: 0.75 };

export interface WriteOptions {
  /** Articles per docs part (default 1: a results page fetches only what it shows). */
  docsPerPart?: number;
  /** Terms per postings part (default: all in one part). */
  maxTermsPerPart?: number;
}

export interface WrittenIndex {
  /** Relative file path (under the index directory) → file content, in a fixed order. */
  files: Map<string, string>;
  /** The lunr.Builder after all articles were added (tests compare against its index). */
  builder: lunr.Builder;
  termCount: number;
}

/** Lunr document field (extractor input): analyzed tokens per field. */
interface AnalyzedDoc {
  ref: string;
  fields: lunr.Token[][];
}

/** Builds a lunr.Builder over the documents with the analyzer's tokens. */
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

/** Encodes one term's postings (see "Postings" in index-format.ts). */
function encodePosting(posting: LunrPosting): string {
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

/** Numbers distinct names by first appearance. */
function numbering(): { names: string[]; number: (name: string) => number } {
  const names: string[] = [];
  const index = new Map<string, number>();
  return {
    names,
    number(name) {
      let n = index.get(name);
      if (n === undefined) {
        n = names.length;
        names.push(name);
        index.set(name, n);
      }
      return n;
    },
  };
}

/** Builds the index of the documents (in archive order) and renders its files. */
export function writeIndex(documents: readonly SearchDocument[], options: WriteOptions = {}): WrittenIndex {
  const docsPerPart = Math.max(1, Math.floor(options.docsPerPart ?? 1));
  const maxTerms = Math.max(1, Math.min(Number.MAX_SAFE_INTEGER, Math.floor(options.maxTermsPerPart ?? Number.MAX_SAFE_INTEGER)));
  const { builder, fieldLengths } = buildLunr(documents);
  const inverted = (builder as unknown as { invertedIndex: Record<string, LunrPosting> }).invertedIndex;
  // Code-unit order, as lunr.TokenSet.Builder requires.
  const terms = Object.keys(inverted).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const files = new Map<string, string>();
  const ranges: PostingsRange[] = [];
  const partCount = Math.max(1, Math.ceil(terms.length / maxTerms));
  for (let k = 0; k < partCount; k++) {
    const start = k * maxTerms;
    const slice = terms.slice(start, start + maxTerms);
    const payload: PostingsPayload = { terms: frontCode(slice), postings: slice.map((t) => encodePosting(inverted[t]!)).join(" ") };
    const part = postingsPartName(k);
    ranges.push({ part, first: k === 0 ? "" : slice[0]!, rank: start, count: slice.length });
    files.set(partFile(part), wrapPart(part, payload));
  }

  const n = documents.length;
  const averageFieldLength = FIELDS.map((_, f) => {
    let sum = 0;
    for (const lengths of fieldLengths) sum += lengths[f]!;
    return n === 0 ? 0 : sum / n;
  });
  const columns = numbering();
  const people = numbering();
  const meta: MetaPayload = {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    analyzer: ANALYZER_VERSION,
    lunr: lunr.version,
    bm25: BM25,
    fields: FIELDS.map((f) => [f.name, f.boost]),
    docCount: n,
    termCount: terms.length,
    averageFieldLength,
    postings: ranges,
    docsPerPart,
    columns: columns.names,
    people: people.names,
    docs: {
      date: documents.map((d) => d.date),
      column: documents.map((d) => (d.column === undefined ? -1 : columns.number(d.column))),
      people: documents.map((d) => [...new Set(d.people.map((p) => people.number(p.name)))]),
      fieldLengths: encodeInts(fieldLengths.flat()),
    },
  };
  const ordered = new Map<string, string>([[partFile(META_PART), wrapPart(META_PART, meta)]]);
  for (const [path, content] of files) ordered.set(path, content);
  for (let first = 0, k = 0; first < n; first += docsPerPart, k++) {
    const part = docsPartName(k);
    const payload: DocsPayload = { first, docs: documents.slice(first, first + docsPerPart).map(displayFields) };
    ordered.set(partFile(part), wrapPart(part, payload));
  }
  return { files: ordered, builder, termCount: terms.length };
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
