/**
 * Query engine: answers a reader's query over an index opened by index-loader.ts; the
 * same code runs in the browser and in scripts/search.ts. It never throws and never
 * hangs: any input gives a (possibly empty) result list, and a failure inside (a part
 * that cannot be loaded) is reported in `problems`.
 *
 * A search goes (first with each CJK run as one word, then, if Intl.Segmenter may cut a
 * run, again with its words for the articles only they find; see `search`):
 * 1. query-parser.ts turns the input into parts and words, each word a pattern of terms;
 * 2. the postings parts of those terms are loaded; a term missing from the archive
 *    means no result, at once;
 * 3. the articles in which every word occurs as a contiguous string in one field are
 *    found from the terms' positions (pattern-matcher.ts), and the filters (filters.ts)
 *    applied;
 * 4. Lunr scores them: lunr.Index#query runs on an index holding just the query's terms
 *    and these articles (lunr-rebuild.ts), one clause per pattern element (X* for a
 *    one-character word), the terms only the whole-query phrase has (站运 in 驿站运营)
 *    included, so that they add to the score; Lunr's BM25 with the boosts of fields.ts;
 * 5. hits are ranked by tier, then Lunr's score, then archive order: tier 2 when the
 *    whole query occurs as one phrase, 1 when each space-separated part does, 0 when only
 *    the words do. `score` is tier + s / (1 + s) for Lunr score s, so it falls with rank.
 *
 * Result details (result-details.ts: title, URL, snippet) need the docs parts and are
 * loaded only for the results asked for (`results`).
 */
import lunr from "lunr";
import { elementKey, type Pattern, type PatternElement } from "../analysis/pattern.ts";
import { docNumber } from "../format/index-format.ts";
import { compileFilters, type SearchFilters } from "./filters.ts";
import { IndexLoader } from "./index-loader.ts";
import type { PartSource } from "./part-cache.ts";
import { PatternMatcher } from "./pattern-matcher.ts";
import { parseQuery, segmenterReady, wordPatterns, type ParsedQuery } from "./query-parser.ts";
import { resultDetails, type SearchResult } from "./result-details.ts";

export type { SearchFilters } from "./filters.ts";
export type { SearchResult } from "./result-details.ts";

export interface SearchHit {
  /** Article number (archive order). */
  doc: number;
  /** Ranking score: tier + s / (1 + s), decreasing down the list. */
  score: number;
  /** 2: whole query as a phrase; 1: each part as a phrase; 0: the words apart. */
  tier: number;
  /** Lunr's BM25 score. */
  lunrScore: number;
}

export interface SearchResponse {
  query: ParsedQuery;
  hits: SearchHit[];
  /** Things that went wrong or were ignored (never thrown). */
  problems: string[];
  milliseconds: number;
}

/** A first page: candidates up to this many have their docs parts fetched before ranking. */
const PREFETCH_DOCS = 10;

/** Articles in which every word occurs, ranked. */
interface Matched {
  candidates: Set<number>;
  hits: SearchHit[];
}

export class SearchEngine {
  private readonly matcher: PatternMatcher;

  private constructor(readonly index: IndexLoader) {
    this.matcher = new PatternMatcher(index);
  }

  /** Opens an index through a part source (loads its meta part). Rejects if the index is unusable. */
  static async open(source: PartSource): Promise<SearchEngine> {
    return new SearchEngine(await IndexLoader.open(source));
  }

  /** Column names, for a filter UI. */
  columns(): string[] {
    return [...this.index.meta.columns];
  }

  /** People's names, for a filter UI. */
  people(): string[] {
    return [...this.index.meta.people];
  }

