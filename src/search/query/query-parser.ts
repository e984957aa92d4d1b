/**
 * Query parser: turns what a reader typed into the requirements the query engine
 * (query-engine.ts) checks. It accepts any string and never throws; Lunr's own query
 * syntax (+ - * ~ ^ :) means nothing here, those characters only separate words.
 *
 * - The input is read up to MAX_QUERY_LENGTH characters.
 * - Text in quotes ("…", “…”, 「…」, 『…』) is a phrase: it must occur exactly, as one
 *   contiguous string. A quote left open runs to the end of the input.
 * - Outside quotes, whitespace separates parts, and every part is required.
 * - Within a part, each run of CJK characters is cut into words with Intl.Segmenter
 *   where the platform has it (驿站运营 → 驿站 + 运营), and each word must occur as a
 *   contiguous string, not necessarily next to the others. A word of one character is
 *   joined to its neighbour (以|店|养|站 → 以店养站, 安全|生产|月 → 安全 + 生产月): the
 *   segmenter falls back to single characters on names and words it does not know, a
 *   lone character alone would match almost any article, and what the reader typed
 *   together is kept together. A one-character query stays one character.
 *   Without Intl.Segmenter a CJK run is one word. Latin words and numbers are words.
 * - The whole query as one phrase, and each part as one phrase, are kept for ranking.
 *
 * Words are analyzed by analyzer.ts into patterns (pattern.ts), so the query matches the
 * index exactly as the articles were analyzed.
 */
import { tokenizeNormalized, type Token } from "../analysis/analyzer.ts";
import { normalize } from "../analysis/normalize.ts";
import { patternOf, type Pattern } from "../analysis/pattern.ts";

export const MAX_QUERY_LENGTH = 256;

export interface QueryWord {
  /** The normalized text of the word. */
  text: string;
  pattern: Pattern;
}

export interface QueryPart {
  /** The normalized text of the part. */
  text: string;
  /** In quotes: the part is one word, an exact phrase. */
  quoted: boolean;
  words: QueryWord[];
  /** The whole part as one phrase. */
  pattern: Pattern;
}

export interface ParsedQuery {
  parts: QueryPart[];
  /** The whole query as one phrase (null when it has no words). */
  phrase: Pattern | null;
  /** The input was longer than MAX_QUERY_LENGTH and was cut. */
  truncated: boolean;
  /**
   * Parsed with `segment: false`, and a CJK run Intl.Segmenter might cut (four characters
   * or more, outside quotes) was kept as one word.
   */
  uncut: boolean;
}

const QUOTES = new Set(['"', "“", "”", "＂", "「", "」", "『", "』", "„", "«", "»"]);

type Segmenter = { segment(text: string): Iterable<{ segment: string; index: number; isWordLike?: boolean }> };
let segmenter: Segmenter | null | undefined;
let segmenterUsed = false;

/** Intl.Segmenter for Chinese words, or null where the platform lacks it. */
function getSegmenter(): Segmenter | null {
  if (segmenter === undefined) {
    try {
      const S = (Intl as unknown as { Segmenter?: new (locale: string, options: object) => Segmenter }).Segmenter;
      segmenter = S ? new S("zh", { granularity: "word" }) : null;
    } catch {
      segmenter = null;
    }
  }
  return segmenter;
}

/**
 * True once this thread's segmenter has cut a run (its dictionary is loaded), or when
 * the platform has none: from then on, parsing costs well under a millisecond. Never
 * builds one itself: building one is what loads the dictionary.
 */
export function segmenterReady(): boolean {
  return segmenterUsed || segmenter === null;
}

/** For tests: pretend the platform has no Intl.Segmenter (true) or restore it (false). */
export function disableSegmenterForTests(disabled: boolean): void {
  segmenter = disabled ? null : undefined;
}

const isCjkToken = (t: Token) => t.kind !== "word";

/** Cuts the input into [text, quoted] pieces. */
function splitQuotes(input: string): Array<[string, boolean]> {
  const pieces: Array<[string, boolean]> = [];
  let current = "";
  let quoted = false;
  for (const ch of input) {
    if (QUOTES.has(ch)) {
      pieces.push([current, quoted]);
      current = "";
      quoted = !quoted;
    } else {
      current += ch;
    }
  }
  pieces.push([current, quoted]);
  return pieces.filter(([text]) => text.trim() !== "");
}

