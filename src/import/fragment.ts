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
import { bigrams, type Bigrams } from "./subjects.ts";

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
  /** Where it stands in reading order (a run cut off a fragment stands where that fragment does): see neighbourhood.ts. */
  pos: number;
}

/** What assembly records as it goes, for the report. */
export interface Log {
  unassigned: Unassigned[];
  moves: Move[];
  doubts: Doubt[];
  joins: Join[];
  /** For the first line of each moved paragraph: why it was put where it is. */
  placedBy: Map<number, string>;
  /** Every pair of Han characters printed side by side on the page: where words split by a break may be found whole. */
  pagePairs: ReadonlySet<string>;
}

export const textOf = paragraphText;
export const itemText = (b: Item): string => (b.kind === "paragraph" ? textOf(b) : b.piece.text);
export const headText = (h: Head, withKicker = true): string => [withKicker ? h.kicker?.text : undefined, h.title?.text, h.subtitle?.text, h.readingTip?.text].filter(Boolean).join("\n");
export const bodyText = (f: Fragment): string => f.body.map((b) => (b.kind === "paragraph" ? textOf(b) : b.piece.text)).join("\n");
export const fullText = (f: Fragment, withKicker = true): string => [headText(f.head, withKicker), bodyText(f), f.caption?.text ?? ""].join("\n");

/** The first and last line of a fragment's body and byline. */
export function lineRange(f: Fragment): [number, number] {
  let from = Infinity;
  let to = -Infinity;
  const see = (n: number) => ((from = Math.min(from, n)), (to = Math.max(to, n)));
  for (const b of f.body) if (b.kind === "paragraph") b.pieces.forEach((p) => see(p.line));
  else see(b.piece.line);
  if (f.head.byline) see(f.head.byline.line);
  return [from, to];
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

/**
 * The character pairs of fragments' texts, computed once and kept until the
 * fragment changes (`touch`): the steps compare the same texts many times.
 */
export class FragmentSubjects {
  private readonly cache = new Map<Fragment, Map<string, Bigrams>>();
  private readonly items = new WeakMap<Item, Bigrams>();

  private memo(f: Fragment, key: string, text: () => string): Bigrams {
    let m = this.cache.get(f);
    if (!m) this.cache.set(f, (m = new Map()));
    let set = m.get(key);
    if (!set) m.set(key, (set = bigrams(text())));
    return set;
  }

  full(f: Fragment): Bigrams {
    return this.memo(f, "full", () => fullText(f));
  }
  withoutKicker(f: Fragment): Bigrams {
    return this.memo(f, "withoutKicker", () => fullText(f, false));
  }
  head(f: Fragment): Bigrams {
    return this.memo(f, "head", () => headText(f.head));
  }
  body(f: Fragment): Bigrams {
    return this.memo(f, "body", () => bodyText(f));
  }
  /** Items do not change (joins.ts makes new paragraphs), so theirs are kept for good. */
  item(b: Item): Bigrams {
    let set = this.items.get(b);
    if (!set) this.items.set(b, (set = bigrams(itemText(b))));
    return set;
  }
  /** Forgets what was computed for `f`: call it whenever its head or body changes. */
  touch(f: Fragment): void {
    this.cache.delete(f);
  }
}

/** The pairs of Han characters printed side by side in `lines` (`judgeJunction`'s evidence that a split pair is a word). */
export function hanPairs(lines: readonly string[]): Set<string> {
  const pairs = new Set<string>();
  for (const line of lines) {
    let prev: string | undefined;
    for (const ch of line) {
      const han = /\p{Script=Han}/u.test(ch);
      if (han && prev !== undefined) pairs.add(prev + ch);
      prev = han ? ch : undefined;
    }
  }
  return pairs;
}
