/**
 * Keyword queries: the benchmark's keyword section, over the judged keyword set
 * (test/fixtures/queries/corpus-keyword-dev.json: two or three remembered words of one
 * article typed together, spaced, reversed or in traditional characters) on the archive of
 * the set's size (the first 10,000 corpus articles). For Banmian, Pagefind and
 * lunr-languages side by side: for how many queries every relevant article is among the
 * first ten results, how many come back empty, and what a first query on a cold page
 * fetches (Banmian and Pagefind: bytes on the wire of one cold run per query, in the
 * browser; lunr-languages: its one index file, which every first query needs whole).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import type { CorpusArticle } from "../src/content/corpus.ts";
import { coldRun, interleavedPass, type System } from "./browser-bench.ts";
import { ROOT } from "./context.ts";
import type { BenchServer } from "./server.ts";
import { median } from "./stats.ts";

export interface KeywordQuery {
  kind: string;
  q: string;
  /** Corpus ids of every article holding all the words. */
  relevant: string[];
}

export interface KeywordSet {
  /** The number of corpus articles the set was judged on. */
  n: number;
  queries: KeywordQuery[];
}

/** One system's answers to the keyword set. */
export interface KeywordSystem {
  /** Queries whose relevant articles are all among the first ten results. */
  allRelevantInTop10: number;
  /** Queries with no result. */
  zeroResults: number;
  /** What a first query on a cold page fetched, gzip: median and largest over the queries. */
  coldWireMedian: number;
  coldWireMax: number;
  /** The queries missing a relevant article from their first ten, and the empty ones. */
  misses: string[];
  empty: string[];
}

export interface KeywordSection {
  queries: number;
  banmian: KeywordSystem;
  pagefind: KeywordSystem;
  lunrLanguages: KeywordSystem;
}

export function readKeywordSet(): KeywordSet {
  return JSON.parse(readFileSync(join(ROOT, "test/fixtures/queries/corpus-keyword-dev.json"), "utf8")) as KeywordSet;
}

/** The site URL (as search documents give it) of each corpus article, by id. */
export function corpusUrls(articles: readonly CorpusArticle[], slugs: readonly string[]): Map<string, string> {
  return new Map(articles.map((a, i) => [a.id, `${a.date ?? "undated"}/01/${slugs[i]}/`]));
}

/** A result URL as search documents give it (Pagefind's begin with / and end with index.html). */
const normalUrl = (u: string) => u.replace(/^\/+/u, "").replace(/index\.html$/u, "");

/** One system's summary from its answers: per query, the total, the first ten URLs and the cold bytes. */
export function keywordSystem(set: KeywordSet, urlOf: ReadonlyMap<string, string>, answers: ReadonlyArray<{ total: number; top: readonly string[]; wire: number }>): KeywordSystem {
  const misses: string[] = [];
  const empty: string[] = [];
  set.queries.forEach((k, i) => {
    const a = answers[i] ?? { total: 0, top: [], wire: NaN };
    if (a.total === 0) empty.push(k.q);
    const top = new Set(a.top.slice(0, 10).map(normalUrl));
    if (!k.relevant.every((id) => top.has(urlOf.get(id)!))) misses.push(k.q);
  });
  const wires = answers.map((a) => a.wire);
  return {
    allRelevantInTop10: set.queries.length - misses.length,
    zeroResults: empty.length,
    coldWireMedian: median(wires),
    coldWireMax: Math.max(...wires),
    misses,
    empty,
  };
}

/** One cold run per query and system (interleaved), in the browser: totals, first ten URLs, bytes. */
export async function keywordBrowserRuns(
  browser: Browser,
  server: BenchServer,
  systems: readonly System[],
  queries: readonly string[],
): Promise<Record<System, Array<{ total: number; top: string[]; wire: number }>>> {
  const out = Object.fromEntries(systems.map((s) => [s, [] as Array<{ total: number; top: string[]; wire: number }>])) as Record<System, Array<{ total: number; top: string[]; wire: number }>>;
  await interleavedPass(systems, queries.length, 0, async (i, system) => {
    const { run, answer } = await coldRun(browser, server, system, queries[i]!);
    out[system][i] = { total: answer.total, top: answer.urls, wire: run.wire };
  });
  return out;
}
