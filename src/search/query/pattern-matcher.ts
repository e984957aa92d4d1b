/**
 * Pattern matcher: which articles hold a word or phrase as a contiguous string in one
 * field, from the positions of its terms (analysis/pattern.ts). A pattern element's
 * occurrences are one term's postings (term-postings.ts), or for a prefix (a
 * one-character word, X*) the merged postings of every term it expands to, which are
 * kept between queries.
 */
import { elementKey, matchesSomewhere, type Pattern, type PatternElement } from "../analysis/pattern.ts";
import type { IndexLoader } from "./index-loader.ts";
import type { Occurrences } from "./term-postings.ts";

/** Elements whose occurrences are kept between queries (a prefix's merge is costly). */
const OCCURRENCE_CACHE_SIZE = 512;

export class PatternMatcher {
  private readonly occurrenceCache = new Map<string, Occurrences>();

  constructor(private readonly index: IndexLoader) {}

  /** The terms an element accepts (its loaded parts must be in memory). */
  termsOf(e: PatternElement): string[] {
    return e.prefix ? this.index.expand(e.term) : this.index.has(e.term) ? [e.term] : [];
  }

  /** Where an element's terms occur: one term's occurrences, or a prefix's merged. */
  elementOccurrences(e: PatternElement): Occurrences {
    const key = elementKey(e);
    let occ = this.occurrenceCache.get(key);
    if (occ) return occ;
    const terms = this.termsOf(e);
    if (terms.length === 1) {
      occ = this.index.occurrences(terms[0]!)!;
    } else {
      const union = new Map<number, Array<number[] | undefined>>();
      occ = union;
      for (const term of terms) {
        for (const [doc, fields] of this.index.occurrences(term)!.entries()) {
          let merged = union.get(doc);
          if (!merged) union.set(doc, (merged = []));
          fields.forEach((positions, f) => {
            if (positions) merged![f] = merged![f] ? [...merged![f]!, ...positions] : positions;
          });
        }
      }
      for (const fields of union.values()) fields.forEach((p) => p?.sort((a, b) => a - b));
    }
    if (this.occurrenceCache.size >= OCCURRENCE_CACHE_SIZE) this.occurrenceCache.clear();
    this.occurrenceCache.set(key, occ);
    return occ;
  }

  /** The articles (among `within`, when given) where the pattern occurs in one field. */
  occurringIn(pattern: Pattern, within: ReadonlySet<number> | null): Set<number> {
    const lists = pattern.elements.map((e) => this.elementOccurrences(e));
    let rarest = 0;
    for (let k = 1; k < lists.length; k++) if (lists[k]!.size < lists[rarest]!.size) rarest = k;
    const found = new Set<number>();
    if (lists.length === 1) {
      // One element: occurring anywhere is occurring as the whole pattern.
      const only = lists[0]!;
      if (within && within.size < only.size) for (const doc of within) only.has(doc) && found.add(doc);
      else for (const doc of only.keys()) if (!within || within.has(doc)) found.add(doc);
      return found;
    }
    const check = (doc: number) => {
      const perElement = lists.map((l) => l.get(doc));
      if (perElement.some((x) => x === undefined)) return;
      for (let f = 0; f < this.index.fieldNames.length; f++) {
        if (perElement.some((x) => x![f] === undefined)) continue;
        if (matchesSomewhere(pattern, (e) => perElement[pattern.elements.indexOf(e)]![f]!)) {
          found.add(doc);
          return;
        }
      }
    };
    if (within && within.size < lists[rarest]!.size) for (const doc of within) check(doc);
    else for (const doc of lists[rarest]!.keys()) if (!within || within.has(doc)) check(doc);
    return found;
  }
}
