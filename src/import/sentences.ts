/**
 * Sentences: what the importer can tell from punctuation and word breaks alone.
 * Whether a line ends a sentence (。!? …, also after a closing quote), whether it
 * reads like a heading (short, no sentence punctuation), whether it starts in the
 * middle of a sentence, and whether two fragments can be joined across the break
 * (a word split in two is evidence for the join; two stray characters that make
 * no word are evidence that text is missing). Words come from ICU's dictionary
 * segmenter (`Intl.Segmenter`, built into Node), so no word list ships with the
 * code. `classify-lines.ts` and `assemble.ts` build on these judgements.
 */

import { SENTENCE_ENDS } from "../content/sentence-ends.ts";

/** Sentence ends, and "." too: raw page text mixes half- and full-width forms. */
const FINAL = `${SENTENCE_ENDS}.`;
const CLOSERS = "”’\"')）」』》〉】]";

/** Whether `text` ends a sentence: final punctuation, possibly followed by closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  const t = text.trimEnd();
  let i = t.length - 1;
  while (i >= 0 && CLOSERS.includes(t[i]!)) i--;
  if (i < 0) return false;
  // A lone "." after a digit (2.5) or Latin letter is no full stop in Chinese text.
  if (t[i] === "." && i > 0 && /[0-9A-Za-z]/u.test(t[i - 1]!)) return false;
  return FINAL.includes(t[i]!);
}

/** Characters without spaces: how long a line looks in print. */
export function printedLength(text: string): number {
  return [...text.replace(/\s+/gu, "")].length;
}

export const HEADING_MAX = 40;

/**
 * Reads like a heading (title, subtitle, subhead, column label, dateline): short,
 * not ending a sentence, with no sentence punctuation inside (a comma or two may
 * appear in a title, but not in a line over 30 characters: that is prose).
 */
export function isHeadingLike(text: string): boolean {
  const t = text.trim();
  if (t === "" || printedLength(t) > HEADING_MAX || endsSentence(t)) return false;
  if (/[。;；!?！？]/u.test(t)) return false;
  const commas = (t.match(/[,，]/gu) ?? []).length;
  if (commas > 2 || (commas > 0 && printedLength(t) > 30)) return false; // a title may hold a comma; prose runs on
  if (/[:：,，、]$/u.test(t)) return false;
  return /\p{Script=Han}/u.test(t);
}

/**
 * Prose that stops in the middle of a sentence. A heading-like line in the text
 * (a dateline: 5月3日 星期五 晴) is a unit of its own, unless it holds a comma:
 * then it is prose cut short.
 */
export function isUnfinished(text: string): boolean {
  return !endsSentence(text) && (!isHeadingLike(text) || /[,，、]/u.test(text));
}

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** ICU words of `text`, with their offsets; punctuation and spaces left out. */
export function words(text: string): { word: string; index: number }[] {
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => ({ word: s.segment, index: s.index }));
}

/**
 * Characters that stand alone as words (particles, prepositions, pronouns, measure
 * words): a break next to one of them is an ordinary word boundary.
 */
const FUNCTION_CHARS = new Set([..."的了着过地得之在和与及或是有也都就将把被对为以从向由于而并等又再让使给到上下中后前里这那其各每我你他她它们不没很更最已要会能可该应说个年月日时"]);

const isHan = (s: string) => /^\p{Script=Han}+$/u.test(s);

/** A single Han character that is not a function word: a piece of a word rather than a word. */
function isStray(word: string | undefined): boolean {
  return word !== undefined && [...word].length === 1 && isHan(word) && !FUNCTION_CHARS.has(word);
}

/** Where `text` opens: strongly mid-sentence (a comma, a particle), weakly (stray characters, no word), or not. */
export function startsMidSentence(text: string): "strong" | "weak" | undefined {
  const t = text.trimStart();
  if (/^[,，、;；:：。.!?！？)）”’」』》]/u.test(t)) return "strong";
  if (/^[的了着地得之等]/u.test(t)) return "strong";
  const w = words(t.slice(0, 12));
  if (isStray(w[0]?.word) && isStray(w[1]?.word) && w[0]!.index === 0) return "weak";
  return undefined;
}

export interface Junction {
  /** join: the fragments read as one sentence; gap: text is probably missing between them. */
  verdict: "join" | "gap";
  /** A word that the break splits (完|善 → 完善): strong evidence for the join. */
  healedWord?: string;
  /** For a gap: the stray characters on each side of the break. */
  stray?: [string, string];
}

/**
 * Judges the break between `before` (which stops mid-sentence) and `after`.
 * `page` is the page's text, or the set of character pairs it prints (faster on
 * a long page): a pair of characters that the break separates but that the page
 * prints together elsewhere (秸|秆 beside 秸秆) is a word, even one the dictionary
 * lacks, and so is a doubled character (谆|谆).
 */
export function judgeJunction(before: string, after: string, page: string | ReadonlySet<string> = ""): Junction {
  const tail = before.slice(-12);
  const head = after.slice(0, 12);
  const joined = tail + head;
  const cut = tail.length;
  for (const w of words(joined)) {
    if (w.index < cut && w.index + w.word.length > cut && isHan(w.word)) return { verdict: "join", healedWord: w.word };
  }
  const lastBefore = words(tail).at(-1);
  const firstAfter = words(head)[0];
  const touching = lastBefore && firstAfter && lastBefore.index + lastBefore.word.length === tail.length && firstAfter.index === 0;
  if (touching && isStray(lastBefore.word) && isStray(firstAfter.word)) {
    const pair = lastBefore.word + firstAfter.word;
    if (lastBefore.word === firstAfter.word || (typeof page === "string" ? page.includes(pair) : page.has(pair))) return { verdict: "join", healedWord: pair };
    return { verdict: "gap", stray: [lastBefore.word, firstAfter.word] };
  }
  return { verdict: "join" };
}

const FIRST_SENTENCE = new RegExp(`^.*?[${SENTENCE_ENDS}]+[”’"')）」』]*`, "u");

/** The first sentence of `text`, up to and including its final punctuation. */
export function firstSentence(text: string): string {
  const m = FIRST_SENTENCE.exec(text);
  return m ? m[0] : text;
}

/** A short quotation of `text` for reports: its start or its end, with an ellipsis. */
export function quoteStart(text: string, n = 14): string {
  const chars = [...text];
  return chars.length <= n ? text : `${chars.slice(0, n).join("")}…`;
}

export function quoteEnd(text: string, n = 14): string {
  const chars = [...text];
  return chars.length <= n ? text : `…${chars.slice(-n).join("")}`;
}
