/**
 * Front coding: how the index format (index-format.ts) writes a sorted list of terms, in
 * a postings part's `terms` and in meta's table of parts: each term as one digit 0–9,
 * the number of leading UTF-16 code units it shares with the previous term (at most 9),
 * then the rest of the term; terms separated by single spaces (terms never contain one).
 */
import { FormatError } from "./index-format.ts";

/** Front-codes sorted terms (see "Postings"). */
export function frontCode(terms: readonly string[]): string {
  let previous = "";
  return terms
    .map((term) => {
      let shared = 0;
      while (shared < 9 && shared < term.length && term.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
      previous = term;
      return String(shared) + term.slice(shared);
    })
    .join(" ");
}

/** The terms of a front-coded list. */
export function frontDecode(coded: string): string[] {
  if (coded === "") return [];
  let previous = "";
  return coded.split(" ").map((item) => {
    const shared = item.charCodeAt(0) - 0x30;
    if (!(shared >= 0 && shared <= 9) || shared > previous.length) throw new FormatError("bad front-coded term list");
    previous = previous.slice(0, shared) + item.slice(1);
    return previous;
  });
}
