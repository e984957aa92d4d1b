/**
 * Kickers: step 4 of the assembly (assemble.ts). A kicker (引题) whose words
 * belong to another article rather than the one below it is taken out, and kept
 * unassigned with the reason: the page prints it above the wrong article, or it
 * belongs to an article that is not on the page.
 */
import { fullText, titleOf, type Fragment } from "./fragment.ts";
import { unassignedReasons } from "./messages.ts";
import type { Unassigned } from "./pieces.ts";
import { bigrams, type SubjectModel } from "./subjects.ts";

/** A kicker is kept unless another article matches it this many times better, and well. */
const KICKER_RATIO = 2;
const KICKER_OTHER_MIN = 0.3;

export function checkKickers(articles: Fragment[], model: SubjectModel, unassigned: Unassigned[]) {
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
      unassigned.push({ line: k.line, text: k.text, ...unassignedReasons.kickerElsewhere(titleOf(a), titleOf(best.f), best.score, own, words) });
    }
  }
}
