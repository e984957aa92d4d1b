/**
 * Snippets: for a result, the passage of about SNIPPET_LENGTH characters that shows the
 * query best, and the ranges of every match in it (and in the title). Ranges index the
 * snippet's text as printed (UTF-16 offsets, end exclusive); callers render the text
 * escaped, wrapping the ranges in <mark> or similar. Nothing here produces HTML.
 *
 * Matches are found where the index finds them, in the text normalized as the analyzer
 * normalizes it (normalizeWithOffsets maps it back to the characters printed): when
 * every word of the query is a run of CJK characters, by searching for their strings,
 * which is where their bigrams are (cjkString); otherwise (Latin words, numbers, mixed)
 * on the analyzer's tokens (pattern.ts). So 醫院 marks 医院, and a word's match covers the whole word.
 *
 * The best passage is the window with the most different query words, then the most
 * matches, taken from the kicker, subtitle, reading tip, body and caption (the title is
 * shown anyway); it starts at a sentence start shortly before its first match when
 * there is one, else a little before that match. Without any match there (a title-only match, or a browse by filter) the
 * snippet is the start of the article.
 */
import { isCjkTerm, tokenizeNormalized, type Token } from "../analysis/analyzer.ts";
import type { SearchDocument } from "../format/documents.ts";
import { normalize, normalizeWithOffsets, type NormalizedText } from "../analysis/normalize.ts";
import { elementAccepts, matchAnchors, type Pattern } from "../analysis/pattern.ts";
import { SENTENCE_ENDS } from "../../content/sentence-ends.ts";

export const SNIPPET_LENGTH = 80;
/** How far before the first match a passage may start, to give it context. */
const LEAD = 16;
const ELLIPSIS = "…";
/** Where a passage may start: after a sentence end, or after a semicolon. */
const SENTENCE_END = new Set([...SENTENCE_ENDS, "；", ";"]);

export type Range = [start: number, end: number];

export interface Snippet {
  text: string;
  ranges: Range[];
}

export interface Match {
  start: number;
  end: number;
  /** Index of the pattern (query word) that matched. */
  word: number;
}

/**
 * The string a pattern of CJK terms stands for, when it is one contiguous run of them
 * (a word or phrase of CJK characters: 国家, 家安, 安全 → 国家安全; X* → X), else null.
 * In normalized text the analyzer makes CJK bigrams over every run of CJK characters, so
 * such a pattern matches exactly where its string occurs.
 */
function cjkString(pattern: Pattern): string | null {
  const els = pattern.elements;
  let out = "";
  for (let i = 0; i < els.length; i++) {
    const e = els[i]!;
    if (e.offset !== i || !isCjkTerm(e.term)) return null;
    const chars = [...e.term];
    if (e.prefix ? chars.length !== 1 || els.length !== 1 : chars.length !== 2) return null;
    if (i > 0 && [...els[i - 1]!.term][1] !== chars[0]) return null;
    out += i === els.length - 1 ? e.term : chars[0];
  }
  return out === "" ? null : out;
}

/** Matches of each pattern in one text, as ranges of the text as printed. */
export function findMatches(text: string, patterns: readonly Pattern[]): Match[] {
  const normalized = normalizeWithOffsets(text);
  const strings = patterns.map(cjkString);
  if (strings.every((x) => x !== null)) {
    // Only CJK runs: find the strings, no token list needed.
    const matches: Match[] = [];
    strings.forEach((needle, word) => {
      for (let i = normalized.text.indexOf(needle!); i >= 0; i = normalized.text.indexOf(needle!, i + 1)) {
        matches.push({ start: normalized.sourceStart[i]!, end: normalized.sourceEnd[i + needle!.length - 1]!, word });
      }
    });
    return matches.sort((a, b) => a.start - b.start || b.end - a.end);
  }
  return matchTokens(normalized, patterns);
}

/** findMatches the general way, on the text's tokens (exported so tests can compare the two). */
export function findMatchesByTokens(text: string, patterns: readonly Pattern[]): Match[] {
  return matchTokens(normalizeWithOffsets(text), patterns);
}

