/**
 * Lunr rebuild: for the terms of one query, the lunr.Index that lunr.Builder built at
 * indexing time (same inverted index, same BM25 field-vector weights, so the same
 * scores), made from the terms' postings (term-postings.ts), whose entries carry their
 * field lengths, and the meta part's field totals (the average lengths), so that the
 * query engine runs Lunr's own query code on it.
 *
 * Lunr's scores involve only the query's terms (the dot product of field vectors with
 * the query vector, divided by the query vector's magnitude), and idf is already inside
 * the weights, so an article scores exactly as in the full index. Term indexes (which
 * only pair a query vector's entries with the field vectors') are the terms' ranks among
 * these terms, in the same order as in the full index.
 */
import lunr from "lunr";
import { docRef, type MetaPayload } from "../format/index-format.ts";
import type { CompactPostings } from "./term-postings.ts";

/** A term as the rebuild keeps it for reuse: its postings and what Lunr's weights need. */
export interface LunrTerm {
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
export const tokenSetFromArray = (lunr.TokenSet as unknown as { fromArray: (sorted: string[]) => lunr.TokenSet }).fromArray;

export const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export class LunrRebuild {
  private readonly fieldNames: string[];
  private readonly fieldBoosts: number[];
  /** Per field, the average length as Lunr computes it (sum / documentCount). */
  private readonly averages: number[];

  constructor(private readonly meta: MetaPayload) {
    this.fieldNames = meta.fields.map(([name]) => name);
    this.fieldBoosts = meta.fields.map(([, boost]) => boost);
    this.averages = meta.fieldTotals.map((total) => (meta.docCount === 0 ? 0 : total / meta.docCount));
  }

  /** A term with these postings, ready to be weighted. */
  term(postings: CompactPostings): LunrTerm {
    return { postings, idf: lunrIdf(postings.count, this.meta.docCount) };
  }

  /** The number of fields, for dense (article, field) arrays. */
  get fieldCount(): number {
    return this.fieldNames.length;
  }

  /** The weight of entry k of a term in Lunr's field vector, as lunr.Builder computes it (idf from the full posting). */
  weight(t: LunrTerm, k: number): number {
    const weights = (t.weights ??= new Float64Array(t.postings.count).fill(NaN));
    if (!Number.isNaN(weights[k]!)) return weights[k]!;
    const { k1, b } = this.meta.bm25;
    const field = t.postings.fields[k]!;
    const tf = t.postings.tf[k]!;
    const average = this.averages[field]!;
    const fieldLength = t.postings.lengths[k]!;
    // Same expression, same evaluation order as lunr.Builder#createFieldVectors.
    let score = (t.idf * ((k1 + 1) * tf)) / (k1 * (1 - b + b * (fieldLength / average)) + tf);
    score *= this.fieldBoosts[field]!;
    return (weights[k] = Math.round(score * 1000) / 1000);
  }

  /**
   * A lunr.Index holding these terms (`lookup` gives a term, or undefined when it does not
   * occur), limited to the given articles when `docs` is set; postings carry no metadata.
   */
  index(terms: readonly string[], lookup: (term: string) => LunrTerm | undefined, docs?: ReadonlySet<number>): lunr.Index {
    const sorted = [...new Set(terms)].sort(compareCodeUnits);
    const invertedIndex: Record<string, unknown> = Object.create(null);
    const vectors = new Map<string, number[]>();
    const present: string[] = [];
    let sortedDocs: Int32Array | undefined;
    for (const term of sorted) {
      const t = lookup(term);
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
      t.postings.visitEntries(docs, () => (sortedDocs ??= Int32Array.from(docs!).sort()), add);
    }
    const fieldVectors: Record<string, lunr.Vector> = Object.create(null);
    for (const [fieldRef, list] of vectors) fieldVectors[fieldRef] = new lunr.Vector(list);
    // @types/lunr names the vectors `documentVectors`; lunr 2.3.9 reads `fieldVectors`.
    const attrs = { invertedIndex, fieldVectors, tokenSet: tokenSetFromArray(present), fields: this.fieldNames, pipeline: new lunr.Pipeline() };
    return new lunr.Index(attrs as unknown as lunr.Index.Attributes);
  }
}

