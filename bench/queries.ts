/**
 * The benchmark's queries and what is true about them: a fixed list of common words,
 * then known items (seeded random substrings of articles, the same every run), and
 * for each the articles that really contain it, found by plain substring search over
 * the normalized text of each field (normalize.ts, the fields and paragraphs of
 * fields.ts, as the index sees them), so every engine is shown against the same count.
 */
import type { SearchDocument } from "../src/search/format/documents.ts";
import { fieldSegments } from "../src/search/analysis/fields.ts";
import { normalize } from "../src/search/analysis/normalize.ts";
import { seededRandom } from "../tools/seeded-random.ts";

export const COMMON_QUERIES = ["高质量发展", "乡村振兴", "人工智能", "新质生产力", "碳达峰", "联合国", "长江经济带"];
export const KNOWN_ITEMS = 20;
const SEED = 20240115;

export interface BenchQuery {
  q: string;
  kind: "common" | "known-item";
  /** For a known item: the article (number) the substring was drawn from. */
  source?: number;
  /** Articles whose normalized text contains the normalized query (in one field segment). */
  containing: number[];
}

/** The same seeded generator as the tests, so the known items are the same every run. */
const seeded = seededRandom;

/** Every article's searchable text, normalized, one string per field segment. */
export function normalizedSegments(documents: readonly SearchDocument[]): string[][] {
  return documents.map((d) => fieldSegments(d).flat().map((s) => normalize(s)));
}

export function containing(segments: readonly string[][], q: string): number[] {
  const needle = normalize(q);
  const out: number[] = [];
  segments.forEach((texts, n) => texts.some((t) => t.includes(needle)) && out.push(n));
  return out;
}

/**
 * Known items: an article drawn at random, then a run of Chinese characters in its title
 * or body, then a substring of 4 to 8 characters of it (what a reader remembers of an
 * article; shorter strings are mostly common words, covered by the fixed list).
 */
export function drawKnownItems(documents: ReadonlyArray<Pick<SearchDocument, "title" | "body">>, count: number, seed = SEED): Array<{ q: string; source: number }> {
  const rnd = seeded(seed);
  const out: Array<{ q: string; source: number }> = [];
  for (let guard = 0; out.length < count && guard < count * 100; guard++) {
    const source = Math.floor(rnd() * documents.length);
    const d = documents[source]!;
    const runs = [d.title, ...d.body].flatMap((t) => [...t.matchAll(/\p{sc=Han}{4,}/gu)].map((m) => [...m[0]]));
    if (runs.length === 0) continue;
    const run = runs[Math.floor(rnd() * runs.length)]!;
    const length = 4 + Math.floor(rnd() * (Math.min(8, run.length) - 3));
    const start = Math.floor(rnd() * (run.length - length + 1));
    const q = run.slice(start, start + length).join("");
    if (out.some((x) => x.q === q)) continue;
    out.push({ q, source });
  }
  return out;
}

export function benchQueries(documents: readonly SearchDocument[]): BenchQuery[] {
  const segments = normalizedSegments(documents);
  return [
    ...COMMON_QUERIES.map((q): BenchQuery => ({ q, kind: "common", containing: containing(segments, q) })),
    ...drawKnownItems(documents, KNOWN_ITEMS).map(({ q, source }): BenchQuery => ({ q, kind: "known-item", source, containing: containing(segments, q) })),
  ];
}
