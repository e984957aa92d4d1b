/**
 * Pattern: what "this text occurs here as a contiguous string" means in terms of the
 * analyzer's tokens (analyzer.ts), and the check itself.
 *
 * A query text is analyzed like an article; its tokens become pattern elements at
 * offsets relative to the first one:
 * - a word or a bigram must be that exact term at that offset;
 * - a single CJK character X must be a term starting with X (X itself where a run ends,
 *   XY where it goes on): a prefix element;
 * - the tail of a run of two or more is left out: the document's run may go on past the
 *   end of the query's (驿站 inside 驿站运营), so that offset is unconstrained.
 * An article contains the text where every element matches at anchor + offset in one
 * field. The query engine checks patterns against positions from the index postings,
 * snippets.ts against the tokens of the text it shows, so both agree on what matched.
 */
import type { Token } from "./analyzer.ts";

export interface PatternElement {
  term: string;
  /** True: any term starting with `term` (a lone CJK character) matches. */
  prefix: boolean;
  /** Position relative to the pattern's first element. */
  offset: number;
}

export interface Pattern {
  elements: PatternElement[];
  /** Offset of the last position the pattern covers (for highlighting: tails count). */
  span: number;
}

/** The pattern for a query text's tokens, or null when they constrain nothing. */
export function patternOf(tokens: readonly Token[]): Pattern | null {
  const elements: PatternElement[] = [];
  let base: number | undefined;
  let last = 0;
  for (const t of tokens) {
    base ??= t.position;
    last = t.position - base;
    if (t.kind === "tail") continue;
    elements.push({ term: t.term, prefix: t.kind === "single", offset: t.position - base });
  }
  return elements.length === 0 ? null : { elements, span: last };
}

/** Does a term (as found in an article) satisfy an element? */
export function elementAccepts(element: PatternElement, term: string): boolean {
  return element.prefix ? term.startsWith(element.term) : term === element.term;
}

/** A stable key for an element: the same key means the same set of matching terms. */
export function elementKey(element: PatternElement): string {
  return element.prefix ? element.term + "*" : element.term;
}

/**
 * Anchors (positions of the first element) at which the pattern matches, given for each
 * element the sorted positions where an accepted term occurs in one field. Starts from
 * the element with the fewest positions and checks the others by binary search.
 */
export function matchAnchors(pattern: Pattern, positionsOf: (element: PatternElement) => readonly number[]): number[] {
  const lists = pattern.elements.map((e) => positionsOf(e));
  let pivot = 0;
  for (let k = 1; k < lists.length; k++) if (lists[k]!.length < lists[pivot]!.length) pivot = k;
  const anchors: number[] = [];
  const pivotOffset = pattern.elements[pivot]!.offset;
  outer: for (const p of lists[pivot]!) {
    const anchor = p - pivotOffset;
    for (let k = 0; k < lists.length; k++) {
      if (k === pivot) continue;
      if (!sortedHas(lists[k]!, anchor + pattern.elements[k]!.offset)) continue outer;
    }
    anchors.push(anchor);
  }
  return anchors;
}

/** True when the pattern matches at least once (stops at the first match). */
export function matchesSomewhere(pattern: Pattern, positionsOf: (element: PatternElement) => readonly number[]): boolean {
  const lists = pattern.elements.map((e) => positionsOf(e));
  let pivot = 0;
  for (let k = 1; k < lists.length; k++) if (lists[k]!.length < lists[pivot]!.length) pivot = k;
  const pivotOffset = pattern.elements[pivot]!.offset;
  outer: for (const p of lists[pivot]!) {
    const anchor = p - pivotOffset;
    for (let k = 0; k < lists.length; k++) {
      if (k !== pivot && !sortedHas(lists[k]!, anchor + pattern.elements[k]!.offset)) continue outer;
    }
    return true;
  }
  return false;
}

/** Binary search in an ascending list of positions. */
export function sortedHas(list: readonly number[], value: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
