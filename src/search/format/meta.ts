/**
 * Meta: the encoding of the meta part (index-format.ts, "Meta"), both ways. The index
 * writer (build/) encodes with `encodeMeta`; the loader (query/) checks a payload with
 * `validateMeta` and decodes it with `decodeMeta` and `decodeFieldLengths`.
 */
import { decodeInts, encodeInts } from "./codec.ts";
import { frontCode, frontDecode } from "./front-coding.ts";
import {
  COLUMN_FIELD,
  FORMAT_NAME,
  FORMAT_VERSION,
  FormatError,
  postingsPartName,
  type MetaFile,
  type MetaPayload,
  type PostingsRange,
} from "./index-format.ts";

/** What the meta part is made from: the index's settings and, per article, its facts. */
export interface MetaInput {
  analyzer: string;
  /** The build (index-format.ts, "Builds"). */
  build: string;
  lunr: string;
  bm25: { k1: number; b: number };
  /** [name, boost] in field-number order. */
  fields: ReadonlyArray<readonly [string, number]>;
  termCount: number;
  docsPerPart: number;
  /** The lower bounds of postings parts 1, 2, … (part 0 starts at the lowest term). */
  partFirsts: readonly string[];
  /** In archive order. */
  articles: ReadonlyArray<{ date: string | null; column?: string | undefined; people: readonly string[] }>;
  /** Per article, the token count of each field. */
  fieldLengths: ReadonlyArray<readonly number[]>;
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

/** The meta part's payload. */
export function encodeMeta(input: MetaInput): MetaFile {
  const { articles, fieldLengths } = input;
  const n = articles.length;
  const columns = numbering<string>();
  const people = numbering<string>();
  const dates = numbering<string | null>();
  const dateRuns: number[] = [];
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && articles[j]!.date === articles[i]!.date) j++;
    dateRuns.push(dates.number(articles[i]!.date), j - i - 1);
    i = j;
  }
  const peopleList: number[] = [];
  for (const a of articles) {
    const numbers = [...new Set(a.people.map((name) => people.number(name)))];
    peopleList.push(numbers.length, ...numbers);
  }
  const meta: MetaFile = {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    analyzer: input.analyzer,
    build: input.build,
    lunr: input.lunr,
    bm25: input.bm25,
    fields: input.fields.map(([name, boost]) => [name, boost]),
    docCount: n,
    termCount: input.termCount,
    postings: { first: frontCode(input.partFirsts) },
    docsPerPart: input.docsPerPart,
    columns: [],
    people: [],
    dates: [],
    docs: {
      date: encodeInts(dateRuns),
      column: encodeInts(articles.map((a) => (a.column === undefined ? 0 : columns.number(a.column) + 1))),
      people: encodeInts(peopleList),
      fieldLengths: input.fields.map(([name], f) => (name === COLUMN_FIELD ? null : encodeInts(fieldLengths.map((lengths) => lengths[f]!)))),
    },
  };
  meta.columns = columns.values;
  meta.people = people.values;
  meta.dates = dates.values;
  return meta;
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
  const docs = meta.docs;
  if (
    typeof meta.build !== "string" ||
    meta.build === "" ||
    typeof meta.postings?.first !== "string" ||
    typeof meta.termCount !== "number" ||
    typeof meta.docsPerPart !== "number" ||
    !(meta.docsPerPart >= 1) ||
    !Array.isArray(meta.fields) ||
    typeof meta.docCount !== "number" ||
    !Array.isArray(meta.columns) ||
    !Array.isArray(meta.people) ||
    !Array.isArray(meta.dates) ||
    typeof docs?.date !== "string" ||
    typeof docs.column !== "string" ||
    typeof docs.people !== "string" ||
    !Array.isArray(docs.fieldLengths)
  ) {
    throw new FormatError("meta: incomplete");
  }
  return meta as MetaFile;
}

/** Field lengths of one field: per article, and their average as Lunr computes it. */
export interface FieldLengths {
  lengths: Uint32Array;
  average: number;
}

