/**
 * Assemble: turns the classified lines of a page into articles, in five steps.
 *
 *   1. Fragments. Lines are read in order: a head group (kicker, title, byline…,
 *      see heads.ts) opens an article; paragraphs and subheads follow it. Text
 *      with no head above it (after an article closed by its author's unit, after
 *      a photo, or opened by a byline alone) is a headless fragment.
 *   2. Subject changes. A title printed with no text under it is looking for its
 *      text. When the last paragraphs of another article's run are about that
 *      title's subject rather than their own article's (subjects.ts), they are cut
 *      off as a headless fragment.
 *   3. Placement. Each headless fragment goes where it fits best: as the text of
 *      a title that has none, as the opening of an article that has no byline
 *      (a fragment opened by a byline is an article's start), or as the end of an
 *      article whose text stops mid-sentence. Fit is judged by shared subject;
 *      a fragment that fits nowhere is left unassigned.
 *   4. Kickers. A kicker whose words belong to another article rather than the
 *      one below it is taken out (and kept, unassigned, with the reason).
 *   5. Joins. Within each article, a paragraph that stops mid-sentence is joined
 *      with the next when the break reads as one sentence (sentences.ts); when it
 *      does not, a gap marks the missing text; at the end, the article is marked
 *      as breaking off.
 *
 * Every join, move and doubt is recorded with its line numbers for the report,
 * and every piece of every line ends in exactly one article or in `unassigned`.
 */
import type { PageLine } from "./classify-lines.ts";
import { readHead, type Head } from "./heads.ts";
import { piece, type Piece, type Unassigned } from "./pieces.ts";
import { bigrams, SubjectModel } from "./subjects.ts";
import {
  endsSentence,
  firstSentence,
  isUnfinished,
  judgeJunction,
  printedLength,
  quoteEnd,
  quoteStart,
  startsMidSentence,
} from "./sentences.ts";

/** Subheads are short: 加强组织保障. A longer heading between paragraphs opens a new article. */
export const SUBHEAD_MAX = 12;

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

type Item = Paragraph | Subhead;

