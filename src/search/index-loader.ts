/**
 * Index loader: reads the parts of an index (index-format.ts) through a PartSource and
 * rebuilds from them, for the terms of one query, the lunr.Index that lunr.Builder built
 * at indexing time (same inverted index, same BM25 field-vector weights, same term
 * indexes), so the query engine (query-engine.ts) runs Lunr's own query code on it.
 *
 * A PartSource is a function returning the parsed payload of a part by name: Node reads
 * files (node-part-source.ts), the browser fetches them or loads them as scripts
 * (part-sources.ts). Parts are loaded once and kept; postings are decoded per term, on
 * first use, so a query touches only the terms it needs.
 */
import lunr from "lunr";
import { ANALYZER_VERSION } from "./analyzer.ts";
import { IntReader, decodeInts } from "./codec.ts";
import type { SearchDocument } from "./documents.ts";
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  FormatError,
  META_PART,
  docRef,
  docsPartName,
  frontDecode,
  type DocsPayload,
  type MetaPayload,
  type PostingsPayload,
} from "./index-format.ts";

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
  /** The term's Lunr term index (rank in the global sorted term list). */
  rank: number;
  entries: TermEntry[];
}

/** Where a term (or a set of terms) occurs: article → positions per field number. */
export type Occurrences = Map<number, Array<number[] | undefined>>;

interface LoadedPostings {
  terms: string[];
  postings: string[];
  rank: number;
}

/** The decoded form of a term kept for reuse: its postings and its Lunr entries. */
interface LunrTerm {
  postings: TermPostings;
  occurrences: Occurrences;
  /** lunr.idf of the term, from its full posting. */
  idf: number;
  /** Per entry: the term's weight in Lunr's field vector of that (article, field). */
  weights: number[];
  /** Per entry: Lunr's doc ref, field ref and metadata object, made once and reused. */
  refs: string[];
  fieldRefs: string[];
  metadata: Array<{ position: number[] }>;
}

/** lunr.idf, which @types/lunr does not declare. */
const lunrIdf = (lunr as unknown as { idf: (posting: object, documentCount: number) => number }).idf;

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

function checkMeta(payload: unknown): MetaPayload {
  const meta = payload as Partial<MetaPayload> | null;
  if (typeof meta !== "object" || meta === null || meta.format !== FORMAT_NAME) {
    throw new FormatError("meta: not a Banmian search index");
  }
  if (meta.version !== FORMAT_VERSION) {
    throw new FormatError(`meta: index format ${meta.version}, this code reads ${FORMAT_VERSION}: rebuild the index`);
  }
  if (meta.analyzer !== ANALYZER_VERSION) {
    throw new FormatError(`meta: index built with analyzer ${meta.analyzer}, this code has ${ANALYZER_VERSION}: rebuild the index`);
  }
  if (!Array.isArray(meta.postings) || meta.postings.length === 0 || !Array.isArray(meta.fields) || typeof meta.docCount !== "number") {
    throw new FormatError("meta: incomplete");
  }
  return meta as MetaPayload;
}

export class IndexLoader {
  readonly fieldNames: string[];
  private readonly fieldBoosts: number[];
  private readonly fieldLengths: number[];
  private readonly parts = new Map<string, Promise<unknown>>();
  private readonly postingsParts = new Map<string, LoadedPostings>();
  private readonly lunrTerms = new Map<string, LunrTerm>();
  private readonly partFirsts: string[];

  private constructor(
    readonly meta: MetaPayload,
    private readonly source: PartSource,
  ) {
    this.fieldNames = meta.fields.map(([name]) => name);
    this.fieldBoosts = meta.fields.map(([, boost]) => boost);
    this.fieldLengths = decodeInts(meta.docs.fieldLengths);
    if (this.fieldLengths.length !== meta.docCount * this.fieldNames.length) throw new FormatError("meta: field lengths do not match");
    this.partFirsts = meta.postings.map((p) => p.first);
  }

  /** Loads and checks the meta part. Rejects with FormatError on an unusable index. */
  static async open(source: PartSource): Promise<IndexLoader> {
    return new IndexLoader(checkMeta(await source(META_PART)), source);
  }

  get docCount(): number {
    return this.meta.docCount;
  }

