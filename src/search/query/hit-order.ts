/**
 * Hit order: the ranking's sort (query-engine.ts). Hits go by tier (higher first), then
 * cuts (fewer first), then Lunr's score (higher first), then date (newest first, unknown
 * last), then archive order. A common word at archive scale has tens of thousands of
 * hits, and a comparator sort of them cost more than finding and scoring them (about
 * 30 ns a comparison); so, past a few thousand hits, each hit's place in that order is
 * packed into one integer below 2^53 and the keys are sorted as a Float64Array, by the
 * engine's native numeric sort. The two ways give the same order
 * (test/search/hit-order.test.ts).
 */
import { compareNewest } from "./partial-matches.ts";

export interface RankedHit {
  doc: number;
  tier: number;
  cut?: number;
  lunrScore: number;
}

/** Below this many hits the comparator is quick enough and needs no per-archive table. */
const KEYED_FROM = 2048;
/** Tiers are 0..2, cuts below 256 (a query is at most 256 characters). */
const TIER_SLOTS = 3;
const CUT_SLOTS = 256;

/** The order of the archive's articles by date (newest first, unknown last), then number. */
export class NewestOrder {
  private ranks: Int32Array | undefined;
  private docAt: Int32Array | undefined;
  /** Scratch: a hit's index by its article (only the current hits' entries mean anything). */
  private indexOf: Int32Array | undefined;

  constructor(private readonly dates: ReadonlyArray<string | null>) {}

  /** Per article, its place in the order (made on first use: one sort of the archive). */
  private rankOf(): { rank: Int32Array; docAt: Int32Array; indexOf: Int32Array } {
    if (!this.ranks || !this.docAt || !this.indexOf) {
      const n = this.dates.length;
      const distinct = [...new Set(this.dates)].sort(compareNewest);
      const dateIndex = new Map(distinct.map((d, i) => [d, i]));
      const keys = new Float64Array(n);
      for (let doc = 0; doc < n; doc++) keys[doc] = dateIndex.get(this.dates[doc]!)! * n + doc;
      keys.sort();
      this.ranks = new Int32Array(n);
      this.docAt = new Int32Array(n);
      this.indexOf = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const doc = keys[i]! % n;
        this.docAt[i] = doc;
        this.ranks[doc] = i;
      }
    }
    return { rank: this.ranks, docAt: this.docAt, indexOf: this.indexOf };
  }

  /** Negative when `a` ranks before `b`; never 0 for two articles. */
  readonly compare = (a: RankedHit, b: RankedHit): number =>
    b.tier - a.tier || (a.cut ?? 0) - (b.cut ?? 0) || b.lunrScore - a.lunrScore || compareNewest(this.dates[a.doc], this.dates[b.doc]) || a.doc - b.doc;

  /**
   * The hits with the first `k` in rank order and the others after them in the order
   * given (a new array): what a page of results needs, without ordering the tens of
   * thousands of hits no page shows. A heap of the best k seen: one comparison for
   * most hits.
   */
  top<H extends RankedHit>(hits: readonly H[], k: number): H[] {
    const n = hits.length;
    if (k >= n) return this.sort(hits);
    if (k <= 0) return [...hits];
    const compare = this.compare;
    // heap[0] is the worst of the best k so far.
    const heap: H[] = [];
    const down = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let worst = i;
        if (l < heap.length && compare(heap[l]!, heap[worst]!) > 0) worst = l;
        if (r < heap.length && compare(heap[r]!, heap[worst]!) > 0) worst = r;
        if (worst === i) return;
        [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
        i = worst;
      }
    };
    for (const h of hits) {
      if (heap.length < k) {
        heap.push(h);
        for (let i = heap.length - 1; i > 0; ) {
          const parent = (i - 1) >> 1;
          if (compare(heap[i]!, heap[parent]!) <= 0) break;
          [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
          i = parent;
        }
      } else if (compare(h, heap[0]!) < 0) {
        heap[0] = h;
        down(0);
      }
    }
    const best = heap.sort(compare);
    const chosen = new Set<H>(best);
    for (const h of hits) if (!chosen.has(h)) best.push(h);
    return best;
  }

  /** The hits in rank order (a new array; the hits are not changed). */
  sort<H extends RankedHit>(hits: readonly H[], options: { keyed?: boolean } = {}): H[] {
    const n = hits.length;
    const archive = this.dates.length;
    const keyed = options.keyed ?? n >= KEYED_FROM;
    // Bits needed: tier and cut slots, the score's rank among the hits, the article's rank.
    if (!keyed || TIER_SLOTS * CUT_SLOTS * Math.max(n, 1) * Math.max(archive, 1) > Number.MAX_SAFE_INTEGER || hits.some((h) => (h.cut ?? 0) >= CUT_SLOTS)) {
      return [...hits].sort(this.compare);
    }
    const { rank, docAt, indexOf } = this.rankOf();
    // A score's rank among the hits' scores, highest first; equal scores share one.
    const scores = new Float64Array(n);
    for (let i = 0; i < n; i++) scores[i] = hits[i]!.lunrScore;
    scores.sort();
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const h = hits[i]!;
      const v = h.lunrScore;
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (scores[mid]! <= v) lo = mid + 1;
        else hi = mid;
      }
      // n − lo: how many scores are higher.
      keys[i] = (((2 - h.tier) * CUT_SLOTS + (h.cut ?? 0)) * n + (n - lo)) * archive + rank[h.doc]!;
      indexOf[h.doc] = i;
    }
    keys.sort();
    const out = new Array<H>(n);
    for (let i = 0; i < n; i++) out[i] = hits[indexOf[docAt[keys[i]! % archive]!]!]!;
    return out;
  }
}
