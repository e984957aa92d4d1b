/**
 * Sentence ends: the punctuation after which a Chinese sentence is over, in the full-width
 * forms the print uses and the half-width forms that slip into typed and imported text.
 * One set for where an article's description is cut, where the importer sees a line end a
 * sentence, and where a search snippet may start, so the three agree. Dependency-free: the
 * search engine's browser bundle uses it too.
 */

/** 。！？, their half-width forms !?, and the ellipsis …. */
export const SENTENCE_ENDS = "。！？!?…";

export function isSentenceEnd(ch: string): boolean {
  return ch.length === 1 && SENTENCE_ENDS.includes(ch);
}

/** The index just past the last sentence end in `text`, or -1 when there is none. */
export function endOfLastSentence(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (isSentenceEnd(text[i]!)) return i + 1;
  return -1;
}