  /**
   * Ranked hits for a query and filters. Never rejects. CJK runs are ranked whole first
   * while Intl.Segmenter is cold (`wholeRunsFirst: true` always, `false` never: the same
   * hits either way, which tests compare); once it is warm, one pass is quicker.
   */
  async search(input: unknown, filters?: SearchFilters, options: { wholeRunsFirst?: boolean } = {}): Promise<SearchResponse> {
    const wholeRunsFirst = options.wholeRunsFirst ?? !segmenterReady();
    const started = now();
    const problems: string[] = [];
    let query: ParsedQuery = { parts: [], phrase: null, truncated: false, uncut: false };
    try {
      // CJK runs whole first. How Intl.Segmenter cuts a run changes only which articles
      // qualify at tier 0: every bigram of a run is in its part's pattern, so terms, Lunr
      // clauses, scores and the tiers above 0 are the same. The first segmenter on a page
      // loads ICU's word dictionary, which takes a while on a cold page: it runs once the
      // articles sure to head the list are on their way.
      const runs = parseQuery(input, { segment: false });
      query = runs;
      if (runs.truncated) problems.push("query cut to its first characters");
      const compiled = compileFilters(filters, this.index.meta);
      problems.push(...compiled.problems);
      let hits: SearchHit[];
      if (runs.parts.length === 0) {
        hits = this.browse(compiled.test);
      } else if (!runs.uncut) {
        hits = (await this.match(runs, compiled.test)).hits;
      } else if (!wholeRunsFirst) {
        query = parseQuery(input);
        hits = (await this.match(query, compiled.test)).hits;
      } else {
        const whole = await this.match(runs, compiled.test, { settled: false });
        const leading = whole.hits.slice(0, PREFETCH_DOCS).filter((h) => h.tier > 0);
        this.prefetch(leading.map((h) => h.doc));
        query = parseQuery(input);
        hits = sameWords(query, runs) ? whole.hits : (await this.match(query, compiled.test, { known: whole })).hits;
      }
      return { query, hits, problems, milliseconds: now() - started };
    } catch (e) {
      problems.push(`search failed: ${e instanceof Error ? e.message : String(e)}`);
      return { query, hits: [], problems, milliseconds: now() - started };
    }
  }

  /** No query text: every article passing the filters, in archive order (none without filters). */
  private browse(test: ((doc: number) => boolean) | null): SearchHit[] {
    if (!test) return [];
    const hits: SearchHit[] = [];
    for (let doc = 0; doc < this.index.docCount; doc++) if (test(doc)) hits.push({ doc, score: 0, tier: 0, lunrScore: 0 });
    return hits;
  }

  /** Requests docs parts a first page will show (a failure shows up in results()). */
  private prefetch(docs: number[]): void {
    if (docs.length > 0) this.index.documents(docs).catch(() => undefined);
  }

