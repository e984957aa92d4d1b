/**
 * Neighbourhood: which fragments of a page are compared with each other. A
 * printed page holds a few dozen fragments, and text printed out of order
 * stays on its page, so a fragment is compared only with those standing within
 * `reach` fragments of it in reading order. On a page of up to `reach` + 1
 * fragments that is every fragment, as if there were no limit; on a longer
 * input (many pages run together) it keeps the work of placement, subject
 * splits and kicker checks proportional to the input instead of to its square.
 * The steps (subject-split.ts, placement.ts, kickers.ts) use it.
 */

/** How far apart, in fragments, two fragments may stand and still be compared (the README states it). */
export const REACH = 60;

/** Something with a place in reading order: a fragment's `pos`. */
export interface Placed {
  pos: number;
}

/** The items of `sorted` (ordered by `pos`) whose `pos` is within `reach` of `pos`, in that order. */
export function within<T extends Placed>(sorted: readonly T[], pos: number, reach: number): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.pos < pos - reach) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.pos <= pos + reach; i++) out.push(sorted[i]!);
  return out;
}

/** `items` ordered by `pos`; items of equal `pos` keep their order. */
export const byPos = <T extends Placed>(items: readonly T[]): T[] => [...items].sort((x, y) => x.pos - y.pos);
