/**
 * Lunr scores, computed directly: for a query of optional clauses (one per pattern
 * element, `X*` for a prefix), the score lunr.Index#query gives each article over the
 * index lunr-rebuild.ts would make of the query's terms, without making that index.
 * Building it costs an object per (article, field) and Lunr's query a MatchData per
 * hit; a common word at archive scale has tens of thousands of hits, and this was most
 * of a warm query's time.
 *
 * Bit-equal to Lunr's (test/search/lunr-scores.test.ts compares the two): the same
 * weights (LunrRebuild#weight), the same query vector (per term, the number of clauses
 * whose expansion holds it: Lunr adds each clause's boost of 1), its magnitude summed in
 * term order, each field's dot product summed in term order, and an article's field
 * scores summed in the order Lunr's query first meets its fields (clause by clause, each
 * clause's terms in the order lunr.TokenSet expands them), in one pass over the entries.
 */
import lunr from "lunr";
import { compareCodeUnits, tokenSetFromArray, type LunrRebuild, type LunrTerm } from "./lunr-rebuild.ts";

/** lunr.TokenSet.fromString, which @types/lunr declares as an instance method. */
const tokenSetFromString = (lunr.TokenSet as unknown as { fromString: (s: string) => lunr.TokenSet }).fromString;

export interface LunrClause {
  term: string;
  /** A trailing wildcard: the clause matches every term starting with `term`. */
  prefix: boolean;
}

/** Lunr's scores: `values[i]` is the score of article `docs[i]` (articles in the order first met). */
export interface ScoredDocs {
  docs: number[];
  values: Float64Array;
}

/**
 * Lunr's score of every article in `docs` that holds one of the clauses' terms
 * (`terms`: all of them, as the clauses expand; `lookup` gives a term's postings).
 * `slots` is scratch with one entry per article of the archive, all −1, left so.
 */
export function lunrScores(
  rebuild: LunrRebuild,
  clauses: readonly LunrClause[],
  terms: readonly string[],
  lookup: (term: string) => LunrTerm | undefined,
  docs: ReadonlySet<number>,
  slots: Int32Array,
): ScoredDocs {
  const present = [...new Set(terms)].sort(compareCodeUnits).filter((term) => lookup(term) !== undefined);
  const termIndex = new Map(present.map((term, i) => [term, i]));
  // Each clause's terms as Lunr's query expands it, in its order.
  const tokenSet = tokenSetFromArray(present);
  const expansions = clauses.map((c) => tokenSet.intersect(tokenSetFromString(c.prefix ? `${c.term}*` : c.term)).toArray());
  // The query vector (per term, how many clauses expand to it), and when Lunr's query
  // first meets each term: the rank of its first (clause, expanded term), from 1.
  const queryVector = new Float64Array(present.length);
  const firstMet = new Int32Array(present.length);
  let met = 0;
  for (const expanded of expansions) {
    for (const term of expanded) {
      const i = termIndex.get(term)!;
      queryVector[i]! += 1;
      met++;
      if (firstMet[i] === 0) firstMet[i] = met;
    }
  }
  let sumOfSquares = 0;
  for (const value of queryVector) sumOfSquares += value * value;
  const magnitude = Math.sqrt(sumOfSquares);

  // Dense (slot, field) arrays over the articles that hold a term, slots given on first
  // touch: the dot product with the query vector (terms in increasing index, as in
  // lunr.Vector#dot) and when Lunr's query first meets the field (0: never).
  const fieldCount = rebuild.fieldCount;
  const slotDocs: number[] = [];
  const capacity = docs.size * fieldCount;
  const dots = new Float64Array(capacity);
  const fieldMet = new Int32Array(capacity);
  let sortedDocs: Int32Array | undefined;
  // A typed array sorts numerically without a comparator, natively.
  const docsIncreasing = () => (sortedDocs ??= Int32Array.from(docs).sort());
  try {
    present.forEach((term, i) => {
      const q = queryVector[i]!;
      if (q === 0) return; // adds nothing to a dot product, and Lunr's query never meets it
      const t = lookup(term)!;
      const termMet = firstMet[i]!;
      const postingDocs = t.postings.docs;
      const postingFields = t.postings.fields;
      t.postings.visitEntries(docs, docsIncreasing, (k) => {
        const doc = postingDocs[k]!;
        let slot = slots[doc]!;
        if (slot < 0) slots[doc] = slot = slotDocs.push(doc) - 1;
        const key = slot * fieldCount + postingFields[k]!;
        dots[key] = dots[key]! + q * rebuild.weight(t, k);
        if (fieldMet[key] === 0 || termMet < fieldMet[key]!) fieldMet[key] = termMet;
      });
    });
  } finally {
    for (const doc of slotDocs) slots[doc] = -1;
  }

  // An article's score: its field scores summed in the order Lunr meets the fields (by
  // their first term met; within one term, Lunr goes field by field).
  const values = new Float64Array(slotDocs.length);
  const order: number[] = [];
  for (let slot = 0; slot < slotDocs.length; slot++) {
    const base = slot * fieldCount;
    order.length = 0;
    for (let f = 0; f < fieldCount; f++) if (fieldMet[base + f] !== 0) order.push(f);
    if (order.length > 1) order.sort((f, g) => fieldMet[base + f]! - fieldMet[base + g]! || f - g);
    let score = 0;
    for (const f of order) score += dots[base + f]! / magnitude || 0;
    values[slot] = score;
  }
  return { docs: slotDocs, values };
}
