/**
 * Partial matches: what a query shows when no article holds every word. The query
 * engine (query-engine.ts) names the query's words (each CJK run cut by
 * run-splits.ts's partialSplit, which says which of its words occur nowhere) and the
 * articles holding each; this module lists the articles holding at least half of the
 * query's characters, each with the words it lacks, best first. They are never mixed
 * with full matches: a response has one or the other. A query none of whose words
 * occurs anywhere has no partial matches either.
 */

export interface PartialWord {
  /** The word, normalized. */
  text: string;
  /** The articles holding it (empty: it occurs nowhere). */
  docs: ReadonlySet<number>;
}

export interface PartialHit {
  doc: number;
  /** The query's words this article holds, in query order. */
  holds: string[];
  /** The query's words it lacks, in query order. */
  lacks: string[];
}

/** Characters, as a reader counts them. */
const length = (text: string) => [...text].length;

/**
 * Articles (passing `test`) holding at least half of the words' characters, ranked by
 * the characters held, then the words held, then date (newest first: `dates` per
 * article, YYYY[-MM[-DD]] or null), at most `limit`. Null when there are none.
 */
export function partialMatches(
  words: readonly PartialWord[],
  test: ((doc: number) => boolean) | null,
  dates: readonly (string | null)[],
  limit: number,
): PartialHit[] | null {
  if (words.length < 2) return null;
  const total = words.reduce((sum, w) => sum + length(w.text), 0);
  const held = new Map<number, number>();
  for (const w of words) for (const doc of w.docs) held.set(doc, (held.get(doc) ?? 0) + length(w.text));
  const ranked: Array<{ doc: number; chars: number; count: number }> = [];
  for (const [doc, chars] of held) {
    if (chars * 2 < total || chars === total || (test && !test(doc))) continue;
    ranked.push({ doc, chars, count: words.filter((w) => w.docs.has(doc)).length });
  }
  if (ranked.length === 0) return null;
  ranked.sort((a, b) => b.chars - a.chars || b.count - a.count || compareNewest(dates[a.doc], dates[b.doc]) || a.doc - b.doc);
  return ranked.slice(0, limit).map(({ doc }) => ({
    doc,
    holds: words.filter((w) => w.docs.has(doc)).map((w) => w.text),
    lacks: words.filter((w) => !w.docs.has(doc)).map((w) => w.text),
  }));
}

/** Negative when `a` is the newer date, positive when `b` is; undated articles last. */
export function compareNewest(a: string | null | undefined, b: string | null | undefined): number {
  if (a === b) return 0;
  if (a == null) return 1;
  if (b == null) return -1;
  return a < b ? 1 : -1;
}
