/**
 * Term postings: one term's postings as the query side holds them, decoded by the format
 * (format/postings.ts) into flat arrays, with positions decoded per article on demand.
 * The index loader keeps one per term used; the query engine reads them as Occurrences
 * (which articles, which positions in which field), and the Lunr rebuild
 * (lunr-rebuild.ts) reads their entries.
 */
import { decodeTermPostings, entryPositions, type DecodedPostings, type TermEntry } from "../format/postings.ts";

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
  /** Per entry, the length of its field in its article. */
  readonly lengths: Int32Array;
  readonly tf: Int32Array;
  /** Per entry, where its position gaps start in `ints` (position = previous + gap + 1, from −1). */
  readonly start: Int32Array;
  readonly ints: readonly number[];

  private constructor(private readonly arrays: DecodedPostings) {
    this.count = arrays.count;
    this.docs = arrays.docs;
    this.fields = arrays.fields;
    this.lengths = arrays.lengths;
    this.tf = arrays.tf;
    this.start = arrays.start;
    this.ints = arrays.ints;
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

  /**
   * Calls `visit` with each entry whose article is in `docs` (every entry when `docs` is
   * unset), in article order then field order, as a full pass would. A small `docs` is
   * looked up article by article (`sortedDocs`: docs increasing, made once by the caller).
   */
  visitEntries(docs: ReadonlySet<number> | undefined, sortedDocs: () => ArrayLike<number> & Iterable<number>, visit: (k: number) => void): void {
    if (docs && docs.size < this.size) {
      // Both lists increase: a cursor that gallops forward (seek) finds each article's entries.
      let k = 0;
      const sorted = sortedDocs();
      for (let i = 0; i < sorted.length; i++) {
        const doc = sorted[i]!;
        k = this.seek(k, doc);
        for (; k < this.count && this.docs[k] === doc; k++) visit(k);
      }
    } else {
      for (let k = 0; k < this.count; k++) if (!docs || docs.has(this.docs[k]!)) visit(k);
    }
  }

  /**
   * The first entry at or after entry `from` whose article is `doc` or later (`count`
   * when none): galloping, for cursors that visit articles in increasing order.
   */
  seek(from: number, doc: number): number {
    const docs = this.docs;
    if (from >= this.count || docs[from]! >= doc) return from;
    let step = 1;
    let lo = from;
    let hi = from + 1;
    while (hi < this.count && docs[hi]! < doc) {
      lo = hi;
      step *= 2;
      hi = lo + step;
    }
    if (hi > this.count) hi = this.count;
    // docs[lo] < doc; the answer is in (lo, hi].
    lo++;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (docs[mid]! < doc) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether entry k has position `value` (positions are few per entry: a scan). */
  hasPosition(k: number, value: number): boolean {
    const ints = this.ints;
    let p = -1;
    for (let i = this.start[k]!, end = i + this.tf[k]!; i < end; i++) {
      p += ints[i]! + 1;
      if (p >= value) return p === value;
    }
    return false;
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
    return Array.from({ length: this.count }, (_, k) => ({ doc: this.docs[k]!, field: this.fields[k]!, length: this.lengths[k]!, positions: this.positions(k) }));
  }
}