interface Fragment {
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
interface Log {
  unassigned: Unassigned[];
  moves: Move[];
  doubts: Doubt[];
  joins: Join[];
  /** For the first line of each moved paragraph: why it was put where it is. */
  placedBy: Map<number, string>;
  /** The whole page, one line after another: where words split by a break may be found whole. */
  pageText: string;
}

// ---------------------------------------------------------------- 1. fragments

function paragraphOf(l: PageLine): Paragraph {
  return { kind: "paragraph", pieces: [piece(l.n, "paragraph", l.body)] };
}

function readFragments(lines: PageLine[], leftovers: Unassigned[]): Fragment[] {
  const fragments: Fragment[] = [];
  let group: PageLine[] | undefined;
  let cur: Fragment | undefined;

  const open = (head: Head): Fragment => {
    const f: Fragment = { head, body: [], closed: false };
    fragments.push(f);
    cur = f;
    return f;
  };
  const flush = () => {
    if (group) open(readHead(group, leftovers));
    group = undefined;
  };
  const has = (kind: PageLine["kind"]) => group?.some((l) => l.kind === kind) ?? false;
  const headingCount = () => group?.filter((l) => l.kind === "heading").length ?? 0;
  const awaitingTip = () => group !== undefined && group.at(-1)?.kind === "tip-label" && !group.at(-1)!.tipText;
  const addParagraph = (l: PageLine) => {
    if (l.bylinePrefix) {
      const byline = piece(l.n, "byline", l.bylinePrefix);
      if (cur && !cur.closed && cur.body.length === 0 && !cur.head.byline && !cur.caption) cur.head.byline = byline;
      else open({ notes: [], byline });
    } else if (!cur || cur.closed) {
      open({ notes: [] });
    }
    if (l.body) cur!.body.push(paragraphOf(l));
    if (l.affiliation) {
      cur!.affiliation = piece(l.n, "affiliation", l.affiliation.raw, l.affiliation.value);
      cur!.closed = true;
    }
  };
  const photo = (caption: PageLine | undefined, credit: PageLine) => {
    const f = cur!;
    if (caption) f.caption = piece(caption.n, "caption", caption.text);
    f.credit = piece(credit.n, "credit", credit.text);
    f.closed = true;
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const next = lines[i + 1];
    const afterNext = lines[i + 2];
    if (group) {
      if (l.kind === "kicker") {
        if (headingCount() > 0 || has("byline")) flush(), (group = [l]);
        else group.push(l);
        continue;
      }
      if (l.kind === "heading" && !has("byline") && !has("tip-label")) {
        if (headingCount() >= 3) flush(), (group = [l]);
        else group.push(l);
        continue;
      }
      if (l.kind === "byline") {
        if (has("byline")) flush(), (group = [l]);
        else group.push(l);
        continue;
      }
      if (l.kind === "tip-label") {
        if (has("tip-label")) flush(), (group = [l]);
        else group.push(l);
        continue;
      }
      if (l.kind === "paragraph" && awaitingTip()) {
        group.push(l);
        continue;
      }
      if (l.kind === "paragraph" && next?.kind === "credit" && !has("byline") && !has("tip-label") && headingCount() > 0) {
        flush();
        photo(l, next);
        i++;
        continue;
      }
      if (l.kind === "credit") {
        flush();
        photo(undefined, l);
        continue;
      }
      flush(); // a paragraph, or a heading after a byline or tip: the body begins
    }

    switch (l.kind) {
      case "kicker":
      case "byline":
      case "tip-label":
        group = [l];
        break;
      case "heading": {
        if (cur && !cur.closed && cur.body.length === 0 && cur.head.byline && !cur.head.tipLabel) {
          addParagraph(l); // a dateline right under the byline (5月3日 星期五 晴)
          break;
        }
        const opensArticle =
          next === undefined ||
          ["heading", "kicker", "byline", "tip-label", "credit"].includes(next.kind) ||
          (next.kind === "paragraph" && (next.bylinePrefix !== undefined || afterNext?.kind === "credit"));
        const inText = cur !== undefined && !cur.closed && (cur.body.length > 0 || cur.head.tipLabel !== undefined);
        if (!opensArticle && inText && printedLength(l.text) <= SUBHEAD_MAX) cur!.body.push({ kind: "subhead", piece: piece(l.n, "subhead", l.text) });
        else group = [l];
        break;
      }
      case "paragraph":
        if (next?.kind === "credit") {
          open({ notes: [] });
          photo(l, next);
          i++;
        } else addParagraph(l);
        break;
      case "credit":
        leftovers.push({ line: l.n, text: l.text, reason: "a photo credit with no caption or title above it", reasonZh: "这一行是图片署名,但上方没有图片说明或标题,无法确定属于哪张图片" });
        break;
    }
  }
  flush();
  return fragments;
}

// ---------------------------------------------------------------- text helpers

const textOf = (p: Paragraph): string => p.pieces.map((x) => x.text).join("");
const itemText = (b: Item): string => (b.kind === "paragraph" ? textOf(b) : b.piece.text);
const headText = (h: Head, withKicker = true): string => [withKicker ? h.kicker?.text : undefined, h.title?.text, h.subtitle?.text, h.readingTip?.text].filter(Boolean).join("\n");
const bodyText = (f: Fragment): string => f.body.map((b) => (b.kind === "paragraph" ? textOf(b) : b.piece.text)).join("\n");
const fullText = (f: Fragment, withKicker = true): string => [headText(f.head, withKicker), bodyText(f), f.caption?.text ?? ""].join("\n");
const lineRange = (f: Fragment): [number, number] => {
  const ns = f.body.flatMap((b) => (b.kind === "paragraph" ? b.pieces.map((p) => p.line) : [b.piece.line]));
  if (f.head.byline) ns.push(f.head.byline.line);
  return [Math.min(...ns), Math.max(...ns)];
};
const isArticle = (f: Fragment): f is Fragment & { head: { title: Piece } } => f.head.title !== undefined && !f.merged;
const isPhoto = (f: Fragment) => f.caption !== undefined || f.credit !== undefined;
const lastUnfinished = (f: Fragment): boolean => {
  const last = f.body.at(-1);
  return last?.kind === "paragraph" && isUnfinished(textOf(last));
};
const titleOf = (f: Fragment) => `《${f.head.title?.text ?? "?"}》`;
const fmt = (x: number) => x.toFixed(2);

// ---------------------------------------------------------------- 2. subject changes

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
interface Cut {
  from: Fragment;
  why: string;
  move: Move;
}

function splitBySubject(fragments: Fragment[], model: SubjectModel, moves: Move[], pending: Map<Fragment, Cut>) {
  const bare = fragments.filter((f) => isArticle(f) && f.body.length === 0 && !isPhoto(f));
  if (bare.length === 0) return;
  for (const a of fragments.filter((f) => isArticle(f) && !isPhoto(f))) {
    const ownHead = headText(a.head);
    let best: { j: number; h: Fragment; score: number } | undefined;
    for (const h of bare) {
      if (h === a || h.merged) continue;
      const bareHead = headText(h.head);
      for (let j = 1; j < a.body.length; j++) {
        const item = a.body[j]!;
        const prev = a.body[j - 1]!;
        if (item.kind !== "paragraph" || prev.kind !== "paragraph" || isUnfinished(textOf(prev))) continue;
        const first = bigrams(textOf(item));
        const margin = model.overlap(first, bigrams(bareHead)) - model.overlap(first, bigrams(ownHead));
        if (margin < SPLIT_FIRST) continue;
        const before = bigrams([ownHead, ...a.body.slice(0, j).map(itemText)].join("\n"));
        const cut = bigrams([bareHead, textOf(item)].join("\n"));
        let cohesion = 0;
        for (const later of a.body.slice(j + 1)) {
          const set = bigrams(itemText(later));
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
    const cut: Fragment = { head: { notes: [] }, body: a.body.splice(best.j), closed: a.closed, affiliation: a.affiliation };
    a.closed = false;
    a.affiliation = undefined;
    fragments.push(cut);
    const [from, to] = lineRange(cut);
    const words = model.shared(bodyText(cut), bigrams(headText(best.h.head)));
    const move: Move = { kind: "cut", order: 0, lines: [from, to], message: `cut from ${titleOf(a)} at line ${from}: the text changes subject there` };
    moves.push(move);
    pending.set(cut, { from: a, move, why: `they follow ${titleOf(a)} with no heading between, but their subject is that of the bare title ${titleOf(best.h)} (shared: ${words.join(", ")})` });
  }
}

// ---------------------------------------------------------------- 3. placement

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

type Slot = "text" | "start" | "end";

/**
 * Places headless fragments, best fit first, until none fits well enough.
 * `placedBy` records, for the first line of each placed paragraph, why it was put there.
 */
function placeFragments(fragments: Fragment[], model: SubjectModel, log: Log, pending: Map<Fragment, Cut>, undecided: Map<Fragment, string>) {
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
          options.push({ o, d, slot: "text", score: model.overlap(oSet, target), why: `it is the text of ${titleOf(d)}, which has none (shared: ${model.shared(oText, target).join(", ")})` });
          continue;
        }
        const dSet = bigrams(fullText(d));
        const score = model.overlap(oSet, dSet);
        const shared = () => model.shared(oText, dSet).join(", ");
        if (!d.head.byline && !o.closed && (o.head.byline || (lastUnfinished(o) && dFirst && startsMidSentence(textOf(dFirst))))) {
          const why = o.head.byline ? `it opens with a byline, so it is the start of an article, and ${titleOf(d)} has none` : `it stops mid-sentence and ${titleOf(d)}'s text starts mid-sentence`;
          options.push({ o, d, slot: "start", score, why: `${why} (shared: ${shared()})` });
        }
        const dLast = d.body.at(-1);
        if (!d.closed && !o.head.byline && oFirst?.kind === "paragraph" && dLast?.kind === "paragraph" && isUnfinished(textOf(dLast)) && judgeJunction(textOf(dLast), textOf(oFirst), log.pageText).verdict === "join") {
          options.push({ o, d, slot: "end", score: score + 0.1, why: `${titleOf(d)} stops mid-sentence and this text continues it (shared: ${shared()})` });
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
      undecided.set(o, `it fits ${titleOf(d)} (overlap ${fmt(best.score)}) hardly better than ${titleOf(rival.d)} (${fmt(rival.score)})`);
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
    const where = slot === "start" ? "at the start of" : slot === "end" ? "at the end of" : "as the text of";
    for (const field of ["byline", "kicker", "column", "subtitle", "tipLabel", "readingTip"] as const) {
      const p = o.head[field];
      if (!p) continue;
      if (!d.head[field] && slot !== "end") d.head[field] = p;
      else unassigned.push({ line: p.line, text: p.text, reason: `came with the text placed ${where} ${titleOf(d)}, which already has its ${field}`, reasonZh: `这一行随一段文字归入${titleOf(d)},但该稿已有同类内容,无法确定其作用` });
    }
    o.merged = true;
    const message = `lines ${from}–${to} placed ${where} ${titleOf(d)}: ${because} (overlap ${fmt(best.score)})`;
    moves.push({ kind: "place", order: 0, lines: [from, to], message });
    for (const b of o.body) if (b.kind === "paragraph") placedBy.set(b.pieces[0]!.line, message);
  }
}

// ---------------------------------------------------------------- 4. kickers

/** A kicker is kept unless another article matches it this many times better, and well. */
const KICKER_RATIO = 2;
const KICKER_OTHER_MIN = 0.3;

function checkKickers(articles: Fragment[], model: SubjectModel, unassigned: Unassigned[]) {
  for (const a of articles) {
    const k = a.head.kicker;
    if (!k) continue;
    const kSet = bigrams(k.text);
    const own = model.overlap(kSet, bigrams(fullText(a, false)));
    let best: { f: Fragment; score: number } | undefined;
    for (const other of articles) {
      if (other === a) continue;
      const score = model.overlap(kSet, bigrams(fullText(other, false)));
      if (!best || score > best.score) best = { f: other, score };
    }
    if (best && best.score >= KICKER_OTHER_MIN && best.score >= KICKER_RATIO * own) {
      a.head.kicker = undefined;
      const words = model.shared(k.text, bigrams(fullText(best.f, false))).join(", ");
      unassigned.push({
        line: k.line,
        text: k.text,
        reason: `looks like the kicker of ${titleOf(a)} below it, but its words belong to ${titleOf(best.f)} (overlap ${fmt(best.score)} against ${fmt(own)}; shared: ${words})`,
        reasonZh: `这一行像是下方稿件${titleOf(a)}的引题,但其用词与该稿不符,反而与本版稿件${titleOf(best.f)}相近;不能确定它属于哪篇稿件,因此不归入任何一篇。`,
      });
    }
  }
}

// ---------------------------------------------------------------- 5. joins

function joinParagraphs(a: Fragment, order: number, neighbours: Map<number, number>, log: Log): { body: Block[]; ending: Article["ending"]; endingNote?: string } {
  const { joins, doubts, placedBy } = log;
  const body: Block[] = [];
  const items = a.body;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === "subhead") {
      const prev = body.at(-1);
      if (prev?.kind === "paragraph" && isUnfinished(textOf(prev))) {
        const last = prev.pieces.at(-1)!.line;
        body.push({ kind: "gap", note: `原文此处缺失(“${quoteEnd(textOf(prev), 10)}”之后的文字不在本版)`, lines: [last, item.piece.line] });
        doubts.push({ order, lines: [last], message: `line ${last} stops mid-sentence (“${quoteEnd(textOf(prev))}”) right before the subhead on line ${item.piece.line}: text is missing; a gap marks it` });
      }
      body.push(item);
      continue;
    }
    const prev = body.at(-1);
    const text = textOf(item);
    const firstLine = item.pieces[0]!.line;
    if (prev?.kind === "paragraph" && isUnfinished(textOf(prev))) {
      const before = textOf(prev);
      const lastLine = prev.pieces.at(-1)!.line;
      const j = judgeJunction(before, text, log.pageText);
      if (j.verdict === "join") {
        const evidence = [`line ${lastLine} stops mid-sentence: “${quoteEnd(before)}”`];
        const opening = firstSentence(text);
        const mid = startsMidSentence(text);
        if (j.healedWord) evidence.push(`the break splits the word “${j.healedWord}”`);
        if (mid === "strong") evidence.push(`line ${firstLine} cannot start a sentence: “${quoteStart(text)}”`);
        else if (printedLength(opening) <= 8 && endsSentence(opening)) evidence.push(`line ${firstLine} opens with “${opening}”, not a sentence on its own`);
        else evidence.push(`line ${firstLine} continues it: “${quoteStart(text)}”`);
        evidence.push(neighbours.get(lastLine) === firstLine ? "the two lines are next to each other in the file" : placedBy.get(firstLine) ?? placedBy.get(lastLine) ?? "the two lines are far apart in the file");
        joins.push({ order, lines: [lastLine, firstLine], evidence });
        prev.pieces.push(...item.pieces);
        continue;
      }
      body.push({ kind: "gap", note: `原文此处缺失(“${quoteEnd(before, 10)}”之后的文字不在本版;下一段“${quoteStart(text, 10)}”接不上前句,中间内容未补写)`, lines: [lastLine, firstLine] });
      doubts.push({
        order,
        lines: [lastLine, firstLine],
        message: `line ${lastLine} stops mid-sentence (“${quoteEnd(before)}”) and line ${firstLine} (“${quoteStart(text)}”) does not read as its continuation: the break leaves “${j.stray![0]}” and “${j.stray![1]}”, which make no word; a gap marks the missing text — check`,
      });
    } else if (startsMidSentence(text) === "strong") {
      doubts.push({ order, lines: [firstLine], message: `line ${firstLine} seems to start mid-sentence (“${quoteStart(text)}”), but nothing before it stops mid-sentence: its beginning may be missing` });
    }
    body.push({ kind: "paragraph", pieces: [...item.pieces] });
  }
  const last = body.at(-1);
  if (last?.kind === "paragraph" && isUnfinished(textOf(last))) {
    const line = last.pieces.at(-1)!.line;
    doubts.push({ order, lines: [line], message: `the text ends mid-sentence on line ${line} (“${quoteEnd(textOf(last))}”) and nothing on the page continues it: marked as breaking off` });
    return { body, ending: "breaks-off", endingNote: `正文止于“${quoteEnd(textOf(last), 16).replace(/^…/u, "")}”,句子未完;本版没有下文,也没有转版说明。` };
  }
  return { body, ending: "complete" };
}

// ---------------------------------------------------------------- the whole

function orphanPieces(f: Fragment): Piece[] {
  const h = f.head;
  return [h.kicker, h.column, h.title, h.subtitle, h.byline, h.tipLabel, h.readingTip, ...f.body.flatMap((b) => (b.kind === "paragraph" ? b.pieces : [b.piece])), f.caption, f.credit, f.affiliation].filter((p): p is Piece => p !== undefined);
}

export function assemble(lines: PageLine[]): Assembly {
  const log: Log = { unassigned: [], moves: [], doubts: [], joins: [], placedBy: new Map(), pageText: lines.map((l) => l.text).join("\n") };
  const { unassigned, moves, doubts, joins } = log;
  const neighbours = new Map<number, number>();
  lines.forEach((l, i) => {
    const next = lines[i + 1];
    if (next) neighbours.set(l.n, next.n);
  });

  const fragments = readFragments(lines, unassigned);
  const model = new SubjectModel(fragments.map((f) => fullText(f)));
  const pending = new Map<Fragment, Cut>();
  splitBySubject(fragments, model, moves, pending);
  const undecided = new Map<Fragment, string>();
  placeFragments(fragments, model, log, pending, undecided);
  // A run cut off by a subject change that found no place goes back where it was printed.
  for (const [cut, { from, move }] of pending) {
    if (cut.merged) continue;
    from.body.push(...cut.body);
    if (cut.affiliation) (from.affiliation = cut.affiliation), (from.closed = true);
    cut.merged = true;
    moves.splice(moves.indexOf(move), 1);
  }

  // Fragments that found no place, and titles that found no text, are kept unassigned.
  for (const f of fragments) {
    if (f.merged) continue;
    if (!f.head.title) {
      const [from, to] = f.body.length ? lineRange(f) : [0, 0];
      const doubt = undecided.get(f);
      const what = isPhoto(f)
        ? "a photo caption or credit with no title"
        : f.body.length
          ? `text with no heading (lines ${from}–${to}) that no article on the page clearly continues${doubt ? `: ${doubt}` : ""}`
          : "a head with no title";
      const whatZh = isPhoto(f) ? "图片说明或署名,上方没有标题" : f.body.length ? "这段文字没有标题,也无法确定是本版哪篇稿件的一部分" : "标题以外的标题区文字,下方没有标题";
      for (const p of orphanPieces(f)) unassigned.push({ line: p.line, text: p.text, reason: what, reasonZh: whatZh });
      f.merged = true;
    } else if (f.body.length === 0 && !isPhoto(f)) {
      for (const p of orphanPieces(f)) {
        unassigned.push({ line: p.line, text: p.text, reason: `a title with no text found for it on the page (${titleOf(f)})`, reasonZh: `标题${titleOf(f)}在本版找不到对应的正文` });
      }
      f.merged = true;
    }
  }

  const kept = fragments.filter(isArticle).sort((x, y) => x.head.title.line - y.head.title.line);
  checkKickers(kept, model, unassigned);

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

/** Every piece an article holds, in reading order (head, body, then photo and author's unit). */
export function articlePieces(a: Article): Piece[] {
  const h = a.head;
  return [h.column, h.kicker, h.title, h.subtitle, h.byline, h.tipLabel, h.readingTip, ...a.body.flatMap((b) => (b.kind === "paragraph" ? b.pieces : b.kind === "subhead" ? [b.piece] : [])), a.caption, a.credit, a.affiliation].filter(
    (p): p is Piece => p !== undefined,
  );
}

export { textOf as paragraphText };
