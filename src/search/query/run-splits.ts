/**
 * Run splits: which articles hold a run of CJK characters typed without spaces
 * (`监管通关博会`, `阅兵式建军节`), and as which words. The query parser
 * (query-parser.ts) keeps every run whole; the query engine (query-engine.ts) asks this
 * module which articles hold every word of some split of the run, deciding with the
 * index alone, never with a dictionary, so the answer is the same on every platform.
 *
 * A split cuts the run into words of two characters or more. A word of one character
 * would match almost any article, so a run is never cut into one (a run of one character
 * is a one-character word, handled by the engine as before). The index rejects splits
 * before any article is looked at: where a bigram of the run occurs nowhere in the
 * archive, no word can hold it, so the run must be cut between its two characters; a
 * character cut off on both sides can be part of no word, and then no split holds.
 *
 * An article holds the run when it holds every word of some split, each word as a
 * contiguous string in one of its fields (words may stand in different fields and in
 * any order). Among the splits an article holds, the one with the fewest words is its
 * cover: one word means the whole run occurs as a phrase, and an article whose cover
 * has fewer words ranks higher (query-engine.ts). The cover is found per article by
 * dynamic programming over the run's spans, so every split is considered without
 * listing them (a run of n characters has about 1.6^n), and the work is bounded by the
 * run's length times the lengths of the spans that really occur in the article:
 * a 256-character run costs little more than a short one.
 */
import type { CompactPostings } from "./term-postings.ts";

/** A word of a cover: characters [start, end) of the run (code points). */
export type Span = [start: number, end: number];

/** Runs of fewer characters have one split only (words of two or more): themselves. */
export const MIN_SPLIT_RUN = 4;

/**
 * Longer runs are not split: they must occur as they stand. Readers type two or three
 * remembered words together, not dozens; a longer run is a pasted passage, which
 * occurs whole in its article, and the bound keeps any query's work small.
 */
export const MAX_SPLIT_RUN = 24;

/**
 * The articles holding a run, with their covers. Most hold the run whole, and a common
 * run is held by a large share of the archive, so only the cut covers are kept apart:
 * an article's whole cover is not stored, and the set of articles is the set the
 * engine goes on with.
 */
export class RunCovers {
  /** Every article holding the run, whole or cut. */
  readonly docs = new Set<number>();
  private readonly cut = new Map<number, Span[]>();
  private readonly whole: Span[];

  constructor(length: number) {
    this.whole = [[0, length]];
  }

  add(doc: number, cover: Span[]): void {
    this.docs.add(doc);
    if (cover.length > 1) this.cut.set(doc, cover);
  }

  /** The cover of an article holding the run (`[[0, length]]` when it holds it whole). */
  of(doc: number): Span[] {
    return this.cut.get(doc) ?? this.whole;
  }

  /** How many cuts an article holding the run needs (0: it holds the run whole). */
  cuts(doc: number): number {
    const cover = this.cut.get(doc);
    return cover ? cover.length - 1 : 0;
  }
}

/**
 * For each article (among `within`, when given) that holds every word of some split of
 * the run, its cover: the split with the fewest words (the earliest-cut one among ties).
 * `grams[i]` is the postings of the run's bigram at characters i, i + 1, undefined where
 * it occurs nowhere in the archive; `fieldCount` is the index's number of fields.
 * The articles are visited in increasing order, each bigram's postings with a cursor that
 * only moves forward, so the work is one pass over the postings and nothing per article
 * is allocated but a cut cover.
 */