/**
 * Decodes the meta part (index-format.ts, "Meta") into what the engine, filters and
 * facets read. Only the part table is decoded at once: the per-article facts (dates,
 * columns, people) on first use (filters and facets need them, a plain query does not),
 * and field lengths by `decodeFieldLengths`, per field, when a query first scores a
 * term in that field. Opening the index on a cold page stays cheap as the archive grows.
 * Throws FormatError when what it decodes does not add up.
 */
export function decodeMeta(file: MetaFile): MetaPayload {
  const n = file.docCount;
  const bad = (what: string) => new FormatError(`meta: ${what} do not match`);

  const firsts = ["", ...frontDecode(file.postings.first)];
  for (let k = 1; k < firsts.length; k++) if (!(firsts[k]! > firsts[k - 1]!)) throw bad("postings parts");
  const postings: PostingsRange[] = firsts.map((first, k) => ({ part: postingsPartName(k), first }));
  if (file.docs.fieldLengths.length !== file.fields.length) throw bad("field lengths");

  const decodeDates = (): Array<string | null> => {
    const date: Array<string | null> = [];
    const runs = decodeInts(file.docs.date);
    for (let r = 0; r + 1 < runs.length; r += 2) {
      const value = file.dates[runs[r]!];
      const length = runs[r + 1]! + 1;
      if (value === undefined || date.length + length > n) throw bad("dates");
      for (let i = 0; i < length; i++) date.push(value);
    }
    if (date.length !== n || runs.length % 2 !== 0) throw bad("dates");
    return date;
  };
  const decodeColumns = (): number[] => {
    const column = decodeInts(file.docs.column).map((c) => c - 1);
    if (column.length !== n || column.some((c) => c >= file.columns.length)) throw bad("columns");
    return column;
  };
  const decodePeople = (): number[][] => {
    const people: number[][] = [];
    const ints = decodeInts(file.docs.people);
    for (let i = 0; i < ints.length; ) {
      const count = ints[i++]!;
      if (i + count > ints.length) throw bad("people");
      const list = ints.slice(i, i + count);
      i += count;
      if (list.some((p) => p >= file.people.length)) throw bad("people");
      people.push(list);
    }
    if (people.length !== n) throw bad("people");
    return people;
  };
  let date: Array<string | null> | undefined;
  let column: number[] | undefined;
  let people: number[][] | undefined;
  const docs: MetaPayload["docs"] = {
    get date() {
      return (date ??= decodeDates());
    },
    get column() {
      return (column ??= decodeColumns());
    },
    get people() {
      return (people ??= decodePeople());
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
    docCount: n,
    termCount: file.termCount,
    postings,
    docsPerPart: file.docsPerPart,
    columns: file.columns,
    people: file.people,
    docs,
  };
}

/**
 * The lengths of field `field` in every article, and their average (sum / docCount, as
 * Lunr). The column field's are recomputed from the column names: `column` gives each
 * article's column number (or -1), `columnLength` the token count of a column's name
 * (the analyzer's, which this folder does not import).
 */
export function decodeFieldLengths(
  file: MetaFile,
  field: number,
  column: () => readonly number[],
  columnLength: (name: string) => number,
): FieldLengths {
  const stored = file.docs.fieldLengths[field];
  let lengths: Uint32Array;
  if (stored === null && file.fields[field]?.[0] === COLUMN_FIELD) {
    const byColumn = file.columns.map(columnLength);
    lengths = Uint32Array.from(column(), (c) => (c < 0 ? 0 : byColumn[c]!));
  } else if (typeof stored === "string") {
    lengths = Uint32Array.from(decodeInts(stored));
  } else {
    throw new FormatError("meta: field lengths missing");
  }
  if (lengths.length !== file.docCount) throw new FormatError("meta: field lengths do not match");
  let sum = 0;
  for (let d = 0; d < lengths.length; d++) sum += lengths[d]!;
  return { lengths, average: lengths.length === 0 ? 0 : sum / lengths.length };
}
