/**
 * Subjects: how strongly two pieces of a page are about the same thing. A news
 * article repeats its subject (a place, an organisation, a project: 滨江区, 城市书房),
 * so two fragments of one article share character pairs that the rest of the
 * page does not use. Pairs are weighted by rarity on the page (IDF over the
 * page's fragments), so words every article uses (工会, 职工) count for little.
 *
 * The assembly's steps use it to decide which article a headless fragment continues,
 * whether a run of paragraphs changes subject, and whether a kicker belongs to the
 * article below it; the shared pairs it reports are the evidence in the report.
 */
import { words } from "./sentences.ts";

export type Bigrams = Set<string>;

/** Character pairs of Han characters, letters and digits, not across punctuation or spaces. */
export function bigrams(text: string): Bigrams {
  const out: Bigrams = new Set();
  for (const run of text.normalize("NFKC").toLowerCase().split(/[^\p{Script=Han}\p{L}\p{N}]+/u)) {
    const chars = [...run];
    // Digits say little about subject (dates, amounts) but numbers like 123 in a name do; pairs of digits are left out.
    for (let i = 0; i + 1 < chars.length; i++) {
      const pair = chars[i]! + chars[i + 1]!;
      if (!/^\d\d$/u.test(pair)) out.add(pair);
    }
  }
  return out;
}

/** A denominator floor: a line of two or three common words cannot match anything strongly. */
const FLOOR = 8;

export class SubjectModel {
  private readonly idfs = new Map<string, number>();
  /** The weight of a pair no fragment holds. */
  private readonly unseen: number;

  /** `documents`: the page's fragments as first found; rarity is counted over them. */
  constructor(documents: string[]) {
    const n = documents.length;
    const df = new Map<string, number>();
    for (const doc of documents) for (const b of bigrams(doc)) df.set(b, (df.get(b) ?? 0) + 1);
    for (const [pair, count] of df) this.idfs.set(pair, Math.log((n + 1) / count));
    this.unseen = Math.log((n + 1) / 1);
  }

  idf(pair: string): number {
    return this.idfs.get(pair) ?? this.unseen;
  }

  mass(set: Bigrams): number {
    let m = 0;
    for (const b of set) m += this.idf(b);
    return m;
  }

  /**
   * Overlap of two texts, 0…1: the weight of the pairs they share over the weight
   * of the smaller one, so a short title can match the long body it heads.
   */
  overlap(a: Bigrams, b: Bigrams): number {
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    let shared = 0;
    let mass = 0;
    for (const p of small) {
      const w = this.idf(p);
      mass += w;
      if (large.has(p)) shared += w;
    }
    return shared / Math.max(mass, FLOOR);
  }

  /** The rarest words of `text` (ICU words of two or more characters) printed in `other` too: the report's evidence. */
  shared(text: string, other: Bigrams, limit = 4): string[] {
    const scored = new Map<string, number>();
    for (const { word } of words(text.normalize("NFKC"))) {
      const pairs = [...bigrams(word)];
      if (pairs.length === 0 || !pairs.every((p) => other.has(p))) continue;
      scored.set(word, pairs.reduce((sum, p) => sum + this.idf(p), 0));
    }
    const kept: string[] = [];
    for (const [word] of [...scored.entries()].filter(([, weight]) => weight > 0.5).sort((x, y) => y[1] - x[1])) {
      if (kept.length < limit && !kept.some((k) => k.includes(word) || word.includes(k))) kept.push(word);
    }
    return kept;
  }
}
