/**
 * Kickers: step 4 of the assembly (assemble.ts). A kicker (引题) whose words
 * belong to another article rather than the one below it is taken out, and kept
 * unassigned with the reason: the page prints it above the wrong article, or it
 * belongs to an article that is not on the page. A kicker is weighed against
 * the articles within `reach` of it in page order (neighbourhood.ts).
 */
import { titleOf, type Fragment, type FragmentSubjects } from "./fragment.ts";
import { unassignedReasons } from "./messages.ts";
import type { Unassigned } from "./pieces.ts";
import { bigrams, type SubjectModel } from "./subjects.ts";

/** A kicker is kept unless another article matches it this many times better, and well. */
const KICKER_RATIO = 2;
const KICKER_OTHER_MIN = 0.3;

/** `articles` in page order. */
export function checkKickers(articles: Fragment[], model: SubjectModel, subjects: FragmentSubjects, unassigned: Unassigned[], reach: number) {
  articles.forEach((a, i) => {
    const k = a.head.kicker;
    if (!k) return;
    const kSet = bigrams(k.text);
    const own = model.overlap(kSet, subjects.withoutKicker(a));
    let best: { f: Fragment; score: number } | undefined;
    for (let n = Math.max(0, i - reach); n <= Math.min(articles.length - 1, i + reach); n++) {
      const other = articles[n]!;
      if (other === a) continue;
      const score = model.overlap(kSet, subjects.withoutKicker(other));
      if (!best || score > best.score) best = { f: other, score };
    }
    if (best && best.score >= KICKER_OTHER_MIN && best.score >= KICKER_RATIO * own) {
      a.head.kicker = undefined;
      const words = model.shared(k.text, subjects.withoutKicker(best.f)).join(", ");
      unassigned.push({ line: k.line, text: k.text, ...unassignedReasons.kickerElsewhere(titleOf(a), titleOf(best.f), best.score, own, words) });
    }
  });
}