  /**
   * Every element of a query's words and phrases, by key, in key order: Lunr adds up an
   * article's fields in the order its clauses matched them, so a fixed order gives the
   * same score to the last bit however the query's words were cut.
   */
  private elementsOf(query: ParsedQuery): Map<string, PatternElement> {
    const words = wordPatterns(query);
    const phrases = [query.phrase, ...query.parts.map((p) => p.pattern)].filter((p): p is Pattern => p !== null);
    const elements = new Map<string, PatternElement>();
    for (const p of [...words, ...phrases]) for (const e of p.elements) elements.set(elementKey(e), e);
    return new Map([...elements].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /**
   * The ranked articles in which every word of the query occurs. `known`: the match of
   * the same query with its runs whole (a subset with the same scores and tiers), whose
   * articles are not scored again. `settled: false`: more articles may join the list, so
   * none is fetched yet on account of being few.
   */
  private async match(query: ParsedQuery, test: ((doc: number) => boolean) | null, options: { known?: Matched; settled?: boolean } = {}): Promise<Matched> {
    const words = wordPatterns(query);
    const partPatterns = query.parts.map((p) => p.pattern);
    const elements = this.elementsOf(query);
    await this.index.loadTerms(
      [...elements.values()].filter((e) => !e.prefix).map((e) => e.term),
      [...elements.values()].filter((e) => e.prefix).map((e) => e.term),
    );
    const none: Matched = { candidates: new Set(), hits: [] };

    // Articles in which every word occurs as a contiguous string in one field.
    let candidates: Set<number> | null = null;
    for (const word of words) {
      const found = this.matcher.occurringIn(word, candidates);
      if (found.size === 0) return none;
      candidates = found;
    }
    if (!candidates) return none;
    if (test) for (const doc of candidates) if (!test(doc)) candidates.delete(doc);
    if (candidates.size === 0) return none;
    // Few enough to be the first page of results whatever their order: their docs parts
    // are wanted anyway, so they load while Lunr scores.
    if (options.settled !== false && candidates.size <= PREFETCH_DOCS) this.prefetch([...candidates]);
    const known = options.known;
    let fresh = candidates;
    if (known) {
      fresh = new Set();
      for (const doc of candidates) if (!known.candidates.has(doc)) fresh.add(doc);
    }
    const hits = known ? known.hits.filter((h) => candidates!.has(h.doc)) : [];
    if (fresh.size > 0) hits.push(...this.score(query, elements, words, partPatterns, fresh));
    hits.sort((a, b) => b.tier - a.tier || b.lunrScore - a.lunrScore || a.doc - b.doc);
    return { candidates, hits };
  }

  /** Lunr's scores and the tiers of these articles. */
  private score(query: ParsedQuery, elements: Map<string, PatternElement>, words: Pattern[], partPatterns: Pattern[], docs: Set<number>): SearchHit[] {
    // Lunr scores the articles: one clause per element (X* for a one-character word),
    // on an index holding only these terms and articles. Which articles qualify was
    // decided by the caller, so every clause is optional and only adds to the score.
    const termsOf = new Map<string, string[]>();
    for (const [key, e] of elements) termsOf.set(key, this.matcher.termsOf(e));
    const lunrIndex = this.index.lunrIndex([...termsOf.values()].flat(), docs);
    const results = lunrIndex.query((q) => {
      for (const [key, e] of elements) {
        if (termsOf.get(key)!.length === 0) continue;
        q.term(e.term, {
          presence: lunr.Query.presence.OPTIONAL,
          wildcard: e.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
          usePipeline: false,
        });
      }
    });

    // Tiers, set-wise: a pattern identical to a word's holds for every article here.
    const holds = (pattern: Pattern): Set<number> => (words.some((w) => samePattern(w, pattern)) ? docs : this.matcher.occurringIn(pattern, docs));
    const phraseDocs = query.phrase ? holds(query.phrase) : new Set<number>();
    let partDocs: Set<number> = docs;
    for (const p of partPatterns) if (partDocs.size > 0) partDocs = intersect(partDocs, holds(p));
    const hits: SearchHit[] = [];
    for (const r of results) {
      const doc = docNumber(r.ref);
      if (!docs.has(doc)) continue;
      const tier = phraseDocs.has(doc) ? 2 : partDocs.has(doc) ? 1 : 0;
      const s = r.score;
      hits.push({ doc, tier, lunrScore: s, score: tier + s / (1 + s) });
    }
    return hits;
  }

  /**
   * Details for hits[offset, offset + limit) (result-details.ts): loads their docs parts
   * and makes snippets. Never rejects.
   */
  results(response: SearchResponse, offset = 0, limit = 10): Promise<SearchResult[]> {
    return resultDetails(this.index, response, offset, limit);
  }
}

/** The same words in the same parts. */
function sameWords(a: ParsedQuery, b: ParsedQuery): boolean {
  return a.parts.length === b.parts.length && a.parts.every((p, i) => p.words.length === b.parts[i]!.words.length && p.words.every((w, k) => w.text === b.parts[i]!.words[k]!.text));
}

function samePattern(a: Pattern, b: Pattern): boolean {
  return a.elements.length === b.elements.length && a.elements.every((e, i) => {
    const f = b.elements[i]!;
    return e.term === f.term && e.prefix === f.prefix && e.offset === f.offset;
  });
}

function intersect(a: ReadonlySet<number>, b: ReadonlySet<number>): Set<number> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out = new Set<number>();
  for (const x of small) if (large.has(x)) out.add(x);
  return out;
}

function now(): number {
  return typeof performance !== "undefined" ? performance.now() : Date.now();
}
