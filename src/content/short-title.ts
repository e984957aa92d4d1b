/**
 * Short title: a headline cut for the places that cannot hold a very long one
 * (the page's <title>, lists of headlines, previous/next links, the feed's entry
 * title). The article page shows the whole title; this is only what lists and
 * browser tabs show. Cut between grapheme clusters, so no character or emoji
 * sequence is split, and marked with an ellipsis.
 */
export const SHORT_TITLE_MAX = 100;

const graphemes = new Intl.Segmenter("zh", { granularity: "grapheme" });

export function shortTitle(title: string, max = SHORT_TITLE_MAX): string {
  if (title.length <= max) return title;
  let cut = "";
  for (const { segment } of graphemes.segment(title)) {
    if (cut.length + segment.length > max - 1) break;
    cut += segment;
  }
  return `${cut.trimEnd()}…`;
}
