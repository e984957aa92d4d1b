/**
 * Index loader: reads the parts of an index (index-format.ts) through a PartSource and
 * rebuilds from them, for the terms of one query, the lunr.Index that lunr.Builder built
 * at indexing time (same inverted index, same BM25 field-vector weights, so the same
 * scores), so the query engine (query-engine.ts) runs Lunr's own query code on it.
 *
 * A PartSource is a function returning the parsed payload of a part by name: Node reads
 * files (node-part-source.ts), the browser fetches them or loads them as scripts
 * (part-sources.ts). Parts are loaded once and kept; postings are decoded per term, on
 * first use, so a query touches only the terms it needs. Opening an index decodes only
 * the meta part's table of parts: a cold page pays for what its first query uses
 * (field lengths per field, per-article facts when a filter asks).
 */
import lunr from "lunr";
import { ANALYZER_VERSION } from "../analysis/analyzer.ts";
import { decodeInts } from "../format/codec.ts";
import type { SearchDocument } from "../format/documents.ts";
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  COLUMN_FIELD,
  FormatError,
  META_PART,
  columnFieldLength,
  docRef,
  docsPartName,
  frontDecode,
  postingsPartName,
  type DocsPayload,
  type MetaFile,
  type MetaPayload,
  type PostingsPayload,
  type PostingsRange,
} from "../format/index-format.ts";

/** Returns the parsed payload of the part with the given name. */
export type PartSource = (name: string) => Promise<unknown>;

/** One (article, field) in which a term occurs, with the term's positions there. */
export interface TermEntry {
  doc: number;
  field: number;
  positions: number[];
}

export interface TermPostings {
  term: string;
  entries: TermEntry[];
}

/**
 * Where a term (or a set of terms) occurs: article → positions per field number. A Map
 * for a prefix's merged terms; a term's own postings (CompactPostings) answer the same.
 */
export interface Occurrences {
  /** The number of articles. */
  readonly size: number;
  has(doc: number): boolean;
  get(doc: number): Array<number[] | undefined> | undefined;
  /** The articles, in increasing order for a term's own postings. */
  keys(): Iterable<number>;
  entries(): Iterable<[number, Array<number[] | undefined>]>;
}

interface LoadedPostings {
  terms: string[];
  postings: string[];
}

/**
 * One term's postings decoded into flat arrays, without an object per entry: a query
 * on a cold page touches common terms with thousands of entries, of which it needs the
 * positions of a few articles only (those every word occurs in). Entry k is the field
 * `fields[k]` of article `docs[k]` (articles increasing), where the term occurs `tf[k]`
 * times, the position gaps starting at `ints[start[k]]`. Positions are decoded per
 * article on demand.
 */
export class CompactPostings implements Occurrences {
  readonly size: number;
  private readonly decoded = new Map<number, Array<number[] | undefined>>();

  private constructor(
    readonly count: number,
    readonly docs: Int32Array,
    readonly fields: Uint8Array,
    readonly tf: Int32Array,
    private readonly start: Int32Array,
    private readonly ints: number[],
  ) {
    let distinct = 0;
    for (let k = 0; k < count; k++) if (k === 0 || docs[k] !== docs[k - 1]) distinct++;
    this.size = distinct;
  }

  /** Decodes one term's postings string (index-format.ts, "Postings"). */
  static decode(text: string, fieldCount: number): CompactPostings {
    const ints = decodeInts(text);
    // Entries number at most a third of the integers (head, count, a position each).
    const max = Math.ceil(ints.length / 3);
    const docs = new Int32Array(max);
    const fields = new Uint8Array(max);
    const tf = new Int32Array(max);
    const start = new Int32Array(max);
    let n = 0;
    let doc = 0;
    for (let i = 0; i < ints.length; n++) {
      const head = ints[i++]!;
      doc += Math.floor(head / fieldCount);
      const count = ints[i++];
      if (count === undefined || i + count + 1 > ints.length) throw new FormatError("truncated postings");
      docs[n] = doc;
      fields[n] = head % fieldCount;
      tf[n] = count + 1;
      start[n] = i;
      i += count + 1;
    }
    return new CompactPostings(n, docs.subarray(0, n), fields.subarray(0, n), tf.subarray(0, n), start.subarray(0, n), ints);
  }

