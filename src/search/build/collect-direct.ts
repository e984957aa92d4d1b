/**
 * Collect direct: the index builder every build uses. The analyzer's tokens go straight
 * into typed arrays, the integers of each term already in the order and delta form the
 * format stores (format/postings.ts: entryHead, positionGap), instead of lunr.Builder's
 * object per (term, field, article) and term-frequency map per (field, article), which
 * at archive scale is most of its time (garbage collection) and memory. The files are
 * those of the reference builder (collect-lunr.ts), byte for byte.
 */
import { analyzeSegments } from "../analysis/analyzer.ts";
import { FIELDS, fieldSegments } from "../analysis/fields.ts";
import type { SearchDocument } from "../format/documents.ts";
import { encodePostingsInts, entryHead, positionGap } from "../format/postings.ts";
import { compareCodeUnits, type Collected } from "./collected.ts";

/** A growable Int32Array: doubling leaves a few large garbage buffers, not one per term. */
class IntBuffer {
  data = new Int32Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

/** Pass 1's result: every token as (term number, position), grouped by (article, field). */
interface Tokens {
  /** Terms by number, in order of first appearance. */
  termList: string[];
  termIds: Int32Array<ArrayBufferLike>;
  positions: Int32Array<ArrayBufferLike>;
  /** Token range of (article, field) k = n·F + f: [fieldStart[k], fieldStart[k + 1]). */
  fieldStart: Int32Array;
  /** Per term number, the count of integers its postings take. */
  sizes: Int32Array;
  /** Per article, the token count of each field. */
  fieldLengths: number[][];
}

/** Doubles a typed array's length, keeping its values. */
function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Pass 1: analyzes the articles one by one, keeping each token as (term number,
 * position) and counting each term's postings size: per (article, field) in which it
 * occurs three integers (the entry's head, count − 1 and the field's length), plus one
 * per occurrence.
 */
function tokenize(documents: readonly SearchDocument[]): Tokens {
  const F = FIELDS.length;
  const ids = new Map<string, number>();
  const termList: string[] = [];
  const tokenTerms = new IntBuffer();
  const tokenPositions = new IntBuffer();
  const fieldStart = new Int32Array(documents.length * F + 1);
  let sizes: Int32Array = new Int32Array(1 << 12);
  let lastKey: Int32Array = new Int32Array(1 << 12);
  const fieldLengths: number[][] = [];
  documents.forEach((doc, n) => {
    const segments = fieldSegments(doc);
    const lengths: number[] = [];
    for (let f = 0; f < F; f++) {
      const key = n * F + f + 1; // 0 in lastKey means "not seen yet"
      const tokens = analyzeSegments(segments[f]!);
      lengths.push(tokens.length);
      for (const t of tokens) {
        let id = ids.get(t.term);
        if (id === undefined) {
          id = termList.length;
          ids.set(t.term, id);
          termList.push(t.term);
          if (id === sizes.length) {
            sizes = grown(sizes);
            lastKey = grown(lastKey);
          }
        }
        let size = sizes[id]! + 1;
        if (lastKey[id] !== key) {
          lastKey[id] = key;
          size += 3;
        }
        sizes[id] = size;
        tokenTerms.push(id);
        tokenPositions.push(t.position);
      }
      fieldStart[n * F + f + 1] = tokenTerms.length;
    }
    fieldLengths.push(lengths);
  });
  return { termList, termIds: tokenTerms.data, positions: tokenPositions.data, fieldStart, sizes, fieldLengths };
}

/**
 * Pass 2: gives every term its range of one Int32Array (the arena) and writes the tokens
 * of each (article, field) there in order, so each term's integers come out sorted by
 * article, then field, already in the format's layout. Term t's integers are
 * arena[offset[t], offset[t + 1]).
 */
function layOut(tokens: Tokens, documentCount: number): { arena: Int32Array; offset: Float64Array; lastDoc: Int32Array } {
  const F = FIELDS.length;
  const { termIds, positions, fieldStart, sizes } = tokens;
  const termCount = tokens.termList.length;
  const offset = new Float64Array(termCount + 1);
  for (let id = 0; id < termCount; id++) offset[id + 1] = offset[id]! + sizes[id]!;
  const arena = new Int32Array(offset[termCount]!);
  const cursor = Float64Array.from(offset.subarray(0, termCount));
  const lastDoc = new Int32Array(termCount);
  const count = new Int32Array(termCount);
  const previous = new Int32Array(termCount);
  for (let n = 0; n < documentCount; n++) {
    for (let f = 0; f < F; f++) {
      const from = fieldStart[n * F + f]!;
      const to = fieldStart[n * F + f + 1]!;
      for (let i = from; i < to; i++) count[termIds[i]!] = count[termIds[i]!]! + 1;
      for (let i = from; i < to; i++) {
        const id = termIds[i]!;
        const c = count[id]!;
        if (c > 0) {
          // First occurrence in this field: the entry's head.
          let at = cursor[id]!;
          arena[at++] = entryHead(n - lastDoc[id]!, f, F);
          arena[at++] = c - 1;
          arena[at++] = to - from; // the field's length
          cursor[id] = at;
          lastDoc[id] = n;
          count[id] = -c; // marks the head as written
          previous[id] = -1;
        }
        const p = positions[i]!;
        const at = cursor[id]!;
        arena[at] = positionGap(p, previous[id]!);
        cursor[id] = at + 1;
        previous[id] = p;
      }
      for (let i = from; i < to; i++) count[termIds[i]!] = 0;
    }
  }
  return { arena, offset, lastDoc };
}

/**
 * The direct builder: two passes over typed arrays, so that memory stays a few bytes per
 * token whatever the archive's size (no object or array per term or per posting).
 */
export function collectDirect(documents: readonly SearchDocument[]): Collected & { lastDoc: (i: number) => number } {
  const tokens = tokenize(documents);
  const { arena, offset, lastDoc } = layOut(tokens, documents.length);
  const { termList } = tokens;
  const order = termList.map((_, id) => id).sort((a, b) => compareCodeUnits(termList[a]!, termList[b]!));
  return {
    terms: order.map((id) => termList[id]!),
    postings: (i) => encodePostingsInts(arena, offset[order[i]!]!, offset[order[i]! + 1]!),
    fieldLengths: tokens.fieldLengths,
    // The streaming builder (stream-index.ts) joins runs of articles with it (format/postings.ts, shiftPostings).
    lastDoc: (i) => lastDoc[order[i]!]!,
  };
}
