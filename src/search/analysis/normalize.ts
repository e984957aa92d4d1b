/**
 * Normalize: the first step of the analyzer, applied identically to article text at
 * build time and to queries in the browser, so that what a reader types and what the
 * paper printed meet in one form:
 *
 * - NFKC: full-width Latin letters and digits become half-width (ＥＡＰ → EAP, ８ → 8),
 *   compatibility ideographs and the ideographic space become their ordinary forms;
 * - lower case;
 * - traditional and variant Chinese characters fold to simplified (t2s.ts);
 * - zero-width and other invisible format characters (ZWSP, ZWJ, soft hyphen, BOM,
 *   bidi controls, variation selectors) are removed, so a pasted 驿\u200B站 is 驿站.
 *
 * The work is done one cluster (a character and the combining marks and invisible
 * characters after it) at a time.
 * That keeps it context-free, which the analyzer needs (a substring normalizes to a
 * substring of the normalized text), and lets `normalizeWithOffsets` say which source
 * characters each output character came from, which snippets.ts needs to mark matches
 * in the text as printed. Idempotent: normalize(normalize(s)) === normalize(s).
 */
import { foldCodePoint } from "./t2s.ts";

const MARK = /^[\p{M}\uFF9E\uFF9F]$/u;
const INVISIBLE = /^[\p{Cf}\u034F\u180B-\u180F\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;

/** Text after normalization, with the source span of every output UTF-16 unit. */
export interface NormalizedText {
  text: string;
  /** sourceStart[i] / sourceEnd[i]: the source range (UTF-16 indices) output unit i came from. */
  sourceStart: number[];
  sourceEnd: number[];
}

function isMark(cp: number): boolean {
  // Fast rejections for the common ranges: ASCII/Latin-1 letters and CJK ideographs.
  if (cp < 0x300 || (cp >= 0x3400 && cp <= 0x9fff)) return false;
  return MARK.test(String.fromCodePoint(cp));
}

function isInvisible(cp: number): boolean {
  if (cp < 0xad || (cp >= 0x3400 && cp <= 0x9fff)) return false;
  return INVISIBLE.test(String.fromCodePoint(cp));
}

/** Normalizes one cluster that is not on a fast path. */
function normalizeCluster(cluster: string): string {
  let visible = "";
  for (const ch of cluster) if (!isInvisible(ch.codePointAt(0)!)) visible += ch;
  if (visible === "") return "";
  // NFKC again after lower-casing: a few lower-case mappings are not NFKC-stable.
  const folded = visible.normalize("NFKC").toLowerCase().normalize("NFKC");
  let out = "";
  for (const ch of folded) out += foldCodePoint(ch.codePointAt(0)!) ?? ch;
  return out;
}

/**
 * One code point off the fast paths (full-width punctuation, Latin letters with accents):
 * remembered, since Chinese text repeats a few dozen of them (，。、“”) throughout.
 */
const singles = new Map<number, string>();
function normalizeCodePoint(cp: number): string {
  let out = singles.get(cp);
  if (out === undefined) {
    out = normalizeCluster(String.fromCodePoint(cp));
    if (singles.size < 4096) singles.set(cp, out);
  }
  return out;
}

function run(text: string, track: NormalizedText | undefined): string {
  let out = "";
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    let j = i + width;
    // A cluster runs through combining marks and invisible characters (dropped below),
    // so that removing an invisible character never changes how marks combine.
    while (j < n) {
      const next = text.codePointAt(j)!;
      if (!isMark(next) && !isInvisible(next)) break;
      j += next > 0xffff ? 2 : 1;
    }
    let piece: string;
    if (j === i + width && cp < 0x80) {
      // ASCII: only upper case changes; control characters and punctuation stay.
      piece = cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : text[i]!;
    } else if (j === i + width && cp >= 0x4e00 && cp <= 0x9fff) {
      // CJK unified ideographs are NFKC-stable and caseless: only the T2S fold applies.
      piece = foldCodePoint(cp) ?? String.fromCodePoint(cp);
    } else if (j === i + width) {
      piece = normalizeCodePoint(cp);
    } else {
      piece = normalizeCluster(text.slice(i, j));
    }
    if (track) {
      for (let k = 0; k < piece.length; k++) {
        track.sourceStart.push(i);
        track.sourceEnd.push(j);
      }
    }
    out += piece;
    i = j;
  }
  return out;
}

/** The normalized form of a text (document field or query). */
export function normalize(text: string): string {
  return run(text, undefined);
}

/** The normalized form with, for each output unit, the source range it came from. */
export function normalizeWithOffsets(text: string): NormalizedText {
  const track: NormalizedText = { text: "", sourceStart: [], sourceEnd: [] };
  track.text = run(text, track);
  return track;
}
