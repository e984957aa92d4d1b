/**
 * Codec: writes lists of non-negative integers as short printable strings, the way the
 * index format (index-format.ts) stores postings and field lengths inside JSON.
 *
 * Each integer is a little-endian base-46 number: every digit but the last is drawn
 * from one half of a 92-character alphabet, the last digit from the other half, so a
 * number ends itself and no separators are needed. Values below 46 take one character,
 * below 2,116 two, below 97,336 three. The alphabet is printable ASCII without `"` and
 * `\`, so the strings need no escaping in JSON and survive any text transport.
 */
import { FormatError } from "./index-format.ts";

const ALPHABET = (() => {
  let s = "";
  for (let c = 0x21; c <= 0x7e; c++) if (c !== 0x22 && c !== 0x5c) s += String.fromCharCode(c);
  return s;
})();
const BASE = ALPHABET.length / 2; // 46
const LAST = ALPHABET.slice(0, BASE);
const MORE = ALPHABET.slice(BASE);

/** char code → digit value; bit 7 set for a "more digits follow" digit. */
const DECODE = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < BASE; i++) {
    table[LAST.charCodeAt(i)] = i;
    table[MORE.charCodeAt(i)] = i | 0x80;
  }
  return table;
})();

/** A string that is not the codec's: a FormatError, since the codec is part of the format. */
export class CodecError extends FormatError {
  override name = "CodecError";
}

/** Appends the encoding of a non-negative safe integer. */
export function encodeInt(value: number, out: string[]): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new CodecError(`cannot encode ${value}`);
  let v = value;
  while (v >= BASE) {
    out.push(MORE[v % BASE]!);
    v = Math.floor(v / BASE);
  }
  out.push(LAST[v]!);
}

/** Encodes a list of non-negative integers. */
export function encodeInts(values: readonly number[]): string {
  const out: string[] = [];
  for (const v of values) encodeInt(v, out);
  return out.join("");
}

/** Encodes values[start, end) of an integer array (the index writer's postings arena). */
export function encodeIntRange(values: ArrayLike<number>, start: number, end: number): string {
  const out: string[] = [];
  for (let i = start; i < end; i++) encodeInt(values[i]!, out);
  return out.join("");
}

/**
 * The first integer of an encoded list and how many characters it takes, so a list can
 * be rewritten at its head without decoding the rest (build/: merging postings runs).
 */
export function decodeFirstInt(text: string): { value: number; length: number } {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? DECODE[code]! : -1;
    if (digit < 0) throw new CodecError(`bad character ${JSON.stringify(text[i])}`);
    if (!(digit & 0x80)) return { value: value + digit * scale, length: i + 1 };
    value += (digit & 0x7f) * scale;
    scale *= BASE;
  }
  throw new CodecError("truncated number");
}

/**
 * Decodes a whole string of integers. One flat loop (no call per integer): a browser
 * decodes the meta part and postings on a cold page, before its JIT has warmed up.
 */
export function decodeInts(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let scale = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? DECODE[code]! : -1;
    if (digit < 0) throw new CodecError(`bad character ${JSON.stringify(text[i])}`);
    if (digit & 0x80) {
      value += (digit & 0x7f) * scale;
      scale *= BASE;
    } else {
      out.push(value + digit * scale);
      value = 0;
      scale = 1;
    }
  }
  if (scale !== 1) throw new CodecError("truncated number");
  return out;
}
