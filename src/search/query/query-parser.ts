/**
 * Query parser: turns what a reader typed into the requirements the query engine
 * (query-engine.ts) checks. It accepts any string and never throws; Lunr's own query
 * syntax (+ - * ~ ^ :) means nothing here, those characters only separate words.
 *
 * - The input is read up to MAX_QUERY_LENGTH characters.
 * - Text in quotes ("…", “…”, 「…」, 『…』) is a phrase: it must occur exactly, as one
 *   contiguous string. A quote left open runs to the end of the input.
 * - Outside quotes, whitespace separates parts, and every part is required.
 * - Within a part, each run of CJK characters is one word here, however long: which
 *   words a reader typed together (监管通关博会 → 监管 + 通关 + 博会) is decided by the
 *   query engine with the index (run-splits.ts), never by a dictionary, so every
 *   platform gives the same answer. Latin words and numbers are words.
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
}

const QUOTES = new Set(['"', "“", "”", "＂", "「", "」", "『", "』", "„", "«", "»"]);

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

function wordOf(text: string): QueryWord | null {
  const pattern = patternOf(tokenizeNormalized(text).tokens);
  return pattern ? { text, pattern } : null;
}

function parsePart(raw: string, quoted: boolean): QueryPart | null {
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
    const w = wordOf(text.slice(t.start, tokens[j]!.end));
    if (w) words.push(w);
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

/** Parses any string into a query. Never throws. */
export function parseQuery(input: unknown): ParsedQuery {
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
  for (const [piece, quoted] of splitQuotes(text)) {
    const chunks = quoted ? [piece] : piece.split(/\s+/);
    for (const chunk of chunks) {
      const part = chunk.trim() === "" ? null : parsePart(chunk, quoted);
      if (part) parts.push(part);
    }
  }
  const phrase = parts.length === 0 ? null : patternOf(tokenizeNormalized(parts.map((p) => p.text).join(" ")).tokens);
  return { parts, phrase, truncated };
}