/**
 * A run of up to three characters is one word whatever the segmenter says, once lone
 * characters are joined (A|BC → ABC, AB|C → ABC): no need to load its dictionary.
 */
const isCuttable = (run: string) => [...run].length > 3;

/**
 * The words of a CJK run: the segmenter's words, with every one-character word joined
 * to its neighbour (consecutive ones to each other, then a lone one to the word before
 * it, or after it at the start of the run).
 */
function cjkWords(run: string, segment: boolean): string[] {
  const seg = segment && isCuttable(run) ? getSegmenter() : null;
  if (!seg) return [run];
  const words: string[] = [];
  let singles = "";
  segmenterUsed = true;
  for (const { segment } of seg.segment(run)) {
    if ([...segment].length === 1) {
      singles += segment;
      continue;
    }
    if (singles) words.push(singles);
    singles = "";
    words.push(segment);
  }
  if (singles) words.push(singles);
  // A lone character joins a neighbour: 安全|生产|月 → 安全 + 生产月, 国|企业 → 国企业.
  const joined: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if ([...w].length > 1 || words.length === 1) joined.push(w);
    else if (joined.length > 0) joined[joined.length - 1] += w;
    else words[i + 1] = w + words[i + 1]!;
  }
  return joined;
}

function wordOf(text: string): QueryWord | null {
  const pattern = patternOf(tokenizeNormalized(text).tokens);
  return pattern ? { text, pattern } : null;
}

function parsePart(raw: string, quoted: boolean, segment: boolean, uncut: { value: boolean }): QueryPart | null {
  const text = normalize(raw);
  const { tokens } = tokenizeNormalized(text);
  const pattern = patternOf(tokens);
  if (!pattern) return null;
  if (quoted) return { text, quoted, words: [{ text, pattern }], pattern };
  const words: QueryWord[] = [];
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    if (!isCjkToken(t)) {
      const w = wordOf(text.slice(t.start, t.end));
      if (w) words.push(w);
      i++;
      continue;
    }
    // A CJK run ends with its tail or single token.
    let j = i;
    while (tokens[j]!.kind === "gram") j++;
    const run = text.slice(t.start, tokens[j]!.end);
    if (!segment && isCuttable(run)) uncut.value = true;
    for (const piece of cjkWords(run, segment)) {
      const w = wordOf(piece);
      if (w) words.push(w);
    }
    i = j + 1;
  }
  return { text, quoted, words, pattern };
}

/**
 * Every word's pattern: what must occur in an article, and what results and articles
 * mark (a quoted phrase is one word).
 */
export function wordPatterns(query: ParsedQuery): Pattern[] {
  return query.parts.flatMap((p) => p.words.map((w) => w.pattern));
}

/**
 * Parses any string into a query. Never throws. With `segment: false` each CJK run is
 * one word, as without Intl.Segmenter; `uncut` says whether segmenting could change that.
 */
export function parseQuery(input: unknown, options: { segment?: boolean } = {}): ParsedQuery {
  let text = typeof input === "string" ? input : input == null ? "" : String(input);
  let truncated = false;
  if (text.length > MAX_QUERY_LENGTH) {
    // Do not cut a surrogate pair in half.
    let end = MAX_QUERY_LENGTH;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--;
    text = text.slice(0, end);
    truncated = true;
  }
  const parts: QueryPart[] = [];
  const uncut = { value: false };
  for (const [piece, quoted] of splitQuotes(text)) {
    const chunks = quoted ? [piece] : piece.split(/\s+/);
    for (const chunk of chunks) {
      const part = chunk.trim() === "" ? null : parsePart(chunk, quoted, options.segment !== false, uncut);
      if (part) parts.push(part);
    }
  }
  const phrase = parts.length === 0 ? null : patternOf(tokenizeNormalized(parts.map((p) => p.text).join(" ")).tokens);
  return { parts, phrase, truncated, uncut: uncut.value };
}
