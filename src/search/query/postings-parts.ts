/**
 * Postings parts: which postings part holds a term or the terms of a prefix, found in
 * two steps (format/index-format.ts, "Postings tables"): meta's table of postings
 * tables, then the table's bounds of its parts; the tables and parts a query needs are
 * loaded and decoded once each, per segment (index-format.ts, "Segments"). The index
 * loader asks each segment's for a term's encoded postings and joins them
 * (./segment-postings.ts).
 */
import type { PostingsRange, SegmentView } from "../format/index-format.ts";
import { decodePostingsTable } from "../format/meta.ts";
import { decodePostingsPart, type PostingsPart } from "../format/postings.ts";
import type { PartCache } from "./part-cache.ts";

/** Index of the first element of a sorted array that is >= value. */
function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the range holding `term`: the last whose first term is <= term (0 if none). */
function rangeOf(firsts: readonly string[], term: string): number {
  let lo = 0;
  let hi = firsts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (firsts[mid]! <= term) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The highest string a prefix's terms stay below. */
const prefixEnd = (prefix: string) => prefix + "\uffff";

export class PostingsParts {
  private readonly tableFirsts: string[];
  /** Decoded tables, by table number. */
  private readonly tables = new Map<number, { ranges: PostingsRange[]; firsts: string[] }>();
  /** Loaded parts, by global part number. */
  private readonly loaded = new Map<number, PostingsPart>();

  constructor(
    private readonly meta: SegmentView,
    private readonly parts: PartCache,
  ) {
    this.tableFirsts = meta.postings.tables.map((t) => t.first);
  }

  /** The global number of the part holding `term`, or undefined while its table is not loaded. */
  private partOf(term: string): number | undefined {
    if (this.tableFirsts.length === 0) return undefined;
    const j = rangeOf(this.tableFirsts, term);
    const table = this.tables.get(j);
    return table && j * this.meta.postings.perTable + rangeOf(table.firsts, term);
  }

  /** Loads and decodes table j once. */
  private async table(j: number): Promise<void> {
    if (this.tables.has(j)) return;
    const name = this.meta.postings.tables[j]!.part;
    const ranges = await this.parts.decoded(name, (payload) => decodePostingsTable(this.meta, j, payload));
    this.tables.set(j, { ranges, firsts: ranges.map((r) => r.first) });
  }

  /** The bounds of global part k (its table loaded): its range and the next part's first term. */
  private range(k: number): { part: string; first: string; next?: string | undefined } {
    const per = this.meta.postings.perTable;
    const j = Math.floor(k / per);
    const own = this.tables.get(j)!.ranges[k - j * per]!;
    const next = this.tables.get(j)!.ranges[k - j * per + 1]?.first ?? this.meta.postings.tables[j + 1]?.first;
    return { part: own.part, first: own.first, next };
  }

  /** Loads the parts of these terms (and of all terms with these prefixes), with their tables first. */
  async load(exact: readonly string[], prefixes: readonly string[]): Promise<void> {
    if (this.tableFirsts.length === 0) return;
    const tables = new Set<number>();
    for (const t of exact) tables.add(rangeOf(this.tableFirsts, t));
    for (const p of prefixes) for (let j = rangeOf(this.tableFirsts, p), to = rangeOf(this.tableFirsts, prefixEnd(p)); j <= to; j++) tables.add(j);
    await Promise.all([...tables].map((j) => this.table(j)));
    const needed = new Set<number>();
    for (const t of exact) needed.add(this.partOf(t)!);
    for (const p of prefixes) for (let k = this.partOf(p)!, to = this.partOf(prefixEnd(p))!; k <= to; k++) needed.add(k);
    await Promise.all(
      [...needed].sort((a, b) => a - b).map(async (k) => {
        if (this.loaded.has(k)) return;
        const range = this.range(k);
        this.loaded.set(k, await this.parts.decoded(range.part, (payload) => decodePostingsPart(range.part, payload, range, this.meta.build)));
      }),
    );
  }

  /** The encoded postings of a term, or undefined when it does not occur or its part is not loaded. */
  encoded(term: string): string | undefined {
    const k = this.partOf(term);
    const part = k === undefined ? undefined : this.loaded.get(k);
    if (!part) return undefined;
    const i = lowerBound(part.terms, term);
    return part.terms[i] === term ? part.postings[i] : undefined;
  }

  /** All terms starting with `prefix`, in sorted order (their parts must be loaded). */
  expand(prefix: string): string[] {
    const out: string[] = [];
    const from = this.partOf(prefix);
    const to = this.partOf(prefixEnd(prefix));
    if (from === undefined || to === undefined) return out;
    for (let k = from; k <= to; k++) {
      const part = this.loaded.get(k);
      if (!part) continue;
      for (let i = lowerBound(part.terms, prefix); i < part.terms.length && part.terms[i]!.startsWith(prefix); i++) out.push(part.terms[i]!);
    }
    return out;
  }
}
