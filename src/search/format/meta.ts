/**
 * Meta: the encoding of the meta part and of the postings tables (index-format.ts,
 * "Meta", "Postings tables"), both ways. The index writer (build/) encodes with
 * `encodeMeta`; the loader (query/) checks a payload with `validateMeta`, decodes it
 * with `decodeMeta` and a postings table with `decodePostingsTable`.
 */
import { decodeInts, encodeInts } from "./codec.ts";
import { frontCode, frontDecode } from "./front-coding.ts";
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  FormatError,
  checkBuild,
  postingsPartName,
  postingsTableName,
  type MetaFile,
  type MetaPayload,
  type PostingsRange,
  type PostingsTablePayload,
  type SegmentFile,
  type SegmentView,
} from "./index-format.ts";

/** Postings parts per postings table: a table of 256 bounds is about a kilobyte. */
export const POSTINGS_PER_TABLE = 256;

/** What a segment's entry in meta and its postings tables are made from. */
export interface SegmentInput {
  /** The prefix of its part names (index-format.ts, "Segments"). */
  dir: string;
  /** The segment's build (index-format.ts, "Builds"). */
  build: string;
  /** Per field, the sum of its lengths over the segment's articles. */
  fieldTotals: readonly number[];
  docCount: number;
  termCount: number;
  /** The lower bounds of postings parts 1, 2, … (part 0 starts at the lowest term). */
  partFirsts: readonly string[];
  /** The number of postings parts (partFirsts.length + 1, or 0 for a segment without terms). */
  parts: number;
  /** Postings parts per table (default POSTINGS_PER_TABLE). */
  perTable?: number;
}

/** What the meta part is made from besides its segments. */
export interface MetaInput {
  analyzer: string;
  /** The index's build: its one segment's, or one the writer derives from its segments'. */
  build: string;
  lunr: string;
  bm25: { k1: number; b: number };
  /** [name, boost] in field-number order. */
  fields: ReadonlyArray<readonly [string, number]>;
  docsPerPart: number;
  /** In archive order. */
  segments: readonly SegmentFile[];
  /** Per article of every segment, in archive order, its date. */
  dates: ReadonlyArray<string | null>;
}

/** Numbers distinct values by first appearance. */
export function numbering<T>(): { values: T[]; number: (value: T) => number } {
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

/** A segment's entry in meta and its postings tables' payloads (table J is `tables[J]`). */
export function encodeSegment(input: SegmentInput): { segment: SegmentFile; tables: PostingsTablePayload[] } {
  if (input.parts !== (input.parts === 0 ? 0 : input.partFirsts.length + 1)) throw new Error("meta: part bounds do not match the parts");
  const perTable = Math.max(1, Math.floor(input.perTable ?? POSTINGS_PER_TABLE));
  // Bound of part K (K ≥ 1) is partFirsts[K − 1]; a table's bound is its first part's.
  const tables: PostingsTablePayload[] = [];
  const tableFirsts: string[] = [];
  for (let first = 0; first < input.parts; first += perTable) {
    if (first > 0) tableFirsts.push(input.partFirsts[first - 1]!);
    const last = Math.min(first + perTable, input.parts);
    tables.push({ build: input.build, first: frontCode(input.partFirsts.slice(first, last - 1)) });
  }
  const segment: SegmentFile = {
    dir: input.dir,
    build: input.build,
    docCount: input.docCount,
    termCount: input.termCount,
    fieldTotals: [...input.fieldTotals],
    postings: { first: frontCode(tableFirsts), parts: input.parts, perTable },
  };
  return { segment, tables };
}

/** The meta part's payload: the index's segments and the dates of all their articles. */
export function encodeMeta(input: MetaInput): MetaFile {
  const n = input.segments.reduce((sum, s) => sum + s.docCount, 0);
  if (input.dates.length !== n) throw new Error(`meta: ${input.dates.length} dates for ${n} articles`);
  const dates = numbering<string>();
  const dateRuns: number[] = [];
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && input.dates[j] === input.dates[i]) j++;
    dateRuns.push(dates.number(input.dates[i] ?? ""), j - i - 1);
    i = j;
  }
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    analyzer: input.analyzer,
    build: input.build,
    lunr: input.lunr,
    bm25: input.bm25,
    fields: input.fields.map(([name, boost]) => [name, boost]),
    fieldTotals: input.fields.map((_, f) => input.segments.reduce((sum, s) => sum + s.fieldTotals[f]!, 0)),
    docCount: n,
    docsPerPart: input.docsPerPart,
    segments: input.segments.map((s) => ({ ...s, fieldTotals: [...s.fieldTotals], postings: { ...s.postings } })),
    dates: frontCode(dates.values),
    docs: { date: encodeInts(dateRuns) },
  };
}

/**
 * The meta part's payload as a MetaFile, or FormatError: not an index, another format
 * version, another analyzer (`analyzer`: the reader's ANALYZER_VERSION; queries analyzed
 * differently from the articles would silently find the wrong things), or incomplete.
 */
