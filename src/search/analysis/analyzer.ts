/**
 * Analyzer: turns text into the terms the index stores and the query engine looks up.
 * The same function runs in the index build (build/) over every article and in the
 * browser over every query; nothing else produces terms, so the two sides cannot drift.
 *
 * Text is first normalized (normalize.ts: NFKC, lower case, traditional → simplified,
 * invisible characters removed), then cut into tokens:
 *
 * - a run of CJK characters (Han, kana, hangul) becomes overlapping character bigrams,
 *   ABCD → AB BC CD, plus the run's last character on its own (D, a "tail"); a run of one
 *   character is that character (a "single"). Every character therefore starts exactly
 *   one token, which is what lets a one-character query be a prefix lookup (X*), and any
 *   substring of two or more characters be a sequence of bigrams at consecutive
 *   positions (pattern.ts checks the positions). No dictionary, so build and browser
 *   agree, and no stop words: 人, 上, 无 are searchable;
 * - a run of other letters and digits is one token (4a, eap, 123), a number keeps its
 *   decimal point (8155.53), and an all-ASCII-letter word is stemmed with Lunr's English
 *   stemmer (volunteers → volunt);
 * - everything else (punctuation, spaces, emoji, symbols) only separates tokens.
 *
 * Each token has a position: consecutive tokens have consecutive positions, and the
 * segments of one field (paragraphs) are kept one position apart so that no phrase
 * spans two paragraphs.
 */
import lunr from "lunr";
import { normalize } from "./normalize.ts";

/** Bumped whenever the terms produced for some text change: the index records it. */
export const ANALYZER_VERSION = "banmian-cjk-bigram-1";

/**
 * word: a Latin/number token; gram: a CJK bigram; tail: the last character of a CJK run
 * of two or more; single: a CJK run of one character.
 */
export type TokenKind = "word" | "gram" | "tail" | "single";

export interface Token {
  term: string;
  kind: TokenKind;
  position: number;
  /** UTF-16 range of the token in the normalized text. */
  start: number;
  end: number;
}

/** Positions left empty between the segments of a field. */
export const SEGMENT_GAP = 1;

const CJK = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u30FC]$/u;
const WORD = /^[\p{L}\p{N}\p{M}]$/u;

const enum Kind {
  Other,
  Cjk,
  Word,
}

function classify(cp: number): Kind {
  if (cp >= 0x4e00 && cp <= 0x9fff) return Kind.Cjk;
  if (cp < 0x80) {
    return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) ? Kind.Word : Kind.Other;
  }
  const ch = String.fromCodePoint(cp);
  if (CJK.test(ch)) return Kind.Cjk;
  return WORD.test(ch) ? Kind.Word : Kind.Other;
}

/**
 * True when a term is CJK (a bigram, tail or single character), which the analyzer
 * takes from the normalized text as it stands, unlike words, which it stems.
 */
export function isCjkTerm(term: string): boolean {
  for (const ch of term) if (classify(ch.codePointAt(0)!) !== Kind.Cjk) return false;
  return term !== "";
}

const stemCache = new Map<string, string>();

/** Lunr's English (Porter) stemmer for all-letter ASCII words; other words stay whole. */
function stem(word: string): string {
  if (word.length < 3 || !/^[a-z]+$/.test(word)) return word;
  let s = stemCache.get(word);
  if (s === undefined) {
    s = lunr.stemmer(new lunr.Token(word, {})).toString();
    if (stemCache.size > 20000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

const isDigit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39;

/**
 * Tokens of an already normalized text. Positions start at `firstPosition`; the
 * returned `next` is the position a following segment should start from.
 */
export function tokenizeNormalized(text: string, firstPosition = 0): { tokens: Token[]; next: number } {
  const tokens: Token[] = [];
  let position = firstPosition;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    const kind = classify(cp);
    if (kind === Kind.Other) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    if (kind === Kind.Cjk) {
      // Collect the run as [start, end) code point spans.
      const starts: number[] = [];
      let j = i;
      while (j < n) {
        const c = text.codePointAt(j)!;
        if (classify(c) !== Kind.Cjk) break;
        starts.push(j);
        j += c > 0xffff ? 2 : 1;
      }
      starts.push(j);
      const count = starts.length - 1;
      if (count === 1) {
        tokens.push({ term: text.slice(i, j), kind: "single", position: position++, start: i, end: j });
      } else {
        for (let k = 0; k + 1 < count; k++) {
          const s = starts[k]!;
          const e = starts[k + 2]!;
          tokens.push({ term: text.slice(s, e), kind: "gram", position: position++, start: s, end: e });
        }
        const s = starts[count - 1]!;
        tokens.push({ term: text.slice(s, j), kind: "tail", position: position++, start: s, end: j });
      }
      i = j;
      continue;
    }
    // A word: letters, digits, marks; a '.' between two digits stays inside (8155.53).
    let j = i;
    while (j < n) {
      const c = text.codePointAt(j)!;
      if (classify(c) === Kind.Word) {
        j += c > 0xffff ? 2 : 1;
      } else if (c === 0x2e && isDigit(text.charCodeAt(j - 1)) && isDigit(text.charCodeAt(j + 1))) {
        j += 1;
      } else {
        break;
      }
    }
    tokens.push({ term: stem(text.slice(i, j)), kind: "word", position: position++, start: i, end: j });
    i = j;
  }
  return { tokens, next: position };
}

/** Normalizes and tokenizes one text. */
export function analyze(text: string, firstPosition = 0): Token[] {
  return tokenizeNormalized(normalize(text), firstPosition).tokens;
}

/**
 * Tokens of a field made of several segments (paragraphs), positions running on across
 * segments with SEGMENT_GAP between them. This is what the index stores for a field.
 */
export function analyzeSegments(segments: readonly string[]): Token[] {
  const out: Token[] = [];
  let position = 0;
  for (const segment of segments) {
    const { tokens, next } = tokenizeNormalized(normalize(segment), position);
    for (const t of tokens) out.push(t);
    position = next + SEGMENT_GAP;
  }
  return out;
}

/** The distinct terms of a text, in order of first appearance (for tests and tools). */
export function terms(text: string): string[] {
  return [...new Set(analyze(text).map((t) => t.term))];
}
