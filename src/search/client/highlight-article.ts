/**
 * Highlight article: marks a query's matches on an article page opened from a
 * search result, and scrolls the first into view. Each block's text is matched
 * whole (a match may cross inline elements), with the same analyzer as the
 * index, so a traditional or full-width query marks the simplified text.
 */
import type { Range } from "../query/snippets.ts";

const BLOCKS = "h1, .kicker, .subtitle, .byline, .reading-tip p, figcaption, .body p, .body h2, .affiliation";

export function highlightArticle(article: HTMLElement, ranges: (text: string) => Range[], query: string): void {
  let first: HTMLElement | undefined;
  let count = 0;
  for (const block of article.querySelectorAll<HTMLElement>(BLOCKS)) {
    const found = ranges(block.textContent ?? "");
    count += found.length;
    const marks = wrapRanges(block, found);
    first ??= marks[0];
  }
  const note = document.createElement("p");
  note.className = "highlight-note";
  note.setAttribute("role", "status");
  note.textContent = count ? `已标出“${query}”的 ${count} 处匹配。` : `本文没有“${query}”的完全匹配。`;
  article.prepend(note);
  first?.scrollIntoView({ block: "center" });
}

/** Wraps the ranges of `block`'s text in <mark>, splitting text nodes where needed; returns the marks. */
function wrapRanges(block: HTMLElement, ranges: Range[]): HTMLElement[] {
  if (ranges.length === 0) return [];
  const texts: Text[] = [];
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  const marks: HTMLElement[] = [];
  // From the last range back, so earlier offsets stay valid while nodes are split.
  for (const [start, end] of [...ranges].sort((a, b) => b[0] - a[0])) {
    let offset = 0;
    for (const node of [...texts]) {
      const length = node.data.length;
      const from = Math.max(start, offset);
      const to = Math.min(end, offset + length);
      if (from < to) {
        const piece = node.splitText(from - offset);
        piece.splitText(to - from);
        const mark = document.createElement("mark");
        piece.replaceWith(mark);
        mark.append(piece);
        marks.unshift(mark);
      }
      offset += length;
    }
  }
  return marks;
}
