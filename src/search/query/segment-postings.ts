/**
 * Segment postings: the terms of an index of several segments (format/index-format.ts,
 * "Segments") as if it were one. Each segment has its own postings parts and tables
 * (./postings-parts.ts); a term's postings are the segments' joined in archive order,
 * each segment's articles numbered on from the one before's (format/postings.ts,
 * `joinPostings`), so the query side sees the numbering a whole build gives.
 */
import type { MetaPayload } from "../format/index-format.ts";
import { joinPostings } from "../format/postings.ts";
import type { PartCache } from "./part-cache.ts";
import { PostingsParts } from "./postings-parts.ts";

export class SegmentPostings {
  private readonly segments: Array<{ offset: number; parts: PostingsParts }>;

  constructor(
    meta: MetaPayload,
    parts: PartCache,
    private readonly fieldCount: number,
  ) {
    this.segments = meta.segments.map((s) => ({ offset: s.offset, parts: new PostingsParts(s, parts) }));
  }

  /** Loads the parts of these terms (and of all terms with these prefixes) in every segment. */
  async load(exact: readonly string[], prefixes: readonly string[]): Promise<void> {
    await Promise.all(this.segments.map((s) => s.parts.load(exact, prefixes)));
  }

  /** Whether a term occurs in any segment (its parts loaded): without joining its postings. */
  has(term: string): boolean {
    return this.segments.some((s) => s.parts.encoded(term) !== undefined);
  }

  /** The encoded postings of a term over all segments, or undefined when it occurs in none (or its parts are not loaded). */
  encoded(term: string): string | undefined {
    if (this.segments.length === 1) return this.segments[0]!.parts.encoded(term);
    const pieces: Array<{ encoded: string; offset: number }> = [];
    for (const s of this.segments) {
      const encoded = s.parts.encoded(term);
      if (encoded !== undefined) pieces.push({ encoded, offset: s.offset });
    }
    return pieces.length === 0 ? undefined : joinPostings(pieces, this.fieldCount);
  }

  /** All terms starting with `prefix` in any segment, sorted, each once. */
  expand(prefix: string): string[] {
    if (this.segments.length === 1) return this.segments[0]!.parts.expand(prefix);
    const all = new Set<string>();
    for (const s of this.segments) for (const t of s.parts.expand(prefix)) all.add(t);
    return [...all].sort(); // by UTF-16 code units, the postings' order
  }
}
