/**
 * Assemble: turns the classified lines of a page into articles, in five steps,
 * each a module of its own:
 *
 *   1. Fragments (read-fragments.ts): head groups open articles; text with no
 *      head above it is a headless fragment.
 *   2. Subject changes (subject-split.ts): the last paragraphs of a run that are
 *      about a bare title's subject are cut off as a headless fragment.
 *   3. Placement (placement.ts): each headless fragment goes where it fits best
 *      by shared subject, or is left unassigned.
 *   4. Kickers (kickers.ts): a kicker whose words belong to another article is
 *      taken out.
 *   5. Joins (joins.ts): paragraphs broken mid-sentence are joined, or a gap
 *      marks the missing text.
 *
 * This module runs them and keeps the books: what found no place is kept
 * unassigned with its reason (messages.ts), and every piece of every line ends
 * in exactly one article or in `unassigned`.
 */
import type { Article, Assembly, Move } from "./assembly.ts";
import type { PageLine } from "./classify-lines.ts";
import { fragmentPieces, FragmentSubjects, fullText, hanPairs, isArticle, isPhoto, lineRange, titleOf, type Fragment, type Log } from "./fragment.ts";
import { joinParagraphs } from "./joins.ts";
import { checkKickers } from "./kickers.ts";
import { unassignedReasons } from "./messages.ts";
import { REACH } from "./neighbourhood.ts";
import type { Unassigned } from "./pieces.ts";
import { placeFragments } from "./placement.ts";
import { readFragments } from "./read-fragments.ts";
import { splitBySubject, type Cut } from "./subject-split.ts";
import { SubjectModel } from "./subjects.ts";

export type { Article, Assembly, Block, Doubt, Gap, Join, Move, Paragraph, Subhead } from "./assembly.ts";
export { articlePieces, paragraphText } from "./assembly.ts";
export { SUBHEAD_MAX } from "./read-fragments.ts";

export interface AssembleOptions {
  /** How far apart, in fragments, two fragments may stand and be compared (neighbourhood.ts); default REACH. */
  reach?: number;
}

export function assemble(lines: PageLine[], options: AssembleOptions = {}): Assembly {
  const reach = options.reach ?? REACH;
  const log: Log = { unassigned: [], moves: [], doubts: [], joins: [], placedBy: new Map(), pagePairs: hanPairs(lines.map((l) => l.text)) };
  const { unassigned, moves, doubts, joins } = log;
  const neighbours = new Map<number, number>();
  lines.forEach((l, i) => {
    const next = lines[i + 1];
    if (next) neighbours.set(l.n, next.n);
  });

  const fragments = readFragments(lines, unassigned);
  const model = new SubjectModel(fragments.map((f) => fullText(f)));
  const subjects = new FragmentSubjects();
  const pending = new Map<Fragment, Cut>();
  splitBySubject(fragments, model, subjects, moves, pending, reach);
  const undecided = new Map<Fragment, string>();
  placeFragments(fragments, { model, subjects, log, pending, undecided, reach });
  // A run cut off by a subject change that found no place goes back where it was printed.
  const undone = new Set<Move>();
  for (const [cut, { from, move }] of pending) {
    if (cut.merged) continue;
    from.body.push(...cut.body);
    if (cut.affiliation) (from.affiliation = cut.affiliation), (from.closed = true);
    subjects.touch(from);
    cut.merged = true;
    undone.add(move);
  }
  if (undone.size) moves.splice(0, moves.length, ...moves.filter((m) => !undone.has(m)));

  // Fragments that found no place, and titles that found no text, are kept unassigned.
  for (const f of fragments) {
    if (f.merged) continue;
    if (!f.head.title) {
      const [from, to] = f.body.length ? lineRange(f) : [0, 0];
      const doubt = undecided.get(f);
      const why = isPhoto(f) ? unassignedReasons.photoWithoutTitle() : f.body.length ? unassignedReasons.textWithoutHeading(from!, to!, doubt) : unassignedReasons.headWithoutTitle();
      for (const p of fragmentPieces(f)) unassigned.push({ line: p.line, text: p.text, ...why });
      f.merged = true;
    } else if (f.body.length === 0 && !isPhoto(f)) {
      for (const p of fragmentPieces(f)) unassigned.push({ line: p.line, text: p.text, ...unassignedReasons.titleWithoutText(titleOf(f)) });
      f.merged = true;
    }
  }

  const kept = fragments.filter(isArticle).sort((x, y) => x.head.title.line - y.head.title.line);
  checkKickers(kept, model, subjects, unassigned, reach);

  const articles: Article[] = kept.map((f, i) => {
    const order = i + 1;
    const { body, ending, endingNote } = joinParagraphs(f, order, neighbours, log);
    return { order, head: f.head, caption: f.caption, credit: f.credit, affiliation: f.affiliation, body, ending, endingNote };
  });
  // Moves were recorded before orders were known: give them the order of the article that holds their first line.
  const orderOfLine = new Map<number, number>();
  for (const a of articles) for (const b of a.body) if (b.kind === "paragraph") for (const p of b.pieces) orderOfLine.set(p.line, a.order);
  for (const m of moves) {
    for (let n = m.lines[0]; n <= m.lines[1] && !m.order; n++) m.order = orderOfLine.get(n) ?? 0;
  }
  const notes = kept.flatMap((f) => f.head.notes);
  return { articles, unassigned: wholeLines(unassigned, lines), joins, moves, doubts, notes };
}

/** Unassigned lines in page order, each once and whole (a line split into pieces is kept as printed). */
function wholeLines(unassigned: Unassigned[], lines: PageLine[]): Unassigned[] {
  const text = new Map(lines.map((l) => [l.n, l.text]));
  const byLine = new Map<number, Unassigned>();
  for (const u of unassigned) if (!byLine.has(u.line)) byLine.set(u.line, { ...u, text: text.get(u.line) ?? u.text });
  return [...byLine.values()].sort((x, y) => x.line - y.line);
}