  fieldLength(doc: number, field: number): number {
    return this.fieldLengths[doc * this.fieldNames.length + field] ?? 0;
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
    await Promise.all(
      this.partsFor(exact, prefixes).map(async (k) => {
        const range = this.meta.postings[k]!;
        if (this.postingsParts.has(range.part)) return;
        const payload = (await this.part(range.part)) as PostingsPayload;
        if (typeof payload?.terms !== "string" || typeof payload.postings !== "string") throw new FormatError(`${range.part}: malformed`);
        const terms = frontDecode(payload.terms);
        const postings = terms.length === 0 ? [] : payload.postings.split(" ");
        if (terms.length !== postings.length || terms.length !== range.count) throw new FormatError(`${range.part}: term count mismatch`);
        this.postingsParts.set(range.part, { terms, postings, rank: range.rank });
      }),
    );
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

  /** The decoded postings of a term, or undefined when it does not occur. */
  postings(term: string): TermPostings | undefined {
    return this.lunrTerm(term)?.postings;
  }

  private lunrTerm(term: string): LunrTerm | undefined {
    const cached = this.lunrTerms.get(term);
    if (cached) return cached;
    const part = this.loadedPart(term);
    if (!part) return undefined;
    const i = lowerBound(part.terms, term);
    if (part.terms[i] !== term) return undefined;
    const postings: TermPostings = { term, rank: part.rank + i, entries: decodePostings(part.postings[i]!, this.fieldNames.length) };
    const built = this.toLunr(postings);
    this.lunrTerms.set(term, built);
    return built;
  }

  /** Where a term occurs, or undefined when it does not occur in the archive. */
  occurrences(term: string): Occurrences | undefined {
    return this.lunrTerm(term)?.occurrences;
  }

  /** The field-vector weights of a term, as lunr.Builder computes them (idf from the full posting). */
  private toLunr(postings: TermPostings): LunrTerm {
    const posting: Record<string, unknown> = Object.create(null);
    posting._index = postings.rank;
    const byField = this.fieldNames.map(() => Object.create(null) as Record<string, object>);
    this.fieldNames.forEach((name, f) => (posting[name] = byField[f]));
    for (const e of postings.entries) byField[e.field]![docRef(e.doc)] = {};
    const idf = lunrIdf(posting, this.meta.docCount);
    const { k1, b } = this.meta.bm25;
    const occurrences: Occurrences = new Map();
    const weights = postings.entries.map((e) => {
      let perField = occurrences.get(e.doc);
      if (!perField) occurrences.set(e.doc, (perField = []));
      perField[e.field] = e.positions;
      const tf = e.positions.length;
      const fieldLength = this.fieldLength(e.doc, e.field);
      const average = this.meta.averageFieldLength[e.field]!;
      // Same expression, same evaluation order as lunr.Builder#createFieldVectors.
      let score = (idf * ((k1 + 1) * tf)) / (k1 * (1 - b + b * (fieldLength / average)) + tf);
      score *= this.fieldBoosts[e.field]!;
      return Math.round(score * 1000) / 1000;
    });
    const refs = postings.entries.map((e) => docRef(e.doc));
    const fieldRefs = postings.entries.map((e, i) => `${this.fieldNames[e.field]}/${refs[i]}`);
    const metadata = postings.entries.map((e) => ({ position: e.positions }));
    return { postings, occurrences, idf, weights, refs, fieldRefs, metadata };
  }

  /**
   * A lunr.Index holding these terms, as lunr.Builder built it (inverted index with
   * `position` metadata, field vectors with the same weights and term indexes), limited
   * to the given articles when `docs` is set. Lunr's scores involve only the query's
   * terms (the dot product with the query vector, divided by the query vector's
   * magnitude), and idf is already inside the weights, so an article scores exactly as
   * in the full index.
   */
  lunrIndex(terms: readonly string[], docs?: ReadonlySet<number>): lunr.Index {
    const sorted = [...new Set(terms)].sort(compareCodeUnits);
    const invertedIndex: Record<string, unknown> = Object.create(null);
    const vectors = new Map<string, number[]>();
    const present: string[] = [];
    for (const term of sorted) {
      const t = this.lunrTerm(term);
      if (!t) continue;
      present.push(term);
      const posting: Record<string, unknown> = Object.create(null);
      posting._index = t.postings.rank;
      const byField = this.fieldNames.map(() => Object.create(null) as Record<string, { position: number[] }>);
      this.fieldNames.forEach((name, f) => (posting[name] = byField[f]));
      invertedIndex[term] = posting;
      t.postings.entries.forEach((e, i) => {
        if (docs && !docs.has(e.doc)) return;
        byField[e.field]![t.refs[i]!] = t.metadata[i]!;
        const fieldRef = t.fieldRefs[i]!;
        let list = vectors.get(fieldRef);
        if (!list) vectors.set(fieldRef, (list = []));
        // Terms are visited in sorted order, so each list is sorted by term index.
        list.push(t.postings.rank, t.weights[i]!);
      });
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

/** Decodes one term's postings string (index-format.ts, "Postings"). */
export function decodePostings(text: string, fieldCount: number): TermEntry[] {
  const r = new IntReader(text);
  const entries: TermEntry[] = [];
  let doc = 0;
  while (!r.done) {
    const head = r.next();
    doc += Math.floor(head / fieldCount);
    const field = head % fieldCount;
    const count = r.next() + 1;
    const positions = new Array<number>(count);
    let p = -1;
    for (let i = 0; i < count; i++) positions[i] = p = p + r.next() + 1;
    entries.push({ doc, field, positions });
  }
  return entries;
}
