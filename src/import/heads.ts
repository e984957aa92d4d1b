/**
 * Heads: reads the lines printed above an article's text (a "head group":
 * kicker, column label, title, subtitle, byline, reading tip) and says which is
 * which. The rules follow how Chinese papers set a head:
 *
 *   - a line ending in —— is a kicker (引题);
 *   - a very short line above the title is a column label (栏目, e.g. 一线观察);
 *   - of two heading lines, the first is the title and the second the subtitle,
 *     unless the first is a couplet (two short parallel halves separated by a
 *     space, the usual form of a kicker) and the second is not: then the first is
 *     the kicker; of three, kicker, title, subtitle;
 *   - a subtitle printed on the title's line (a long line of two long halves)
 *     is split at the space;
 *   - 阅读提示 labels the reading tip that follows it.
 *
 * `read-fragments.ts` collects the groups and calls `readHead`; lines a head has no
 * place for are returned as leftovers with the reason.
 */
import type { PageLine } from "./classify-lines.ts";
import { headNotes, unassignedReasons, type Reason } from "./messages.ts";
import { piece, type Piece, type Unassigned } from "./pieces.ts";
import { printedLength } from "./sentences.ts";

export interface Head {
  kicker?: Piece | undefined;
  column?: Piece | undefined;
  title?: Piece | undefined;
  subtitle?: Piece | undefined;
  byline?: Piece | undefined;
  tipLabel?: Piece | undefined;
  readingTip?: Piece | undefined;
  /** What the report says about how the head was read (a split line, a couplet kicker). */
  notes: { lines: number[]; message: string }[];
}

/** Column labels are a few characters: 一线观察, 基层传真. */
export const COLUMN_MAX = 6;

/** Two halves of 4–10 characters, of nearly equal length, separated by a space. */
export function isCouplet(text: string): boolean {
  const parts = text.trim().split(/\s+/u);
  if (parts.length !== 2) return false;
  const [a, b] = parts.map(printedLength) as [number, number];
  return a >= 4 && b >= 4 && a <= 10 && b <= 10 && Math.abs(a - b) <= 2;
}

/** A title with its subtitle on the same line: two halves of at least 8 characters, over 24 in all. */
export function splitTitleLine(text: string): [string, string] | undefined {
  const parts = text.trim().split(/\s+/u);
  if (parts.length !== 2 || isCouplet(text)) return undefined;
  const [a, b] = parts as [string, string];
  if (printedLength(a) < 8 || printedLength(b) < 8 || printedLength(text) <= 24) return undefined;
  return [a, b];
}

export function readHead(lines: PageLine[], leftovers: Unassigned[]): Head {
  const head: Head = { notes: [] };
  const kickers = lines.filter((l) => l.kind === "kicker");
  const headings = lines.filter((l) => l.kind === "heading");
  const leftover = (l: PageLine, why: Reason) => leftovers.push({ line: l.n, text: l.text, ...why });

  for (const l of lines) {
    if (l.kind === "byline") {
      if (head.byline) leftover(l, unassignedReasons.secondByline());
      else head.byline = piece(l.n, "byline", l.text);
    } else if (l.kind === "tip-label") {
      head.tipLabel = piece(l.n, "tip-label", l.tipText ? l.text.slice(0, l.text.length - l.tipText.length) : l.text);
      if (l.tipText) head.readingTip = piece(l.n, "readingTip", l.tipText);
    } else if (l.kind === "paragraph") {
      head.readingTip = piece(l.n, "readingTip", l.text); // the text after 阅读提示
    }
  }

  const first = headings[0];
  if (first && headings.length >= 2 && printedLength(first.text) <= COLUMN_MAX && first.n < headings[1]!.n) {
    head.column = piece(first.n, "column", first.text);
    headings.shift();
  } else if (first && headings.length === 1 && printedLength(first.text) <= COLUMN_MAX && kickers.some((k) => k.n > first.n)) {
    // column label, then kicker, then… no title: the label is all there is
    head.column = piece(first.n, "column", first.text);
    headings.shift();
  }

  if (kickers.length > 0) {
    const nearest = kickers[kickers.length - 1]!;
    for (const k of kickers.slice(0, -1)) leftover(k, unassignedReasons.severalKickers());
    head.kicker = piece(nearest.n, "kicker", nearest.text);
  }

  const [h0, h1, h2, ...rest] = headings;
  if (h0 && h1 && h2) {
    if (!head.kicker) {
      head.kicker = piece(h0.n, "kicker", h0.text);
      head.title = piece(h1.n, "title", h1.text);
      head.subtitle = piece(h2.n, "subtitle", h2.text);
    } else {
      head.title = piece(h0.n, "title", h0.text);
      head.subtitle = piece(h1.n, "subtitle", h1.text);
      leftover(h2, unassignedReasons.thirdHeading());
    }
  } else if (h0 && h1) {
    if (!head.kicker && isCouplet(h0.text) && !isCouplet(h1.text) && !/^[—-]/u.test(h1.text)) {
      head.kicker = piece(h0.n, "kicker", h0.text);
      head.title = piece(h1.n, "title", h1.text);
      head.notes.push({ lines: [h0.n], message: headNotes.couplet(h0.n) });
    } else {
      head.title = piece(h0.n, "title", h0.text);
      head.subtitle = piece(h1.n, "subtitle", h1.text);
    }
  } else if (h0) {
    const split = splitTitleLine(h0.text);
    if (split) {
      head.title = piece(h0.n, "title", split[0]);
      head.subtitle = piece(h0.n, "subtitle", split[1]);
      head.notes.push({ lines: [h0.n], message: headNotes.splitLine(h0.n) });
    } else {
      head.title = piece(h0.n, "title", h0.text);
    }
  }
  for (const h of rest) leftover(h, unassignedReasons.tooManyHeadings());
  return head;
}
