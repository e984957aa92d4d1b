/**
 * Subject split: step 2 of the assembly (assemble.ts). A title printed with no
 * text under it is looking for its text. When the last paragraphs of another
 * article's run are about that title's subject rather than their own article's
 * (subjects.ts), they are cut off as a headless fragment, for placement.ts to
 * place (and put back where they were printed if no place is found). Only bare
 * titles in the article's neighbourhood (neighbourhood.ts) are considered.
 */
import type { Move } from "./assembly.ts";
import { bodyText, isArticle, isPhoto, lineRange, textOf, titleOf, type Fragment, type FragmentSubjects } from "./fragment.ts";
import { moveMessages } from "./messages.ts";
import { isUnfinished } from "./sentences.ts";
import { within } from "./neighbourhood.ts";
import type { Bigrams, SubjectModel } from "./subjects.ts";

/**
 * Cutting a run of paragraphs where its subject changes to that of a bare title.
 * The first paragraph cut off must lean to the bare title rather than to its own
 * article's head (by SPLIT_FIRST); each paragraph after it is scored by how much
 * more it reads like the text being cut off (the bare title and the paragraphs
 * already cut) than like the text before the cut. The lean of the first plus
 * the scores of the rest must reach SPLIT_SCORE; the earliest paragraph that
 * passes starts the cut.
 */
const SPLIT_FIRST = 0.1;
const SPLIT_SCORE = 0.3;

/** A run cut off by a subject change: where it was cut from, and why (for the report). */
export interface Cut {
  from: Fragment;
  why: string;
  move: Move;
}

export function splitBySubject(fragments: Fragment[], model: SubjectModel, subjects: FragmentSubjects, moves: Move[], pending: Map<Fragment, Cut>, reach: number) {
  const bare = fragments.filter((f) => isArticle(f) && f.body.length === 0 && !isPhoto(f)); // in reading order: no cut is made yet
  if (bare.length === 0) return;
  for (const a of fragments.filter((f) => isArticle(f) && !isPhoto(f))) {
    if (a.body.length < 2) continue; // nothing to cut: a cut leaves at least one paragraph
    const ownHead = subjects.head(a);
    let best: { j: number; h: Fragment; score: number } | undefined;
    for (const h of within(bare, a.pos, reach)) {
      if (h === a || h.merged) continue;
      const bareHead = subjects.head(h);
      // The pairs of the head and the items before j, grown as j moves on (the same set, in the same order, as those of their text joined).
      const before: Bigrams = new Set(ownHead);
      for (let j = 1; j < a.body.length; j++) {
        for (const b of subjects.item(a.body[j - 1]!)) before.add(b);
        const item = a.body[j]!;
        const prev = a.body[j - 1]!;
        if (item.kind !== "paragraph" || prev.kind !== "paragraph" || isUnfinished(textOf(prev))) continue;
        const first = subjects.item(item);
        const margin = model.overlap(first, bareHead) - model.overlap(first, ownHead);
        if (margin < SPLIT_FIRST) continue;
        const cut: Bigrams = new Set(bareHead);
        for (const b of first) cut.add(b);
        let cohesion = 0;
        for (let k = j + 1; k < a.body.length; k++) {
          const later = a.body[k]!;
          const set = subjects.item(later);
          if (later.kind === "paragraph") {
            cohesion += model.overlap(set, cut) - model.overlap(set, before);
          }
          for (const b of set) cut.add(b);
        }
        if (margin + cohesion < SPLIT_SCORE) continue;
        // The text of a bare title starts at the first paragraph that changes subject.
        if (!best || j < best.j || (j === best.j && margin + cohesion > best.score)) best = { j, h, score: margin + cohesion };
        break;
      }
    }
    if (!best) continue;
    const cut: Fragment = { head: { notes: [] }, body: a.body.splice(best.j), closed: a.closed, affiliation: a.affiliation, pos: a.pos };
    a.closed = false;
    a.affiliation = undefined;
    subjects.touch(a);
    fragments.push(cut);
    const [from, to] = lineRange(cut);
    const words = model.shared(bodyText(cut), subjects.head(best.h));
    const move: Move = { kind: "cut", order: 0, lines: [from, to], message: moveMessages.cut(titleOf(a), from) };
    moves.push(move);
    pending.set(cut, { from: a, move, why: moveMessages.cutWhy(titleOf(a), titleOf(best.h), words) });
  }
}
