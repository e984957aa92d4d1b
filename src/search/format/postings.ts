/**
 * Postings: the encoding of a term's postings and of a postings part (index-format.ts,
 * "Postings"), both ways. The index writer (build/) encodes with it and the loader
 * (query/) decodes with it; nothing else knows the layout.
 *
 * A term's postings are one codec string (codec.ts) of, for each (article, field) in
 * which the term occurs, ordered by article then field:
 *
 *     docDelta·F + field,  count − 1,  length,  p0,  p1 − p0 − 1,  …
 *
 * (length: the field's token count in the article, which BM25 normalizes with).
 * `entryHead` and `positionGap` are those integers; the direct writer lays them out in
 * its own arena (build/collect-direct.ts) and encodes the arena's ranges with
 * `encodePostingsInts`, the reference writer encodes entries with `encodeTermPostings`.
 */
import { decodeFirstInt, decodeInts, encodeInt, encodeIntRange } from "./codec.ts";
import { frontCode, frontDecode } from "./front-coding.ts";
import { FormatError, checkBuild, type PostingsPayload } from "./index-format.ts";

/** One (article, field) in which a term occurs, with the term's positions there. */
export interface TermEntry {
  doc: number;
  field: number;
  /** The field's length (token count) in the article. */
  length: number;
  positions: number[];
}

/** The first integer of an entry: the article's distance from the previous entry's, and the field. */
export const entryHead = (docDelta: number, field: number, fieldCount: number): number => docDelta * fieldCount + field;

/** The integer stored for a position after the previous one (-1 before the first). */
export const positionGap = (position: number, previous: number): number => position - previous - 1;

/** Encodes a term's entries, ordered by article then field. */
export function encodeTermPostings(entries: readonly TermEntry[], fieldCount: number): string {
  const out: string[] = [];
  let prevDoc = 0;
  for (const { doc, field, length, positions } of entries) {
    encodeInt(entryHead(doc - prevDoc, field, fieldCount), out);
    prevDoc = doc;
    encodeInt(positions.length - 1, out);
    encodeInt(length, out);
    let prev = -1;
    for (const p of positions) {
      encodeInt(positionGap(p, prev), out);
      prev = p;
    }
  }
  return out.join("");
}

/** Encodes integers already laid out as above, values[start, end) (the direct writer's arena). */
export function encodePostingsInts(values: ArrayLike<number>, start: number, end: number): string {
  return encodeIntRange(values, start, end);
}

/**
 * A term's postings with every article number moved by `docShift`: only the first
 * entry's head changes, since the others are distances from the entry before. Used to
 * join postings encoded apart (build/: runs of consecutive articles, each numbered from
 * its own start): `docShift` is the run's first article number minus the last article
 * number of the term's postings before it (0 if none).
 */
export function shiftPostings(encoded: string, docShift: number, fieldCount: number): string {
  if (docShift === 0 || encoded === "") return encoded;
  const { value, length } = decodeFirstInt(encoded);
  const out: string[] = [];
  encodeInt(value + docShift * fieldCount, out);
  return out.join("") + encoded.slice(length);
}

/** The number of the last article in a term's postings (-1 when empty); throws FormatError when truncated. */
export function lastPostingsDoc(encoded: string, fieldCount: number): number {
  const ints = decodeInts(encoded);
  let doc = 0;
  let last = -1;
  for (let i = 0; i < ints.length; ) {
    const head = ints[i]!;
    const count = ints[i + 1];
    if (count === undefined || i + 3 + count + 1 > ints.length) throw new FormatError("truncated postings");
    doc += Math.floor(head / fieldCount);
    last = doc;
    i += 3 + count + 1;
  }
  return last;
}

/**
 * One term's postings over several segments (index-format.ts, "Segments") as one
 * string: each segment's postings, in archive order, with its article numbers moved
 * by the segment's `offset` (shiftPostings).
 */
export function joinPostings(pieces: ReadonlyArray<{ encoded: string; offset: number }>, fieldCount: number): string {
  let out = "";
  let last = 0;
  pieces.forEach(({ encoded, offset }, i) => {
    out += shiftPostings(encoded, offset - last, fieldCount);
    if (i + 1 < pieces.length) last = offset + lastPostingsDoc(encoded, fieldCount);
  });
  return out;
}