export function validateMeta(payload: unknown, analyzer: string): MetaFile {
  const meta = payload as Partial<MetaFile> | null;
  if (typeof meta !== "object" || meta === null || meta.format !== FORMAT_NAME) {
    throw new FormatError("meta: not a Banmian search index");
  }
  if (meta.version !== FORMAT_VERSION) {
    throw new FormatError(`meta: index format ${meta.version}, this code reads ${FORMAT_VERSION}: rebuild the index`);
  }
  if (meta.analyzer !== analyzer) {
    throw new FormatError(`meta: index built with analyzer ${meta.analyzer}, this code has ${analyzer}: rebuild the index`);
  }
  const count = (x: unknown, least = 0) => typeof x === "number" && Number.isSafeInteger(x) && x >= least;
  const totals = (t: unknown) => Array.isArray(t) && t.length === meta.fields?.length && t.every((x) => count(x));
  const segment = (s: Partial<SegmentFile> | null) =>
    typeof s === "object" &&
    s !== null &&
    typeof s.dir === "string" &&
    /^(?:[a-z0-9-]+\/)?$/.test(s.dir) &&
    typeof s.build === "string" &&
    s.build !== "" &&
    count(s.docCount) &&
    count(s.termCount) &&
    totals(s.fieldTotals) &&
    typeof s.postings?.first === "string" &&
    count(s.postings.parts) &&
    count(s.postings.perTable, 1);
  if (
    typeof meta.build !== "string" ||
    meta.build === "" ||
    !count(meta.docsPerPart, 1) ||
    !Array.isArray(meta.fields) ||
    !totals(meta.fieldTotals) ||
    !count(meta.docCount) ||
    !Array.isArray(meta.segments) ||
    meta.segments.length === 0 ||
    !meta.segments.every(segment) ||
    new Set(meta.segments.map((s) => s.dir)).size !== meta.segments.length ||
    typeof meta.dates !== "string" ||
    typeof meta.docs?.date !== "string"
  ) {
    throw new FormatError("meta: incomplete");
  }
  const segments = meta.segments as SegmentFile[];
  if (segments.reduce((sum, s) => sum + s.docCount, 0) !== meta.docCount) throw new FormatError("meta: the segments' articles do not match");
  if (!(meta.fieldTotals as number[]).every((t, f) => segments.reduce((sum, s) => sum + s.fieldTotals[f]!, 0) === t)) throw new FormatError("meta: the segments' field totals do not match");
  return meta as MetaFile;
}

/**
 * Decodes the meta part (index-format.ts, "Meta") into what the engine and filters read:
 * the table of postings tables at once, the articles' dates on first use (sorting,
 * date filters and ties need them; a query that finds nothing does not). Throws
 * FormatError when what it decodes does not add up.
 */
export function decodeMeta(file: MetaFile): MetaPayload {
  const n = file.docCount;
  const bad = (what: string) => new FormatError(`meta: ${what} do not match`);

  let offset = 0;
  const segments = file.segments.map((s): SegmentView => {
    const firsts = ["", ...frontDecode(s.postings.first)];
    for (let k = 1; k < firsts.length; k++) if (!(firsts[k]! > firsts[k - 1]!)) throw bad("postings tables");
    if (firsts.length !== Math.max(1, Math.ceil(s.postings.parts / s.postings.perTable))) throw bad("postings tables");
    const tables: PostingsRange[] = s.postings.parts === 0 ? [] : firsts.map((first, j) => ({ part: postingsTableName(j, s.dir), first }));
    const view: SegmentView = { dir: s.dir, build: s.build, offset, docCount: s.docCount, termCount: s.termCount, postings: { tables, parts: s.postings.parts, perTable: s.postings.perTable } };
    offset += s.docCount;
    return view;
  });

  const decodeDates = (): Array<string | null> => {
    const values = frontDecode(file.dates).map((d) => (d === "" ? null : d));
    const date: Array<string | null> = [];
    const runs = decodeInts(file.docs.date);
    for (let r = 0; r + 1 < runs.length; r += 2) {
      const value = values[runs[r]!];
      const length = runs[r + 1]! + 1;
      if (value === undefined || date.length + length > n) throw bad("dates");
      for (let i = 0; i < length; i++) date.push(value);
    }
    if (date.length !== n || runs.length % 2 !== 0) throw bad("dates");
    return date;
  };
  let date: Array<string | null> | undefined;
  const docs: MetaPayload["docs"] = {
    get date() {
      return (date ??= decodeDates());
    },
  };
  return {
    format: file.format,
    version: file.version,
    analyzer: file.analyzer,
    build: file.build,
    lunr: file.lunr,
    bm25: file.bm25,
    fields: file.fields,
    fieldTotals: file.fieldTotals,
    docCount: n,
    docsPerPart: file.docsPerPart,
    segments,
    docs,
  };
}

/**
 * The postings parts of table `j` (index-format.ts, "Postings tables"), checked against
 * the table's range in its segment and the segment's build: part names and lower bounds, in order.
 */
export function decodePostingsTable(segment: SegmentView, j: number, payload: unknown): PostingsRange[] {
  const name = postingsTableName(j, segment.dir);
  const p = payload as Partial<PostingsTablePayload> | null;
  if (typeof p !== "object" || p === null) throw new FormatError(`${name}: malformed`);
  checkBuild(name, p, segment.build);
  if (typeof p.first !== "string") throw new FormatError(`${name}: malformed`);
  const { perTable, parts, tables } = segment.postings;
  const from = j * perTable;
  const size = Math.min(perTable, parts - from);
  const firsts = [tables[j]!.first, ...frontDecode(p.first)];
  const next = tables[j + 1]?.first;
  if (size <= 0 || firsts.length !== size) throw new FormatError(`${name}: ${firsts.length} parts, meta says ${size}`);
  for (let k = 1; k < size; k++) {
    if (!(firsts[k]! > firsts[k - 1]!) || (next !== undefined && !(firsts[k]! < next))) throw new FormatError(`${name}: bounds out of order`);
  }
  return firsts.map((first, k) => ({ part: postingsPartName(from + k, segment.dir), first }));
}