export function runCovers(grams: ReadonlyArray<CompactPostings | undefined>, fieldCount: number, within: ReadonlySet<number> | null): RunCovers {
  const n = grams.length + 1;
  const covers = new RunCovers(n);
  if (n < 2) return covers;
  // Forced cuts: segments of the run in which every bigram occurs somewhere.
  const segments: Span[] = [];
  let start = 0;
  for (let i = 0; i < grams.length; i++) {
    if (!grams[i] || grams[i]!.size === 0) {
      segments.push([start, i + 1]);
      start = i + 1;
    }
  }
  segments.push([start, n]);
  if (segments.some(([s, e]) => e - s < 2)) return covers;

  // Every split's first word in a segment holds the segment's first bigram, its last
  // word the segment's last bigram: an article lacking one holds no split.
  const required = [...new Set(segments.flatMap(([s, e]) => [s, e - 2]))];
  let rarest = grams[required[0]!]!;
  for (const i of required) if (grams[i]!.size < rarest.size) rarest = grams[i]!;
  const view = new RunView(grams, fieldCount);
  const check = (doc: number) => {
    view.moveTo(doc);
    for (const i of required) if (!view.hasGram(i)) return;
    if (!view.cheapSplit()) return;
    const cover = view.cover();
    if (cover) covers.add(doc, cover);
  };
  if (within && within.size < rarest.size) {
    for (const doc of Int32Array.from(within).sort()) check(doc);
  } else {
    for (let k = 0; k < rarest.count; k++) {
      const doc = rarest.docs[k]!;
      if ((k === 0 || doc !== rarest.docs[k - 1]) && (!within || within.has(doc))) check(doc);
    }
  }
  return covers;
}

/**
 * One article's view of a run's bigrams: for each bigram and field, the postings entry
 * holding its positions there (−1: none), moved from article to article in increasing
 * order. Scratch arrays for the dynamic programming are kept across articles.
 */
class RunView {
  private readonly n: number;
  /** Per bigram, its cursor: the first entry of the current article or later. */
  private readonly at: Int32Array;
  /** Per (bigram, field): the entry of the current article, −1 when none. */
  private readonly entry: Int32Array;
  private readonly has: Uint8Array;
  private readonly reach: Uint8Array;
  private readonly best: Float64Array;
  private readonly from: Int32Array;

  constructor(
    private readonly grams: ReadonlyArray<CompactPostings | undefined>,
    private readonly fieldCount: number,
  ) {
    this.n = grams.length + 1;
    this.at = new Int32Array(grams.length);
    this.entry = new Int32Array(grams.length * fieldCount);
    this.has = new Uint8Array(grams.length);
    this.reach = new Uint8Array(this.n + 1);
    this.best = new Float64Array(this.n + 1);
    this.from = new Int32Array(this.n + 1);
  }

  moveTo(doc: number): void {
    const F = this.fieldCount;
    this.entry.fill(-1);
    for (let i = 0; i < this.grams.length; i++) {
      const g = this.grams[i];
      this.has[i] = 0;
      if (!g) continue;
      let k = (this.at[i] = g.seek(this.at[i]!, doc));
      for (; k < g.count && g.docs[k] === doc; k++) {
        this.entry[i * F + g.fields[k]!] = k;
        this.has[i] = 1;
      }
    }
  }

  hasGram(i: number): boolean {
    return this.has[i] === 1;
  }

  /**
   * A necessary condition, from which bigrams the article has (no positions): the run can
   * be cut into words of two or three characters whose bigrams all occur in the article.
   */
  cheapSplit(): boolean {
    const { n, has, reach } = this;
    reach.fill(0);
    reach[0] = 1;
    for (let j = 2; j <= n; j++) {
      reach[j] = (reach[j - 2]! && has[j - 2]!) || (j >= 3 && reach[j - 3]! && has[j - 3]! && has[j - 2]!) ? 1 : 0;
    }
    return reach[n] === 1;
  }

  /**
   * The largest j such that [i, j) occurs in the article (0 when no span from i does):
   * every shorter span from i occurs too, inside it.
   */
  private lastEnd(i: number): number {
    const { n, grams, entry, fieldCount: F } = this;
    let last = 0;
    for (let f = 0; f < F && last < n; f++) {
      const k = entry[i * F + f]!;
      if (k < 0) continue;
      const g = grams[i]!;
      // The span [i, j) occurs at anchor a when bigram t stands at a + t − i for i ≤ t < j − 1.
      let a = -1;
      for (let p = g.start[k]!, end = p + g.tf[k]!; p < end; p++) {
        a += g.ints[p]! + 1;
        let t = i + 1;
        while (t + 1 < n) {
          const next = entry[t * F + f]!;
          if (next < 0 || !grams[t]!.hasPosition(next, a + t - i)) break;
          t++;
        }
        if (t + 1 > last) last = t + 1;
        if (last === n) break;
      }
    }
    return last;
  }

