/**
 * Fragment: a run of the page read as one piece (step 1, read-fragments.ts): a
 * head group with the paragraphs and subheads under it, or text with no head
 * above it. The later steps of assemble.ts move text between fragments; this
 * module holds the type, what those steps record as they go (`Log`), and the
 * texts they compare (a fragment's head, body, whole text) and its line range.
 */
import type { Move, Doubt, Join, Paragraph, Subhead } from "./assembly.ts";
import { paragraphText } from "./assembly.ts";
import type { Head } from "./heads.ts";
import type { Piece, Unassigned } from "./pieces.ts";
import { isUnfinished } from "./sentences.ts";

export type Item = Paragraph | Subhead;

export interface Fragment {
  head: Head;
  body: Item[];
  caption?: Piece | undefined;
  credit?: Piece | undefined;
  affiliation?: Piece | undefined;
  /** Nothing continues it: closed by an author's unit, or a photo. */
  closed: boolean;
  /** Merged into another fragment. */
  merged?: boolean;
}

/** What assembly records as it goes, for the report. */
export interface Log {
  unassigned: Unassigned[];
  moves: Move[];
  doubts: Doubt[];
  joins: Join[];
  /** For the first line of each moved paragraph: why it was put where it is. */
  placedBy: Map<number, string>;
  /** The whole page, one line after another: where words split by a break may be found whole. */
  pageText: string;
}

export const textOf = paragraphText;
export const itemText = (b: Item): string => (b.kind === "paragraph" ? textOf(b) : b.piece.text);
export const headText = (h: Head, withKicker = true): string => [withKicker ? h.kicker?.text : undefined, h.title?.text, h.subtitle?.text, h.readingTip?.text].filter(Boolean).join("\n");
export const bodyText = (f: Fragment): string => f.body.map((b) => (b.kind === "paragraph" ? textOf(b) : b.piece.text)).join("\n");
export const fullText = (f: Fragment, withKicker = true): string => [headText(f.head, withKicker), bodyText(f), f.caption?.text ?? ""].join("\n");

/** The first and last line of a fragment's body and byline. */
export function lineRange(f: Fragment): [number, number] {
  const ns = f.body.flatMap((b) => (b.kind === "paragraph" ? b.pieces.map((p) => p.line) : [b.piece.line]));
  if (f.head.byline) ns.push(f.head.byline.line);
  return [Math.min(...ns), Math.max(...ns)];
}

export const isArticle = (f: Fragment): f is Fragment & { head: { title: Piece } } => f.head.title !== undefined && !f.merged;
export const isPhoto = (f: Fragment) => f.caption !== undefined || f.credit !== undefined;
export function lastUnfinished(f: Fragment): boolean {
  const last = f.body.at(-1);
  return last?.kind === "paragraph" && isUnfinished(textOf(last));
}
export const titleOf = (f: Fragment) => `《${f.head.title?.text ?? "?"}》`;

/** Every piece a fragment holds (for the lines of a fragment that found no place). */
export function fragmentPieces(f: Fragment): Piece[] {
  const h = f.head;
  return [h.kicker, h.column, h.title, h.subtitle, h.byline, h.tipLabel, h.readingTip, ...f.body.flatMap((b) => (b.kind === "paragraph" ? b.pieces : [b.piece])), f.caption, f.credit, f.affiliation].filter((p): p is Piece => p !== undefined);
}