/**
 * A term's postings decoded into flat arrays (no object per entry): entry k is field
 * `fields[k]` of article `docs[k]` (articles increasing), of length `lengths[k]`, where
 * the term occurs `tf[k]` times, its position gaps starting at `ints[start[k]]`.
 */
export interface DecodedPostings {
  count: number;
  docs: Int32Array;
  fields: Uint8Array;
  lengths: Int32Array;
  tf: Int32Array;
  start: Int32Array;
  ints: number[];
}

/** Decodes one term's postings string; throws FormatError when it is truncated. */
export function decodeTermPostings(text: string, fieldCount: number): DecodedPostings {
  const ints = decodeInts(text);
  // Entries number at most a quarter of the integers (head, count, length, a position each).
  const max = Math.ceil(ints.length / 4);
  const docs = new Int32Array(max);
  const fields = new Uint8Array(max);
  const lengths = new Int32Array(max);
  const tf = new Int32Array(max);
  const start = new Int32Array(max);
  let n = 0;
  let doc = 0;
  for (let i = 0; i < ints.length; n++) {
    const head = ints[i++]!;
    doc += Math.floor(head / fieldCount);
    const count = ints[i++];
    const length = ints[i++];
    if (count === undefined || length === undefined || i + count + 1 > ints.length) throw new FormatError("truncated postings");
    docs[n] = doc;
    fields[n] = head % fieldCount;
    lengths[n] = length;
    tf[n] = count + 1;
    start[n] = i;
    i += count + 1;
  }
  return { count: n, docs: docs.subarray(0, n), fields: fields.subarray(0, n), lengths: lengths.subarray(0, n), tf: tf.subarray(0, n), start: start.subarray(0, n), ints };
}

/** The positions of entry k, increasing. */
export function entryPositions(d: DecodedPostings, k: number): number[] {
  const out = new Array<number>(d.tf[k]!);
  let p = -1;
  for (let i = 0, at = d.start[k]!; i < out.length; i++) out[i] = p = p + d.ints[at + i]! + 1;
  return out;
}

/** Decodes one term's postings string into entries (for tests and tools). */
export function decodePostings(text: string, fieldCount: number): TermEntry[] {
  const d = decodeTermPostings(text, fieldCount);
  return Array.from({ length: d.count }, (_, k) => ({ doc: d.docs[k]!, field: d.fields[k]!, length: d.lengths[k]!, positions: entryPositions(d, k) }));
}

/** A postings part: sorted terms and their encoded postings, in the same order. */
export interface PostingsPart {
  terms: string[];
  postings: string[];
}

/** The payload of a postings part of build `build`. */
export function encodePostingsPart(part: PostingsPart, build: string): PostingsPayload {
  return { build, terms: frontCode(part.terms), postings: part.postings.join(" ") };
}

/**
 * The terms and postings strings of a postings part's payload, checked against the
 * part's range in meta (its terms t with first ≤ t < next), of the build meta names.
 * Throws FormatError naming the part when the payload is malformed, BuildMismatchError
 * when it is of another build.
 */
export function decodePostingsPart(name: string, payload: unknown, range: { first: string; next?: string | undefined }, build: string): PostingsPart {
  const p = payload as Partial<PostingsPayload> | null;
  if (typeof p !== "object" || p === null) throw new FormatError(`${name}: malformed`);
  checkBuild(name, p, build);
  if (typeof p.terms !== "string" || typeof p.postings !== "string") throw new FormatError(`${name}: malformed`);
  const terms = frontDecode(p.terms);
  const postings = terms.length === 0 ? [] : p.postings.split(" ");
  if (terms.length !== postings.length) throw new FormatError(`${name}: term count mismatch`);
  for (let i = 1; i < terms.length; i++) if (!(terms[i - 1]! < terms[i]!)) throw new FormatError(`${name}: terms out of order`);
  if (terms.length > 0 && (terms[0]! < range.first || (range.next !== undefined && terms[terms.length - 1]! >= range.next))) {
    throw new FormatError(`${name}: terms outside the part's range`);
  }
  return { terms, postings };
}
