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
} from "./index-format.ts";

/** Postings parts per postings table: a table of 256 bounds is about a kilobyte. */
export const POSTINGS_PER_TABLE = 256;

/** What the meta part and the postings tables are made from. */
export interface MetaInput {
  analyzer: string;
  /** The build (index-format.ts, "Builds"). */
  build: string;
  lunr: string;
  bm25: { k1: number; b: number };
  /** [name, boost] in field-number order. */
  fields: ReadonlyArray<readonly [string, number]>;
  /** Per field, the sum of its lengths over all articles. */
  fieldTotals: readonly number[];
  docCount: number;
  termCount: number;
  docsPerPart: number;
  /** The lower bounds of postings parts 1, 2, … (part 0 starts at the lowest term). */
  partFirsts: readonly string[];
  /** The number of postings parts (partFirsts.length + 1, or 0 for an archive without terms). */
  parts: number;
  /** Postings parts per table (default POSTINGS_PER_TABLE). */
  perTable?: number;
  /** Per article in archive order, its date. */
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

/** The meta part's payload and the postings tables' (table J is `tables[J]`). */
export function encodeMeta(input: MetaInput): { meta: MetaFile; tables: PostingsTablePayload[] } {
  const n = input.docCount;
  if (input.dates.length !== n) throw new Error(`meta: ${input.dates.length} dates for ${n} articles`);
  if (input.parts !== (input.parts === 0 ? 0 : input.partFirsts.length + 1)) throw new Error("meta: part bounds do not match the parts");
  const perTable = Math.max(1, Math.floor(input.perTable ?? POSTINGS_PER_TABLE));
  const dates = numbering<string>();
  const dateRuns: number[] = [];
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && input.dates[j] === input.dates[i]) j++;
    dateRuns.push(dates.number(input.dates[i] ?? ""), j - i - 1);
    i = j;
  }
  // Bound of part K (K ≥ 1) is partFirsts[K − 1]; a table's bound is its first part's.
  const tables: PostingsTablePayload[] = [];
  const tableFirsts: string[] = [];
  for (let first = 0; first < input.parts; first += perTable) {
    if (first > 0) tableFirsts.push(input.partFirsts[first - 1]!);
    const last = Math.min(first + perTable, input.parts);
    tables.push({ build: input.build, first: frontCode(input.partFirsts.slice(first, last - 1)) });
  }
  const meta: MetaFile = {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    analyzer: input.analyzer,
    build: input.build,
    lunr: input.lunr,
    bm25: input.bm25,
    fields: input.fields.map(([name, boost]) => [name, boost]),
    fieldTotals: [...input.fieldTotals],
    docCount: n,
    termCount: input.termCount,
    docsPerPart: input.docsPerPart,
    postings: { first: frontCode(tableFirsts), parts: input.parts, perTable },
    dates: frontCode(dates.values),
    docs: { date: encodeInts(dateRuns) },
  };
  return { meta, tables };
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
  if (
    typeof meta.build !== "string" ||
    meta.build === "" ||
    typeof meta.postings?.first !== "string" ||
    !count(meta.postings.parts) ||
    !count(meta.postings.perTable, 1) ||
    !count(meta.termCount) ||
    !count(meta.docsPerPart, 1) ||
    !Array.isArray(meta.fields) ||
    !Array.isArray(meta.fieldTotals) ||
    meta.fieldTotals.length !== meta.fields.length ||
    !meta.fieldTotals.every((t) => count(t)) ||
    !count(meta.docCount) ||
    typeof meta.dates !== "string" ||
    typeof meta.docs?.date !== "string"
  ) {
    throw new FormatError("meta: incomplete");
  }
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

  const firsts = ["", ...frontDecode(file.postings.first)];
  for (let k = 1; k < firsts.length; k++) if (!(firsts[k]! > firsts[k - 1]!)) throw bad("postings tables");
  if (firsts.length !== Math.max(1, Math.ceil(file.postings.parts / file.postings.perTable))) throw bad("postings tables");
  const tables: PostingsRange[] = file.postings.parts === 0 ? [] : firsts.map((first, j) => ({ part: postingsTableName(j), first }));

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
    termCount: file.termCount,
    docsPerPart: file.docsPerPart,
    postings: { tables, parts: file.postings.parts, perTable: file.postings.perTable },
    docs,
  };
}

/**
 * The postings parts of table `j` (index-format.ts, "Postings tables"), checked against
 * the table's range in meta and the build: part names and lower bounds, in order.
 */
export function decodePostingsTable(meta: MetaPayload, j: number, payload: unknown): PostingsRange[] {
  const name = postingsTableName(j);
  const p = payload as Partial<PostingsTablePayload> | null;
  if (typeof p !== "object" || p === null) throw new FormatError(`${name}: malformed`);
  checkBuild(name, p, meta.build);
  if (typeof p.first !== "string") throw new FormatError(`${name}: malformed`);
  const { perTable, parts, tables } = meta.postings;
  const from = j * perTable;
  const size = Math.min(perTable, parts - from);
  const firsts = [tables[j]!.first, ...frontDecode(p.first)];
  const next = tables[j + 1]?.first;
  if (size <= 0 || firsts.length !== size) throw new FormatError(`${name}: ${firsts.length} parts, meta says ${size}`);
  for (let k = 1; k < size; k++) {
    if (!(firsts[k]! > firsts[k - 1]!) || (next !== undefined && !(firsts[k]! < next))) throw new FormatError(`${name}: bounds out of order`);
  }
  return firsts.map((first, k) => ({ part: postingsPartName(from + k), first }));
}
