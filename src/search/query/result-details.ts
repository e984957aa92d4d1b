/**
 * Result details: what a results list shows of a hit (title, URL, date, page, column,
 * people and a snippet with the matches marked, snippets.ts), from the docs parts of
 * the hits shown, which are loaded only then. Never rejects: a result whose part
 * cannot be loaded is left out and reported in the response's problems.
 */
import { docRef } from "../format/index-format.ts";
import type { SearchDocument } from "../format/documents.ts";
import type { IndexLoader } from "./index-loader.ts";
import { wordPatterns } from "./query-parser.ts";
import type { SearchResponse } from "./query-engine.ts";
import { tokenizeNormalized } from "../analysis/analyzer.ts";
import { patternOf, type Pattern } from "../analysis/pattern.ts";
import { failureOf } from "./search-failure.ts";
import { highlight, makeSnippet, type Range, type Snippet } from "./snippets.ts";

export interface SearchResult {
  doc: number;
  id: string;
  title: string;
  /** Relative to the site root. */
  url: string;
  date: string | null;
  /** The date as the site shows it, when documents.json gives one. */
  dateLabel?: string;
  page: { id: string; label: string };
  column?: string;
  people: string[];
  score: number;
  tier: number;
  /** Match ranges in the title. */
  titleRanges: Range[];
  snippet: Snippet;
  /** The words this article matched (normalized), which the title and snippet mark. */
  words: string[];
  /** A partial match: the query's words it lacks. */
  lacks?: string[];
}

/**
 * Details for hits[offset, offset + limit) (with `partial: true`, for the partial
 * matches): loads their docs parts and makes snippets, marking the words each article
 * matched. Never rejects; a result whose part cannot be loaded is left out and reported.
 */
export async function resultDetails(index: IndexLoader, response: SearchResponse, offset = 0, limit = 10, options: { partial?: boolean } = {}): Promise<SearchResult[]> {
  const listed: Array<{ doc: number; score: number; tier: number; words?: string[]; lacks?: string[] }> = options.partial
    ? (response.partial ?? []).map((p) => ({ doc: p.doc, score: 0, tier: 0, words: p.holds, lacks: p.lacks }))
    : response.hits;
  const slice = listed.slice(Math.max(0, offset), Math.max(0, offset) + Math.max(0, limit));
  let docs: Map<number, SearchDocument>;
  try {
    docs = await index.documents(slice.map((h) => h.doc));
  } catch (e) {
    const failure = (response.failure ??= failureOf(e));
    response.problems.push(`could not load results: ${failure.message}`);
    return [];
  }
  const queryWords = wordPatterns(response.query);
  const patternsOf = (words: readonly string[]) => words.map((w) => patternOf(tokenizeNormalized(w).tokens)).filter((p): p is Pattern => p !== null);
  const out: SearchResult[] = [];
  for (const hit of slice) {
    const doc = docs.get(hit.doc);
    if (!doc) {
      const message = `article ${docRef(hit.doc)} missing from the index`;
      response.failure ??= { kind: "index-unavailable", message };
      response.problems.push(message);
      continue;
    }
    // What this article matched: its runs as the words of its split, when they were cut.
    const patterns = hit.words ? patternsOf(hit.words) : queryWords;
    const result: SearchResult = {
      doc: hit.doc,
      id: doc.id,
      title: doc.title,
      url: doc.url,
      date: doc.date,
      page: doc.page,
      people: doc.people.map((p) => p.name),
      score: hit.score,
      tier: hit.tier,
      titleRanges: safe(() => highlight(doc.title, patterns), []),
      snippet: safe(() => makeSnippet(doc, patterns), { text: doc.body[0] ?? "", ranges: [] }),
      words: hit.words ?? response.query.parts.flatMap((p) => p.words.map((w) => w.text)),
    };
    if (hit.lacks) result.lacks = hit.lacks;
    if (doc.column !== undefined) result.column = doc.column;
    if (doc.dateLabel !== undefined) result.dateLabel = doc.dateLabel;
    out.push(result);
  }
  return out;
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
