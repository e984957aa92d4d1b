/**
 * Postings parts: the table of an index's postings parts (meta's `postings`), which part
 * holds a term or the terms of a prefix, and those parts loaded and decoded
 * (format/postings.ts) once each. The index loader asks it for a term's encoded postings.
 */
import type { PostingsRange } from "../format/index-format.ts";
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

export class PostingsParts {
  private readonly firsts: string[];
  private readonly loaded = new Map<number, PostingsPart>();

  constructor(
    private readonly ranges: readonly PostingsRange[],
    private readonly parts: PartCache,
    /** The index's build (meta's): a part of another is refused (format/index-format.ts, "Builds"). */
    private readonly build: string,
  ) {
    this.firsts = ranges.map((r) => r.first);
  }

  /** Index of the part whose range holds `term`: the last part whose first term is <= term. */
  private indexOf(term: string): number {
    let lo = 0;
    let hi = this.firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.firsts[mid]! <= term) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The parts needed for these exact terms and prefixes, in order. */
  private needed(exact: readonly string[], prefixes: readonly string[]): number[] {
    const needed = new Set<number>();
    for (const t of exact) needed.add(this.indexOf(t));
    for (const p of prefixes) {
      const to = this.indexOf(p + "\uffff");
      for (let k = this.indexOf(p); k <= to; k++) needed.add(k);
    }
    return [...needed].sort((a, b) => a - b);
  }

  /** Loads the parts of these terms (and of all terms with these prefixes). */
  async load(exact: readonly string[], prefixes: readonly string[]): Promise<void> {
    await Promise.all(
      this.needed(exact, prefixes).map(async (k) => {
        const range = this.ranges[k]!;
        const bounds = { first: range.first, next: this.ranges[k + 1]?.first };
        this.loaded.set(k, await this.parts.decoded(range.part, (payload) => decodePostingsPart(range.part, payload, bounds, this.build)));
      }),
    );
  }

  /** The encoded postings of a term, or undefined when it does not occur or its part is not loaded. */
  encoded(term: string): string | undefined {
    const part = this.loaded.get(this.indexOf(term));
    if (!part) return undefined;
    const i = lowerBound(part.terms, term);
    return part.terms[i] === term ? part.postings[i] : undefined;
  }

  /** All terms starting with `prefix`, in sorted order (their parts must be loaded). */
  expand(prefix: string): string[] {
    const out: string[] = [];
    const to = this.indexOf(prefix + "\uffff");
    for (let k = this.indexOf(prefix); k <= to; k++) {
      const part = this.loaded.get(k);
      if (!part) continue;
      for (let i = lowerBound(part.terms, prefix); i < part.terms.length && part.terms[i]!.startsWith(prefix); i++) out.push(part.terms[i]!);
    }
    return out;
  }
}
