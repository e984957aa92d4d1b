/**
 * Placement: step 3 of the assembly (assemble.ts). Each headless fragment goes
 * where it fits best: as the text of a title that has none, as the opening of
 * an article that has no byline (a fragment opened by a byline is an article's
 * start), or as the end of an article whose text stops mid-sentence. Fit is
 * judged by shared subject (subjects.ts); a fragment that fits nowhere, or two
 * places almost equally, is left for assemble.ts to keep unassigned.
 */
import type { Paragraph } from "./assembly.ts";
import { bodyText, fullText, headText, isArticle, isPhoto, lastUnfinished, lineRange, textOf, titleOf, type Fragment, type Log } from "./fragment.ts";
import { moveMessages, placeWords, unassignedReasons } from "./messages.ts";
import { judgeJunction, isUnfinished, startsMidSentence } from "./sentences.ts";
import type { Cut } from "./subject-split.ts";
import { bigrams, type SubjectModel } from "./subjects.ts";

/**
 * Placing a headless fragment: among the places it could go (a title without
 * text; the start of an article without a byline, for a fragment that opens with
 * one or that stops where the article's text starts mid-sentence, unless the
 * fragment is closed by its author's unit and so ends an article; the end of an
 * article that stops mid-sentence), the best must share at least PLACE_MIN of
 * the fragment's subject, and either PLACE_SURE, or PLACE_CLEAR times as much as
 * the next best place. A fragment carries much text of its own, so what counts
 * is how clearly one place stands out.
 */
const PLACE_MIN = 0.1;
const PLACE_SURE = 0.4;
const PLACE_CLEAR = 1.5;

export type Slot = "text" | "start" | "end";

/**
 * Places headless fragments, best fit first, until none fits well enough.
 * `placedBy` records, for the first line of each placed paragraph, why it was put there.
 */
export function placeFragments(fragments: Fragment[], model: SubjectModel, log: Log, pending: Map<Fragment, Cut>, undecided: Map<Fragment, string>) {
  const { moves, unassigned, placedBy } = log;
  for (;;) {
    const orphans = fragments.filter((f) => !f.merged && !f.head.title && !isPhoto(f) && f.body.length > 0);
    const options: { o: Fragment; d: Fragment; slot: Slot; score: number; why: string }[] = [];
    for (const o of orphans) {
      const oText = bodyText(o);
      const oSet = bigrams(oText);
      const oFirst = o.body[0];
      for (const d of fragments.filter((f) => isArticle(f) && !isPhoto(f))) {
        const dFirst = d.body.find((b): b is Paragraph => b.kind === "paragraph");
        if (d.body.length === 0) {
          if (o.head.byline && d.head.byline) continue; // one byline line cannot be split between two places
          const target = bigrams(headText(d.head));
          options.push({ o, d, slot: "text", score: model.overlap(oSet, target), why: moveMessages.asText(titleOf(d), model.shared(oText, target)) });
          continue;
        }
        const dSet = bigrams(fullText(d));
        const score = model.overlap(oSet, dSet);
        const shared = () => model.shared(oText, dSet);
        if (!d.head.byline && !o.closed && (o.head.byline || (lastUnfinished(o) && dFirst && startsMidSentence(textOf(dFirst))))) {
          const why = o.head.byline ? moveMessages.opensWithByline(titleOf(d)) : moveMessages.startsMidSentence(titleOf(d));
          options.push({ o, d, slot: "start", score, why: moveMessages.withShared(why, shared()) });
        }
        const dLast = d.body.at(-1);
        if (!d.closed && !o.head.byline && oFirst?.kind === "paragraph" && dLast?.kind === "paragraph" && isUnfinished(textOf(dLast)) && judgeJunction(textOf(dLast), textOf(oFirst), log.pageText).verdict === "join") {
          options.push({ o, d, slot: "end", score: score + 0.1, why: moveMessages.continues(titleOf(d), shared()) });
        }
      }
    }
    options.sort((x, y) => y.score - x.score);
    const best = options.find((x) => !undecided.has(x.o));
    if (!best || best.score < PLACE_MIN) return;
    const { o, d, slot } = best;
    const [from, to] = lineRange(o);
    const rival = options.find((x) => x.o === o && x.d !== d);
    if (best.score < PLACE_SURE && rival && best.score < PLACE_CLEAR * rival.score) {
      undecided.set(o, moveMessages.undecided(titleOf(d), best.score, titleOf(rival.d), rival.score));
      continue;
    }
    const because = pending.get(o)?.why ?? best.why;
    if (slot === "start") d.body.unshift(...o.body);
    else d.body.push(...o.body);
    if (o.affiliation) {
      d.affiliation = o.affiliation;
      d.closed = true;
    }
    // Head lines the fragment brought along (a byline, a reading tip) go to the article when it has none.
    const where = placeWords[slot];
    for (const field of ["byline", "kicker", "column", "subtitle", "tipLabel", "readingTip"] as const) {
      const p = o.head[field];
      if (!p) continue;
      if (!d.head[field] && slot !== "end") d.head[field] = p;
      else unassigned.push({ line: p.line, text: p.text, ...unassignedReasons.cameAlong(where, titleOf(d), field) });
    }
    o.merged = true;
    const message = moveMessages.placed(from, to, where, titleOf(d), because, best.score);
    moves.push({ kind: "place", order: 0, lines: [from, to], message });
    for (const b of o.body) if (b.kind === "paragraph") placedBy.set(b.pieces[0]!.line, message);
  }
}