  /** The article's cover (fewest words, each a contiguous string in one field), or null. */
  cover(): Span[] | null {
    const { n, best, from } = this;
    // Fewest words reaching each character, from the characters already reached only; a
    // tie keeps the split found first.
    best.fill(Infinity);
    from.fill(-1);
    best[0] = 0;
    for (let i = 0; i + 1 < n; i++) {
      // A split through i has more words than the one reaching the end already (the run
      // whole, most often): it can change neither that split nor any word on its way.
      if (best[i] === Infinity || best[i]! + 1 >= best[n]!) continue;
      for (let j = i + 2, last = this.lastEnd(i); j <= last; j++) {
        if (best[i]! + 1 < best[j]!) {
          best[j] = best[i]! + 1;
          from[j] = i;
        }
      }
    }
    if (best[n] === Infinity) return null;
    const cover: Span[] = [];
    for (let j = n; j > 0; j = from[j]!) cover.unshift([from[j]!, j]);
    return cover;
  }
}

/** A run longer than this is not split for partial matches: it stays one word. */
export const MAX_PARTIAL_RUN = MAX_SPLIT_RUN;
/** The longest word a split for partial matches considers. */
const MAX_PARTIAL_WORD = 8;

/**
 * The one split of a run that partial matches name words by (partial-matches.ts), for a
 * query no article holds whole: the split whose words occurring somewhere in the
 * archive cover most of the run, then with the fewest words, then with the most
 * articles behind its words. `articlesWith(start, end)` counts the articles holding
 * characters [start, end) of the run. Characters no such word covers form words of
 * their own, which occur nowhere. A run too long for this stays whole.
 */
export function partialSplit(length: number, articlesWith: (start: number, end: number) => number): Array<{ span: Span; found: boolean }> {
  if (length < MIN_SPLIT_RUN || length > MAX_PARTIAL_RUN) return [{ span: [0, length], found: articlesWith(0, length) > 0 }];
  // State per position and whether the split there ends inside a gap (characters no word covers).
  interface Best {
    covered: number;
    words: number;
    weight: number;
    from: number;
    fromGap: boolean;
    found: boolean;
  }
  const better = (a: Best, b: Best | undefined) => !b || a.covered > b.covered || (a.covered === b.covered && (a.words < b.words || (a.words === b.words && a.weight > b.weight)));
  const best: Array<[Best | undefined, Best | undefined]> = Array.from({ length: length + 1 }, () => [undefined, undefined]);
  best[0]![0] = { covered: 0, words: 0, weight: 0, from: -1, fromGap: false, found: false };
  for (let i = 0; i < length; i++) {
    for (const gap of [false, true]) {
      const at = best[i]![gap ? 1 : 0];
      if (!at) continue;
      // One more uncovered character: a new gap word unless already in one.
      const g: Best = { covered: at.covered, words: at.words + (gap ? 0 : 1), weight: at.weight, from: i, fromGap: gap, found: false };
      if (better(g, best[i + 1]![1])) best[i + 1]![1] = g;
      for (let j = i + 2; j <= Math.min(length, i + MAX_PARTIAL_WORD); j++) {
        const count = articlesWith(i, j);
        if (count === 0) break; // a longer span holding this one occurs nowhere either
        const w: Best = { covered: at.covered + j - i, words: at.words + 1, weight: at.weight + Math.log(count), from: i, fromGap: gap, found: true };
        if (better(w, best[j]![0])) best[j]![0] = w;
      }
    }
  }
  const [endWord, endGap] = best[length]!;
  let state = endGap && better(endGap, endWord) ? { b: endGap, gap: true } : { b: endWord!, gap: false };
  const out: Array<{ span: Span; found: boolean }> = [];
  let j = length;
  while (j > 0) {
    const { b, gap } = state;
    if (gap) {
      // Extend the gap word leftwards.
      const last = out[0];
      if (last && !last.found && last.span[0] === j) last.span[0] = b.from;
      else out.unshift({ span: [b.from, j], found: false });
    } else {
      out.unshift({ span: [b.from, j], found: true });
    }
    j = b.from;
    state = { b: best[j]![b.fromGap ? 1 : 0]!, gap: b.fromGap };
  }
  return out;
}
