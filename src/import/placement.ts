/**
 * Placement: step 3 of the assembly (assemble.ts). Each headless fragment goes
 * where it fits best: as the text of a title that has none, as the opening of
 * an article that has no byline (a fragment opened by a byline is an article's
 * start), or as the end of an article whose text stops mid-sentence. Fit is
 * judged by shared subject (subjects.ts); a fragment that fits nowhere, or two
 * places almost equally, is left for assemble.ts to keep unassigned.
 *
 * The places are weighed once, and again only for an article that received
 * text; the best is taken from a heap. Each fragment is weighed against the
 * articles of its neighbourhood (neighbourhood.ts).
 */
import type { Paragraph } from "./assembly.ts";
import { bodyText, headText, isArticle, isPhoto, lastUnfinished, lineRange, textOf, titleOf, type Fragment, type FragmentSubjects, type Log } from "./fragment.ts";
import { moveMessages, placeWords, unassignedReasons } from "./messages.ts";
import { judgeJunction, isUnfinished, startsMidSentence } from "./sentences.ts";
import type { Cut } from "./subject-split.ts";
import { byPos, within } from "./neighbourhood.ts";
import type { SubjectModel } from "./subjects.ts";

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

interface Option {
  o: Fragment;
  d: Fragment;
  slot: Slot;
  score: number;
  /** Why the fragment goes there (for the report), worded only when it does. */
  why: () => string;
  /** Ties are settled by where the fragment, the article and the slot come (fragments' order, text|start before end). */
  oi: number;
  di: number;
  si: number;
  /** The article's version when weighed: a changed article is weighed again. */
  version: number;
}

/** `x` comes before `y`: a higher score, else the earlier fragment, article, slot. */
const before = (x: Option, y: Option) => x.score > y.score || (x.score === y.score && (x.oi - y.oi || x.di - y.di || x.si - y.si) < 0);

/** A binary heap of options, best first. */
class Heap {
  private readonly items: Option[] = [];
  push(x: Option) {
    const a = this.items;
    a.push(x);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!before(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): Option | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

export interface PlacementContext {
  model: SubjectModel;
  subjects: FragmentSubjects;
  log: Log;
  pending: Map<Fragment, Cut>;
  undecided: Map<Fragment, string>;
  /** How far a fragment may go (neighbourhood.ts). */
  reach: number;
}

/**
 * Places headless fragments, best fit first, until none fits well enough.
 * `placedBy` records, for the first line of each placed paragraph, why it was put there.
 */
export function placeFragments(fragments: Fragment[], ctx: PlacementContext) {
  const { model, subjects, log, pending, undecided, reach } = ctx;
  const { moves, unassigned, placedBy } = log;
  const index = new Map(fragments.map((f, i) => [f, i]));
  const orphans = fragments.filter((f) => !f.merged && !f.head.title && !isPhoto(f) && f.body.length > 0);
  const places = fragments.filter((f) => isArticle(f) && !isPhoto(f));
  const orphansByPos = byPos(orphans);
  const placesByPos = byPos(places);
  const version = new Map<Fragment, number>(places.map((d) => [d, 0]));
  /** For each fragment, its options at each article as last weighed. */
  const current = new Map<Fragment, Map<Fragment, Option[]>>(orphans.map((o) => [o, new Map()]));
  const heap = new Heap();

  const weigh = (o: Fragment, d: Fragment): Option[] => {
    const oText = bodyText(o);
    const oSet = subjects.body(o);
    const oFirst = o.body[0];
    const base = { o, d, oi: index.get(o)!, di: index.get(d)!, version: version.get(d)! };
    const dFirst = d.body.find((b): b is Paragraph => b.kind === "paragraph");
    if (d.body.length === 0) {
      if (o.head.byline && d.head.byline) return []; // one byline line cannot be split between two places
      const target = subjects.head(d);
      return [{ ...base, slot: "text", si: 0, score: model.overlap(oSet, target), why: () => moveMessages.asText(titleOf(d), model.shared(oText, target)) }];
    }
    const out: Option[] = [];
    const dSet = subjects.full(d);
    const score = model.overlap(oSet, dSet);
    const shared = () => model.shared(oText, dSet);
    if (!d.head.byline && !o.closed && (o.head.byline || (lastUnfinished(o) && dFirst && startsMidSentence(textOf(dFirst))))) {
      const why = o.head.byline ? moveMessages.opensWithByline(titleOf(d)) : moveMessages.startsMidSentence(titleOf(d));
      out.push({ ...base, slot: "start", si: 0, score, why: () => moveMessages.withShared(why, shared()) });
    }
    const dLast = d.body.at(-1);
    if (!d.closed && !o.head.byline && oFirst?.kind === "paragraph" && dLast?.kind === "paragraph" && isUnfinished(textOf(dLast)) && judgeJunction(textOf(dLast), textOf(oFirst), log.pagePairs).verdict === "join") {
      out.push({ ...base, slot: "end", si: 1, score: score + 0.1, why: () => moveMessages.continues(titleOf(d), shared()) });
    }
    return out;
  };
  const reweigh = (o: Fragment, d: Fragment) => {
    const options = weigh(o, d);
    current.get(o)!.set(d, options);
    for (const x of options) heap.push(x);
  };
  for (const o of orphans) for (const d of within(placesByPos, o.pos, reach)) reweigh(o, d);

  for (;;) {
    let best: Option | undefined;
    while ((best = heap.pop()) && (best.o.merged || undecided.has(best.o) || best.version !== version.get(best.d)));
    if (!best || best.score < PLACE_MIN) return;
    const { o, d, slot } = best;
    const [from, to] = lineRange(o);
    let rival: Option | undefined;
    for (const [other, options] of current.get(o)!) if (other !== d) for (const x of options) if (!rival || before(x, rival)) rival = x;
    if (best.score < PLACE_SURE && rival && best.score < PLACE_CLEAR * rival.score) {
      undecided.set(o, moveMessages.undecided(titleOf(d), best.score, titleOf(rival.d), rival.score));
      continue;
    }
    const because = pending.get(o)?.why ?? best.why();
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
    // The article changed: weigh it again for the fragments still looking for a place.
    subjects.touch(d);
    version.set(d, version.get(d)! + 1);
    for (const other of within(orphansByPos, d.pos, reach)) if (!other.merged && !undecided.has(other)) reweigh(other, d);
  }
}