  /** The first entry of an article, or -1. */
  firstEntry(doc: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.docs[mid]! < doc) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.count && this.docs[lo] === doc ? lo : -1;
  }

  /** The entries [from, to) of an article (from === to when it does not occur). */
  entriesOf(doc: number): [from: number, to: number] {
    const from = this.firstEntry(doc);
    if (from < 0) return [0, 0];
    let to = from + 1;
    while (to < this.count && this.docs[to] === doc) to++;
    return [from, to];
  }

  /** The positions of entry k, increasing. */
  positions(k: number): number[] {
    const out = new Array<number>(this.tf[k]!);
    let p = -1;
    for (let i = 0, at = this.start[k]!; i < out.length; i++) out[i] = p = p + this.ints[at + i]! + 1;
    return out;
  }

  has(doc: number): boolean {
    return this.firstEntry(doc) >= 0;
  }

  get(doc: number): Array<number[] | undefined> | undefined {
    const known = this.decoded.get(doc);
    if (known) return known;
    const [from, to] = this.entriesOf(doc);
    if (from === to) return undefined;
    const perField: Array<number[] | undefined> = [];
    for (let k = from; k < to; k++) perField[this.fields[k]!] = this.positions(k);
    this.decoded.set(doc, perField); // kept: a query run again asks for the same articles
    return perField;
  }

  *keys(): IterableIterator<number> {
    for (let k = 0; k < this.count; k++) if (k === 0 || this.docs[k] !== this.docs[k - 1]) yield this.docs[k]!;
  }

  *entries(): IterableIterator<[number, Array<number[] | undefined>]> {
    for (const doc of this.keys()) yield [doc, this.get(doc)!];
  }

  /** Every entry as an object (for tests and tools). */
  toEntries(): TermEntry[] {
    return Array.from({ length: this.count }, (_, k) => ({ doc: this.docs[k]!, field: this.fields[k]!, positions: this.positions(k) }));
  }
}

/** The decoded form of a term kept for reuse: its postings and what Lunr's weights need. */
interface LunrTerm {
  postings: CompactPostings;
  /** lunr.idf of the term, from its full posting. */
  idf: number;
  /** Per entry, made on first use and kept: the weight (NaN until computed), Lunr's field ref. */
  weights?: Float64Array;
  fieldRefs?: Array<string | undefined>;
}

/**
 * lunr.idf for a term with `entries` (field, article) postings: lunr.idf counts the refs
 * under every field of the posting, that is the entries. Same expression as Lunr's
 * (test/search/index.test.ts compares the two).
 */
export function lunrIdf(entries: number, documentCount: number): number {
  const x = (documentCount - entries + 0.5) / (entries + 0.5);
  return Math.log(1 + Math.abs(x));
}

/**
 * The metadata of every posting in the rebuilt lunr.Index: none. Lunr copies each
 * matching posting's metadata into its results (lunr.MatchData), a cost per hit, and
 * the query engine takes positions from the postings (occurrences), not from Lunr's
 * match data; scores do not depend on metadata.
 */
const NO_METADATA: object = Object.freeze(Object.create(null) as object);

