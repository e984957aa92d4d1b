/**
 * Joins: step 5 of the assembly (assemble.ts). Within each article, a
 * paragraph that stops mid-sentence is joined with the next when the break
 * reads as one sentence (sentences.ts); when it does not, a gap marks the
 * missing text; at the end, the article is marked as breaking off. Every join
 * is recorded with its evidence, every gap and break as a doubt.
 */
import type { Article, Block, Paragraph } from "./assembly.ts";
import { textOf, type Fragment, type Log } from "./fragment.ts";
import { doubtMessages, draftNotes, joinEvidence } from "./messages.ts";
import { endsSentence, firstSentence, isUnfinished, judgeJunction, printedLength, startsMidSentence } from "./sentences.ts";

export function joinParagraphs(a: Fragment, order: number, neighbours: Map<number, number>, log: Log): { body: Block[]; ending: Article["ending"]; endingNote?: string } {
  const { joins, doubts, placedBy } = log;
  const body: Block[] = [];
  /** The text of the last paragraph of `body`, kept as it grows (a paragraph of many joined lines is not put together again at each line). */
  const texts = new Map<Paragraph, string>();
  const textOfBuilt = (p: Paragraph) => texts.get(p) ?? textOf(p);
  const items = a.body;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === "subhead") {
      const prev = body.at(-1);
      if (prev?.kind === "paragraph" && isUnfinished(textOfBuilt(prev))) {
        const last = prev.pieces.at(-1)!.line;
        body.push({ kind: "gap", note: draftNotes.gapBeforeSubhead(textOfBuilt(prev)), lines: [last, item.piece.line] });
        doubts.push({ order, lines: [last], message: doubtMessages.beforeSubhead(last, textOfBuilt(prev), item.piece.line) });
      }
      body.push(item);
      continue;
    }
    const prev = body.at(-1);
    const text = textOf(item);
    const firstLine = item.pieces[0]!.line;
    if (prev?.kind === "paragraph" && isUnfinished(textOfBuilt(prev))) {
      const before = textOfBuilt(prev);
      const lastLine = prev.pieces.at(-1)!.line;
      const j = judgeJunction(before, text, log.pagePairs);
      if (j.verdict === "join") {
        const evidence = [joinEvidence.stops(lastLine, before)];
        const opening = firstSentence(text);
        const mid = startsMidSentence(text);
        if (j.healedWord) evidence.push(joinEvidence.splitsWord(j.healedWord));
        if (mid === "strong") evidence.push(joinEvidence.cannotStart(firstLine, text));
        else if (printedLength(opening) <= 8 && endsSentence(opening)) evidence.push(joinEvidence.opensWith(firstLine, opening));
        else evidence.push(joinEvidence.continuesIt(firstLine, text));
        evidence.push(neighbours.get(lastLine) === firstLine ? joinEvidence.adjacent() : placedBy.get(firstLine) ?? placedBy.get(lastLine) ?? joinEvidence.farApart());
        joins.push({ order, lines: [lastLine, firstLine], evidence });
        prev.pieces.push(...item.pieces);
        texts.set(prev, before + text);
        continue;
      }
      body.push({ kind: "gap", note: draftNotes.gap(before, text), lines: [lastLine, firstLine] });
      doubts.push({ order, lines: [lastLine, firstLine], message: doubtMessages.noContinuation(lastLine, before, firstLine, text, j.stray!) });
    } else if (startsMidSentence(text) === "strong") {
      doubts.push({ order, lines: [firstLine], message: doubtMessages.startsMidSentence(firstLine, text) });
    }
    const built: Paragraph = { kind: "paragraph", pieces: [...item.pieces] };
    texts.set(built, text);
    body.push(built);
  }
  const last = body.at(-1);
  if (last?.kind === "paragraph" && isUnfinished(textOfBuilt(last))) {
    const line = last.pieces.at(-1)!.line;
    doubts.push({ order, lines: [line], message: doubtMessages.breaksOff(line, textOfBuilt(last)) });
    return { body, ending: "breaks-off", endingNote: draftNotes.breaksOff(textOfBuilt(last)) };
  }
  return { body, ending: "complete" };
}
