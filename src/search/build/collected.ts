/**
 * Collected: what both index builders (collect-direct.ts, collect-lunr.ts) hand to the
 * index writer (index-writer.ts): the archive's terms in order, each term's encoded
 * postings (format/postings.ts), and each article's field lengths.
 */
import type lunr from "lunr";

/** What both builders produce: the sorted terms, each term's encoded postings, the field lengths. */
export interface Collected {
  terms: string[];
  /** Encoded postings of terms[i] (format/postings.ts). */
  postings: (i: number) => string;
  /** Per article, the token count of each field. */
  fieldLengths: number[][];
  builder?: lunr.Builder;
}

/** UTF-16 code-unit order, the order of terms in the index (and of lunr.TokenSet.Builder). */
export const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