/** lunr.TokenSet.fromArray, which @types/lunr declares as an instance method. */
const tokenSetFromArray = (lunr.TokenSet as unknown as { fromArray: (sorted: string[]) => lunr.TokenSet }).fromArray;

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Index of the first element of a sorted array that is >= value. */
function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function checkMeta(payload: unknown): MetaFile {
  const meta = payload as Partial<MetaFile> | null;
  if (typeof meta !== "object" || meta === null || meta.format !== FORMAT_NAME) {
    throw new FormatError("meta: not a Banmian search index");
  }
  if (meta.version !== FORMAT_VERSION) {
    throw new FormatError(`meta: index format ${meta.version}, this code reads ${FORMAT_VERSION}: rebuild the index`);
  }
  if (meta.analyzer !== ANALYZER_VERSION) {
    throw new FormatError(`meta: index built with analyzer ${meta.analyzer}, this code has ${ANALYZER_VERSION}: rebuild the index`);
  }
  const docs = meta.docs;
  if (
    typeof meta.postings?.first !== "string" ||
    typeof meta.termCount !== "number" ||
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
 * Lunr). The column field's are recomputed from the column names (`column`: each
 * article's column number, or -1).
 */
export function decodeFieldLengths(file: MetaFile, field: number, column: () => readonly number[]): FieldLengths {
  const stored = file.docs.fieldLengths[field];
  let lengths: Uint32Array;
  if (stored === null && file.fields[field]?.[0] === COLUMN_FIELD) {
    const byColumn = file.columns.map((name) => columnFieldLength(name));
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

export class IndexLoader {
  readonly fieldNames: string[];
  private readonly fieldBoosts: number[];
  /** Per field, decoded on first use. */
  private readonly fieldLengths: Array<FieldLengths | undefined> = [];
  private readonly parts = new Map<string, Promise<unknown>>();
  private readonly postingsParts = new Map<string, LoadedPostings>();
  private readonly postingsLoading = new Map<string, Promise<void>>();
  private readonly lunrTerms = new Map<string, LunrTerm>();
  private readonly partFirsts: string[];

  readonly meta: MetaPayload;

  private constructor(
    private readonly file: MetaFile,
    private readonly source: PartSource,
  ) {
    const meta = decodeMeta(file);
    this.meta = meta;
    this.fieldNames = meta.fields.map(([name]) => name);
    this.fieldBoosts = meta.fields.map(([, boost]) => boost);
    this.partFirsts = meta.postings.map((p) => p.first);
  }

  /** Loads and checks the meta part. Rejects with FormatError on an unusable index. */
  static async open(source: PartSource): Promise<IndexLoader> {
    return new IndexLoader(checkMeta(await source(META_PART)), source);
  }

  get docCount(): number {
    return this.meta.docCount;
  }

  /** The lengths of a field in every article, and their average. */
  private lengthsOf(field: number): FieldLengths {
    return (this.fieldLengths[field] ??= decodeFieldLengths(this.file, field, () => this.meta.docs.column));
  }

  fieldLength(doc: number, field: number): number {
    return this.lengthsOf(field).lengths[doc] ?? 0;
  }

  /** A part's payload, loaded once (a failed load is forgotten so it can be retried). */
  private part(name: string): Promise<unknown> {
    let p = this.parts.get(name);
    if (!p) {
      p = this.source(name);
      this.parts.set(name, p);
      p.catch(() => this.parts.delete(name));
    }
    return p;
  }

  /** Index of the postings part whose range holds `term`. */
  private partIndexOf(term: string): number {
    // The last part whose first term is <= term (the first part's first is "").
    let lo = 0;
    let hi = this.partFirsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.partFirsts[mid]! <= term) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The postings parts needed for these exact terms and prefixes. */
  private partsFor(exact: readonly string[], prefixes: readonly string[]): number[] {
    const needed = new Set<number>();
    for (const t of exact) needed.add(this.partIndexOf(t));
    for (const p of prefixes) {
      const from = this.partIndexOf(p);
      const to = this.partIndexOf(p + "\uffff");
      for (let k = from; k <= to; k++) needed.add(k);
    }
    return [...needed].sort((a, b) => a - b);
  }

  /** Makes sure the postings of these terms (and of all terms with these prefixes) are loaded. */
  async loadTerms(exact: readonly string[], prefixes: readonly string[]): Promise<void> {
    await Promise.all(this.partsFor(exact, prefixes).map((k) => this.loadPostingsPart(k)));
  }

  /** Fetches and decodes postings part k once, however many queries ask for it meanwhile. */
  private loadPostingsPart(k: number): Promise<void> {
    const range = this.meta.postings[k]!;
    let loading = this.postingsLoading.get(range.part);
    if (!loading) {
      loading = this.part(range.part).then((payload) => {
        const p = payload as PostingsPayload;
        if (typeof p?.terms !== "string" || typeof p.postings !== "string") throw new FormatError(`${range.part}: malformed`);
        const terms = frontDecode(p.terms);
        const postings = terms.length === 0 ? [] : p.postings.split(" ");
        if (terms.length !== postings.length) throw new FormatError(`${range.part}: term count mismatch`);
        const next = this.meta.postings[k + 1];
        if (terms.length > 0 && (terms[0]! < range.first || (next && terms[terms.length - 1]! >= next.first))) {
          throw new FormatError(`${range.part}: terms outside the part's range`);
        }
        this.postingsParts.set(range.part, { terms, postings });
      });
      this.postingsLoading.set(range.part, loading);
      loading.catch(() => this.postingsLoading.delete(range.part));
    }
    return loading;
  }

  private loadedPart(term: string): LoadedPostings | undefined {
    return this.postingsParts.get(this.meta.postings[this.partIndexOf(term)]!.part);
  }

  /** True when the term occurs in the archive (its part must be loaded). */
  has(term: string): boolean {
    const part = this.loadedPart(term);
    if (!part) return false;
    const i = lowerBound(part.terms, term);
    return part.terms[i] === term;
  }

  /** All terms starting with `prefix`, in sorted order (their parts must be loaded). */
  expand(prefix: string): string[] {
    const out: string[] = [];
    const from = this.partIndexOf(prefix);
    const to = this.partIndexOf(prefix + "\uffff");
    for (let k = from; k <= to; k++) {
      const part = this.postingsParts.get(this.meta.postings[k]!.part);
      if (!part) continue;
      for (let i = lowerBound(part.terms, prefix); i < part.terms.length && part.terms[i]!.startsWith(prefix); i++) out.push(part.terms[i]!);
    }
    return out;
  }

  /** The decoded postings of a term, or undefined when it does not occur (for tests and tools). */
  postings(term: string): TermPostings | undefined {
    const t = this.lunrTerm(term);
    return t && { term, entries: t.postings.toEntries() };
  }

  private lunrTerm(term: string): LunrTerm | undefined {
    const cached = this.lunrTerms.get(term);
    if (cached) return cached;
    const part = this.loadedPart(term);
    if (!part) return undefined;
    const i = lowerBound(part.terms, term);
    if (part.terms[i] !== term) return undefined;
    const postings = CompactPostings.decode(part.postings[i]!, this.fieldNames.length);
    const built: LunrTerm = { postings, idf: lunrIdf(postings.count, this.meta.docCount) };
    this.lunrTerms.set(term, built);
    return built;
  }

  /** Where a term occurs, or undefined when it does not occur in the archive. */
  occurrences(term: string): Occurrences | undefined {
    return this.lunrTerm(term)?.postings;
  }

  /** The weight of entry k of a term in Lunr's field vector, as lunr.Builder computes it (idf from the full posting). */
  private weight(t: LunrTerm, k: number): number {
    const weights = (t.weights ??= new Float64Array(t.postings.count).fill(NaN));
    if (!Number.isNaN(weights[k]!)) return weights[k]!;
    const { k1, b } = this.meta.bm25;
    const field = t.postings.fields[k]!;
    const tf = t.postings.tf[k]!;
    const { lengths, average } = this.lengthsOf(field);
    const fieldLength = lengths[t.postings.docs[k]!]!;
    // Same expression, same evaluation order as lunr.Builder#createFieldVectors.
    let score = (t.idf * ((k1 + 1) * tf)) / (k1 * (1 - b + b * (fieldLength / average)) + tf);
    score *= this.fieldBoosts[field]!;
    return (weights[k] = Math.round(score * 1000) / 1000);
  }

  /**
   * A lunr.Index holding these terms, as lunr.Builder built it (inverted index, field
   * vectors with the same weights), limited to the given articles when `docs` is set.
   * Lunr's scores involve only the query's terms (the dot product of field vectors with
   * the query vector, divided by the query vector's magnitude), and idf is already
   * inside the weights, so an article scores exactly as in the full index. Term indexes
   * (which only pair a query vector's entries with the field vectors') are the terms'
   * ranks among these terms, in the same order as in the full index; postings carry no
   * metadata (NO_METADATA).
   */
  lunrIndex(terms: readonly string[], docs?: ReadonlySet<number>): lunr.Index {
    const sorted = [...new Set(terms)].sort(compareCodeUnits);
    const invertedIndex: Record<string, unknown> = Object.create(null);
    const vectors = new Map<string, number[]>();
    const present: string[] = [];
    let sortedDocs: number[] | undefined;
    for (const term of sorted) {
      const t = this.lunrTerm(term);
      if (!t) continue;
      const index = present.length;
      present.push(term);
      const posting: Record<string, unknown> = Object.create(null);
      posting._index = index;
      const byField = this.fieldNames.map(() => Object.create(null) as Record<string, object>);
      this.fieldNames.forEach((name, f) => (posting[name] = byField[f]));
      invertedIndex[term] = posting;
      const fieldRefs = (t.fieldRefs ??= new Array<string | undefined>(t.postings.count));
      const add = (k: number) => {
        const ref = docRef(t.postings.docs[k]!);
        const field = t.postings.fields[k]!;
        byField[field]![ref] = NO_METADATA;
        const fieldRef = (fieldRefs[k] ??= `${this.fieldNames[field]}/${ref}`);
        const list = vectors.get(fieldRef);
        // Terms are visited in sorted order, so each list is sorted by term index.
        if (list) list.push(index, this.weight(t, k));
        else vectors.set(fieldRef, [index, this.weight(t, k)]);
      };
      // Entries in article order either way, so the index is the same as from a full pass.
      if (docs && docs.size < t.postings.size) {
        for (const doc of sortedDocs ??= [...docs].sort((x, y) => x - y)) {
          const [from, to] = t.postings.entriesOf(doc);
          for (let k = from; k < to; k++) add(k);
        }
      } else {
        for (let k = 0; k < t.postings.count; k++) if (!docs || docs.has(t.postings.docs[k]!)) add(k);
      }
    }
    const fieldVectors: Record<string, lunr.Vector> = Object.create(null);
    for (const [fieldRef, list] of vectors) fieldVectors[fieldRef] = new lunr.Vector(list);
    // @types/lunr names the vectors `documentVectors`; lunr 2.3.9 reads `fieldVectors`.
    const attrs = { invertedIndex, fieldVectors, tokenSet: tokenSetFromArray(present), fields: this.fieldNames, pipeline: new lunr.Pipeline() };
    return new lunr.Index(attrs as unknown as lunr.Index.Attributes);
  }

  /** The stored documents (docs parts) of these article numbers. */
  async documents(numbers: readonly number[]): Promise<Map<number, SearchDocument>> {
    const per = this.meta.docsPerPart;
    const wanted = [...new Set(numbers.filter((n) => Number.isInteger(n) && n >= 0 && n < this.docCount))];
    const partNumbers = [...new Set(wanted.map((n) => Math.floor(n / per)))];
    const payloads = await Promise.all(partNumbers.map((k) => this.part(docsPartName(k)) as Promise<DocsPayload>));
    const found = new Map<number, SearchDocument>();
    payloads.forEach((p) => p.docs.forEach((doc, i) => found.set(p.first + i, doc)));
    return new Map(wanted.filter((n) => found.has(n)).map((n) => [n, found.get(n)!]));
  }
}

/** Decodes one term's postings string (index-format.ts, "Postings") into entries (for tests and tools). */
export function decodePostings(text: string, fieldCount: number): TermEntry[] {
  return CompactPostings.decode(text, fieldCount).toEntries();
}
