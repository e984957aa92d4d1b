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
import { columnFieldLength } from "../analysis/fields.ts";
import { decodeDocsPart } from "../format/docs.ts";
import type { SearchDocument } from "../format/documents.ts";
import { META_PART, docRef, docsPartName, type MetaFile, type MetaPayload } from "../format/index-format.ts";
import { decodeFieldLengths, decodeMeta, validateMeta, type FieldLengths } from "../format/meta.ts";
import { decodePostingsPart, decodeTermPostings, entryPositions, type DecodedPostings, type PostingsPart, type TermEntry } from "../format/postings.ts";

export type { TermEntry } from "../format/postings.ts";

/** Returns the parsed payload of the part with the given name. */
export type PartSource = (name: string) => Promise<unknown>;

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

  readonly count: number;
  readonly docs: Int32Array;
  readonly fields: Uint8Array;
  readonly tf: Int32Array;

  private constructor(private readonly arrays: DecodedPostings) {
    this.count = arrays.count;
    this.docs = arrays.docs;
    this.fields = arrays.fields;
    this.tf = arrays.tf;
    let distinct = 0;
    for (let k = 0; k < this.count; k++) if (k === 0 || this.docs[k] !== this.docs[k - 1]) distinct++;
    this.size = distinct;
  }

  /** Decodes one term's postings string (format/postings.ts). */
  static decode(text: string, fieldCount: number): CompactPostings {
    return new CompactPostings(decodeTermPostings(text, fieldCount));
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
    return entryPositions(this.arrays, k);
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

export class IndexLoader {
  readonly fieldNames: string[];
  private readonly fieldBoosts: number[];
  /** Per field, decoded on first use. */
  private readonly fieldLengths: Array<FieldLengths | undefined> = [];
  private readonly parts = new Map<string, Promise<unknown>>();
  private readonly postingsParts = new Map<string, PostingsPart>();
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
    return new IndexLoader(validateMeta(await source(META_PART), ANALYZER_VERSION), source);
  }

  get docCount(): number {
    return this.meta.docCount;
  }

  /** The lengths of a field in every article, and their average. */
  private lengthsOf(field: number): FieldLengths {
    return (this.fieldLengths[field] ??= decodeFieldLengths(this.file, field, () => this.meta.docs.column, columnFieldLength));
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
      const next = this.meta.postings[k + 1]?.first;
      loading = this.part(range.part).then((payload) => {
        this.postingsParts.set(range.part, decodePostingsPart(range.part, payload, { first: range.first, next }));
      });
      this.postingsLoading.set(range.part, loading);
      loading.catch(() => this.postingsLoading.delete(range.part));
    }
    return loading;
  }

  private loadedPart(term: string): PostingsPart | undefined {
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
    const payloads = await Promise.all(partNumbers.map((k) => this.part(docsPartName(k)).then((p) => decodeDocsPart(docsPartName(k), p))));
    const found = new Map<number, SearchDocument>();
    payloads.forEach((p) => p.docs.forEach((doc, i) => found.set(p.first + i, doc)));
    return new Map(wanted.filter((n) => found.has(n)).map((n) => [n, found.get(n)!]));
  }
}