function matchTokens(normalized: NormalizedText, patterns: readonly Pattern[]): Match[] {
  const { tokens } = tokenizeNormalized(normalized.text);
  if (tokens.length === 0) return [];
  const byPosition = new Map<number, Token>();
  for (const t of tokens) byPosition.set(t.position, t);
  const matches: Match[] = [];
  patterns.forEach((pattern, word) => {
    const anchors = matchAnchors(pattern, (element) => tokens.filter((t) => elementAccepts(element, t.term)).map((t) => t.position));
    for (const anchor of anchors) {
      const first = pattern.elements[0]!;
      const last = pattern.elements[pattern.elements.length - 1]!;
      const startToken = byPosition.get(anchor + first.offset)!;
      const endToken = byPosition.get(anchor + last.offset)!;
      // A one-character element matched the first character of a bigram: mark only it.
      const end = last.prefix ? endToken.start + last.term.length : endToken.end;
      const start = normalized.sourceStart[startToken.start]!;
      const sourceEnd = normalized.sourceEnd[end - 1]!;
      matches.push({ start, end: sourceEnd, word });
    }
  });
  return matches.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Sorted, non-overlapping ranges covering the matches (overlapping or touching ones merged). */
function mergeRanges(matches: readonly Match[], from = 0, to = Number.POSITIVE_INFINITY, shift = 0): Range[] {
  const out: Range[] = [];
  for (const m of matches) {
    const s = Math.max(m.start, from);
    const e = Math.min(m.end, to);
    if (e <= s) continue;
    const last = out[out.length - 1];
    if (last && s + shift <= last[1]) last[1] = Math.max(last[1], e + shift);
    else out.push([s + shift, e + shift]);
  }
  return out;
}

/** Ranges of every match of the patterns in a text (e.g. the title). */
export function highlight(text: string, patterns: readonly Pattern[]): Range[] {
  return mergeRanges(findMatches(text, patterns));
}

/** Moves an index off the low half of a surrogate pair. */
function safeIndex(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return i > 0 && i < text.length && code >= 0xdc00 && code <= 0xdfff ? i - 1 : i;
}

interface Window {
  segment: number;
  start: number;
  end: number;
  words: number;
  count: number;
  /** 2: starts a sentence shortly before its first match; 1: starts shortly before it; 0: other. */
  startQuality: number;
}

function better(a: Window, b: Window | null): boolean {
  if (!b) return true;
  if (a.words !== b.words) return a.words > b.words;
  if (a.count !== b.count) return a.count > b.count;
  return a.startQuality > b.startQuality;
}

/**
 * The best window of one text: candidates start at each sentence start and a little
 * before each match; the most different words, then the most matches, then a sentence
 * start win; among equals the earliest.
 */
function bestWindow(text: string, segment: number, matches: readonly Match[], length: number): Window | null {
  // A passage that fits is shown whole: cutting its start would only lose context.
  if (text.length <= length && matches.length > 0) {
    return { segment, start: 0, end: text.length, words: new Set(matches.map((x) => x.word)).size, count: matches.length, startQuality: 2 };
  }
  const starts = new Map<number, boolean>([[0, true]]);
  for (let i = 0; i < text.length - 1; i++) if (SENTENCE_END.has(text[i]!) && !SENTENCE_END.has(text[i + 1]!)) starts.set(i + 1, true);
  for (const m of matches) {
    let start = Math.max(0, m.start - LEAD);
    let clean = start === 0;
    for (let i = m.start - 1; i >= start; i--) {
      if (SENTENCE_END.has(text[i]!)) {
        start = i + 1;
        clean = true;
        break;
      }
    }
    if (!starts.has(start)) starts.set(start, clean);
  }
  let best: Window | null = null;
  for (const [rawStart, clean] of [...starts].sort((a, b) => a[0] - b[0])) {
    const start = safeIndex(text, rawStart);
    const end = safeIndex(text, Math.min(text.length, start + length));
    const inside = matches.filter((x) => x.start >= start && x.end <= end);
    if (inside.length === 0) continue;
    // Context before the first match: a sentence start up to 2·LEAD before it reads best.
    const lead = Math.min(...inside.map((x) => x.start)) - start;
    const quality = clean && lead <= 2 * LEAD ? 2 : lead <= LEAD ? 1 : 0;
    const w: Window = { segment, start, end, words: new Set(inside.map((x) => x.word)).size, count: inside.length, startQuality: quality };
    if (better(w, best)) best = w;
  }
  return best;
}

/** The passages a snippet may come from, in reading order. */
function passages(doc: SearchDocument): string[] {
  const opt = (s: string | undefined) => (s && s.trim() !== "" ? [s] : []);
  return [...opt(doc.kicker), ...opt(doc.subtitle), ...opt(doc.readingTip), ...doc.body.filter((p) => p.trim() !== ""), ...opt(doc.caption)];
}

/**
 * A quick test that a text cannot hold any of the patterns: a CJK element's term is a
 * substring of the normalized text wherever the pattern matches (words are stemmed, so a
 * pattern with a word is always tried). It spares most paragraphs the full analysis.
 */
function cannotMatch(text: string, patterns: readonly Pattern[]): boolean {
  let normalized: string | undefined;
  for (const p of patterns) {
    const first = p.elements[0];
    if (!first || !isCjkTerm(first.term)) return false;
    if ((normalized ??= normalize(text)).includes(first.term)) return false;
  }
  return true;
}

/** The best passage of a document for the query's patterns. */
export function makeSnippet(doc: SearchDocument, patterns: readonly Pattern[], length = SNIPPET_LENGTH): Snippet {
  const texts = passages(doc);
  let best: Window | null = null;
  let bestMatches: Match[] = [];
  for (let segment = 0; patterns.length > 0 && segment < texts.length; segment++) {
    if (cannotMatch(texts[segment]!, patterns)) continue;
    const matches = findMatches(texts[segment]!, patterns);
    if (matches.length === 0) continue;
    const w = bestWindow(texts[segment]!, segment, matches, length);
    if (w && better(w, best)) {
      best = w;
      bestMatches = matches;
    }
  }
  const chosen = best;
  if (!chosen) {
    // The start of the article, in the body if it has one.
    const text = doc.body.find((p) => p.trim() !== "") ?? texts[0] ?? "";
    const end = safeIndex(text, Math.min(text.length, length));
    return { text: text.slice(0, end) + (end < text.length ? ELLIPSIS : ""), ranges: [] };
  }
  const text = texts[chosen.segment]!;
  const before = chosen.start > 0 ? ELLIPSIS : "";
  const after = chosen.end < text.length ? ELLIPSIS : "";
  return {
    text: before + text.slice(chosen.start, chosen.end) + after,
    ranges: mergeRanges(bestMatches, chosen.start, chosen.end, before.length - chosen.start),
  };
}
