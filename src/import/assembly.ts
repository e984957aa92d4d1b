/**
 * Assembly: what the importer makes of a page, the result of `assemble`
 * (assemble.ts). Articles with their head, body blocks (paragraphs, subheads,
 * gaps) and ending; and, for the report, every join, move, doubt and note with
 * its line numbers, and the lines no article took. drafts.ts turns it into
 * files, report.ts into the report, line-map.ts checks that it lost nothing.
 */
import type { Head } from "./heads.ts";
import type { Piece, Unassigned } from "./pieces.ts";

export interface Paragraph {
  kind: "paragraph";
  /** One piece per line; joined lines have several. */
  pieces: Piece[];
}
export interface Subhead {
  kind: "subhead";
  piece: Piece;
}
export interface Gap {
  kind: "gap";
  /** The editor's note shown where text is missing (Chinese, for readers). */
  note: string;
  /** The lines on either side. */
  lines: number[];
}
export type Block = Paragraph | Subhead | Gap;

export interface Article {
  /** Position on the page (1, 2, …): the order of the title lines. */
  order: number;
  head: Head & { title: Piece };
  caption?: Piece | undefined;
  credit?: Piece | undefined;
  affiliation?: Piece | undefined;
  body: Block[];
  ending: "complete" | "breaks-off";
  endingNote?: string | undefined;
}

export interface Join {
  order: number;
  /** The line that stops mid-sentence and the line that continues it. */
  lines: [number, number];
  evidence: string[];
}

export interface Doubt {
  /** The article's order, when the doubt is about one article. */
  order?: number;
  lines: number[];
  message: string;
}

export interface Move {
  /** cut: text taken from a run because its subject changes; place: a fragment put into an article. */
  kind: "cut" | "place";
  order: number;
  lines: [number, number];
  message: string;
}

export interface Assembly {
  articles: Article[];
  unassigned: Unassigned[];
  joins: Join[];
  moves: Move[];
  doubts: Doubt[];
  notes: { lines: number[]; message: string }[];
}

/** A paragraph's text: its pieces put together. */
export const paragraphText = (p: Paragraph): string => p.pieces.map((x) => x.text).join("");

/** Every piece an article holds, in reading order (head, body, then photo and author's unit). */
export function articlePieces(a: Article): Piece[] {
  const h = a.head;
  return [h.column, h.kicker, h.title, h.subtitle, h.byline, h.tipLabel, h.readingTip, ...a.body.flatMap((b) => (b.kind === "paragraph" ? b.pieces : b.kind === "subhead" ? [b.piece] : [])), a.caption, a.credit, a.affiliation].filter(
    (p): p is Piece => p !== undefined,
  );
}
