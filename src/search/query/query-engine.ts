/**
 * Query engine: answers a reader's query over an index opened by index-loader.ts; the
 * same code runs in the browser and in scripts/search.ts. It never throws and never
 * hangs: any input gives a (possibly empty) result list, and a failure inside (a part
 * that cannot be loaded, a part of another build, a fault of its own) is reported in
 * `failure` (search-failure.ts) and `problems`, so that no failure reads as "no result".
 *
 * A search goes:
 * 1. query-parser.ts turns the input into parts and words, each CJK run one word, each
 *    word a pattern of terms;
 * 2. the postings parts of those terms are loaded; a term missing from the archive
 *    means no result, at once;
 * 3. the articles holding every word are found from the terms' positions (pattern.ts):
 *    a word as a contiguous string in one field, a CJK run of four characters or more
 *    whole or as the words of some split the index confirms (run-splits.ts, which also
 *    gives each article's cover: its split with the fewest words); the filters
 *    (filters.ts) are applied (pattern-matcher.ts);
 * 4. Lunr scores them: the scores lunr.Index#query gives on an index holding just the
 *    query's terms and these articles, computed directly (lunr-scores.ts), one clause
 *    per pattern element (X* for a one-character word), every bigram of a run included,
 *    so that they add to the score; Lunr's BM25 with the boosts of fields.ts;
 * 5. hits are ranked by tier (2 when the whole query occurs as one phrase, 1 when each
 *    space-separated part does, 0 when only the words do), then by the cuts their
 *    covers needed (fewer first), then Lunr's score, then date (newest first).
 *    `score` encodes that order: it falls with rank.
 * When no article holds every word, partial-matches.ts lists the best partial matches
 * apart (`partial`), never among the hits.
 *
 * Result details (result-details.ts: title, URL, snippet) need the docs parts and are
 * loaded only for the results asked for (`results`).
 */
import lunr from "lunr";
import { isCjkTerm, tokenizeNormalized } from "../analysis/analyzer.ts";
import { elementKey, patternOf, type Pattern, type PatternElement } from "../analysis/pattern.ts";
import { docNumber } from "../format/index-format.ts";
import { compileFilters, needsFacts, type SearchFilters } from "./filters.ts";
import { NewestOrder } from "./hit-order.ts";
import { IndexLoader } from "./index-loader.ts";
import type { PartSource } from "./part-cache.ts";
import { partialMatches, type PartialHit, type PartialWord } from "./partial-matches.ts";
import { PatternMatcher } from "./pattern-matcher.ts";
import { MAX_QUERY_LENGTH, parseQuery, wordPatterns, type ParsedQuery } from "./query-parser.ts";
import { resultDetails, type SearchResult } from "./result-details.ts";
import { failureOf, type SearchFailure } from "./search-failure.ts";
import { MAX_SPLIT_RUN, MIN_SPLIT_RUN, partialSplit, runCovers, type RunCovers } from "./run-splits.ts";
import type { CompactPostings } from "./term-postings.ts";
import type { LunrClause, ScoredDocs } from "./lunr-scores.ts";

export type { SearchFilters } from "./filters.ts";
export type { SearchResult } from "./result-details.ts";

export interface SearchHit {
  /** Article number (archive order). */
  doc: number;
  /** Ranking score: the tier plus a fraction from the cuts and Lunr's score, decreasing down the list. */
  score: number;
  /** 2: whole query as a phrase; 1: each part as a phrase; 0: the words apart. */
  tier: number;
  /** Lunr's BM25 score. */
  lunrScore: number;
  /** How many cuts the query's runs needed in this article (absent: none, every word whole). */
  cut?: number;
  /** With cuts: the words this article matched (each run as its cover's words, other words as typed). */
  words?: string[];
}

export interface SearchResponse {
  query: ParsedQuery;
  /** Every article holding the query, in rank order (up to `ranked`). */
  hits: SearchHit[];
  /**
   * When set, only hits[0, ranked) are in rank order and the others follow in no order:
   * a search asked for the first page only (`rank`). results() ranks further as needed.
   */
  ranked?: number;
  /** Only when no article holds every word: the best partial matches, with what each lacks. */
  partial?: PartialHit[];
  /** Things that went wrong or were ignored (never thrown). */
  problems: string[];
  /** Set when the search (or loading its results) failed: then `hits` says nothing about the archive. */
  failure?: SearchFailure;
  milliseconds: number;
}

/** A first page: candidates up to this many have their docs parts fetched before ranking. */
const PREFETCH_DOCS = 10;

/** A ranked list keeps apart up to this many cuts of the query's runs into words. */
const MAX_CUTS = 9;

/** At most this many partial matches are listed. */
const PARTIAL_LIMIT = 50;

/** Articles in which every word occurs, ranked. */
interface Matched {
  candidates: Set<number>;
  hits: SearchHit[];
}

export class SearchEngine {
  private readonly matcher: PatternMatcher;
  private readonly order: NewestOrder;

  private constructor(
    readonly index: IndexLoader,
    private readonly reference: boolean,
  ) {
    this.matcher = new PatternMatcher(index);
    this.order = new NewestOrder(index.meta.docs.date);
  }

  /**
   * Opens an index through a part source (loads its meta part). Rejects if the index is
   * unusable. `reference`: score with Lunr's own query (slower; for the tests that hold
   * lunr-scores.ts to it).
   */
  static async open(source: PartSource, options: { reference?: boolean } = {}): Promise<SearchEngine> {
    return new SearchEngine(await IndexLoader.open(source), options.reference ?? false);
  }

  /** Column names, for a filter UI (loads the facts part). */
  async columns(): Promise<string[]> {
    return [...(await this.index.facts()).columns];
  }

  /** People's names, for a filter UI (loads the facts part). */
  async people(): Promise<string[]> {
    return [...(await this.index.facts()).people];
  }

  /**
   * Ranked hits for a query and filters. Never rejects. When no article holds every word,
   * `partial` lists the best partial matches (partial-matches.ts), apart from the hits.
   */
  async search(input: unknown, filters?: SearchFilters, options: { rank?: number } = {}): Promise<SearchResponse> {
    const started = now();
    const problems: string[] = [];
    let query: ParsedQuery = { parts: [], phrase: null, truncated: false };
    try {
      query = parseQuery(input);
      if (query.truncated) problems.push(`query cut to its first ${MAX_QUERY_LENGTH} characters (of ${String(input).length})`);
      const compiled = compileFilters(filters, this.index.meta, needsFacts(filters) ? await this.index.facts() : undefined);
      problems.push(...compiled.problems);
      const browsing = query.parts.length === 0;
      const hits = browsing ? this.browse(compiled.test) : (await this.match(query, compiled.test)).hits;
      const response: SearchResponse = { query, hits, problems, milliseconds: 0 };
      if (!browsing) this.rankResponse(response, options.rank);
      if (hits.length === 0 && query.parts.length > 0) {
        const partial = partialMatches(this.partialWords(query), compiled.test, this.index.meta.docs.date, PARTIAL_LIMIT);
        if (partial) response.partial = partial;
      }
      response.milliseconds = now() - started;
      return response;
    } catch (e) {
      const failure = failureOf(e);
      problems.push(`search failed: ${failure.message}`);
      return { query, hits: [], problems, failure, milliseconds: now() - started };
    }
  }

  /**
   * Hits in rank order (see SearchResponse), the first `upTo` of them only when given:
   * finding the first page among tens of thousands costs little, ordering them all does.
   * A new array.
   */
  rank(hits: readonly SearchHit[], upTo = Infinity): SearchHit[] {
    return upTo >= hits.length ? this.order.sort(hits) : this.order.top(hits, upTo);
  }

  /** Ranks a response's hits, the first `upTo` only when given, and records how far (`ranked`). */
  rankResponse(response: SearchResponse, upTo = Infinity): void {
    response.hits = this.rank(response.hits, upTo);
    if (upTo < response.hits.length) response.ranked = Math.max(0, upTo);
    else delete response.ranked;
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
   * The ranked articles in which every word of the query occurs: a run of CJK characters
   * whole or as the words of a split (run-splits.ts), any other word as it stands.
   */
  private async match(query: ParsedQuery, test: ((doc: number) => boolean) | null): Promise<Matched> {
    const elements = this.elementsOf(query);
    await this.index.loadTerms(
      [...elements.values()].filter((e) => !e.prefix).map((e) => e.term),
      [...elements.values()].filter((e) => e.prefix).map((e) => e.term),
    );
    const none: Matched = { candidates: new Set(), hits: [] };

    // Articles in which every word occurs as a contiguous string in one field.
    let candidates: Set<number> | null = null;
    const plan: Array<{ text: string; pattern: Pattern; run?: string[]; covers?: RunCovers }> = [];
    const whole: Pattern[] = [];
    for (const part of query.parts) {
      for (const word of part.words) {
        const run = part.quoted ? null : splittableRun(word.text);
        let found: Set<number>;
        if (run) {
          const byDoc = runCovers(this.runGrams(word.pattern), this.index.fieldNames.length, candidates);
          plan.push({ text: word.text, pattern: word.pattern, run, covers: byDoc });
          // Not copied: the filter below only takes out articles that then are no hits, whose covers are never asked for.
          found = byDoc.docs;
        } else {
          plan.push({ text: word.text, pattern: word.pattern });
          found = this.matcher.occurringIn(word.pattern, candidates);
          whole.push(word.pattern);
        }
        if (found.size === 0) return none;
        candidates = found;
      }
    }
    if (!candidates) return none;
    if (test) for (const doc of candidates) if (!test(doc)) candidates.delete(doc);
    if (candidates.size === 0) return none;
    // Few enough to be the first page of results whatever their order: their docs parts
    // are wanted anyway, so they load while Lunr scores.
    if (candidates.size <= PREFETCH_DOCS) this.prefetch([...candidates]);
    const runs = plan.filter((w): w is Required<typeof w> => w.covers !== undefined);
    const hits = this.score(query, elements, whole, runs, query.parts.map((p) => p.pattern), candidates);
    for (const hit of hits) {
      // The words of each run's cover, when a run was cut: what this article matched.
      let cut = 0;
      for (const { covers: byDoc } of runs) cut += byDoc.cuts(hit.doc);
      if (cut === 0) continue;
      const words: string[] = [];
      for (const { text, run, covers: byDoc } of plan) {
        const spans = run && byDoc?.of(hit.doc);
        if (!run || !spans) {
          words.push(text);
          continue;
        }
        for (const [s, e] of spans) words.push(run.slice(s, e).join(""));
      }
      hit.words = words;
      hit.cut = cut;
    }
    // The score falls with rank: the tier, then fewer cuts, then Lunr's score.
    for (const h of hits) {
      const cut = Math.min(h.cut ?? 0, MAX_CUTS);
      h.score = h.tier + (MAX_CUTS - cut + h.lunrScore / (1 + h.lunrScore)) / (MAX_CUTS + 1);
    }
    return { candidates, hits };
  }

  /**
   * The query's words for partial matches, each with the articles holding it: a CJK run
   * cut by run-splits.ts's partialSplit (its words that occur nowhere hold no article).
   */
  private partialWords(query: ParsedQuery): PartialWord[] {
    const out: PartialWord[] = [];
    for (const part of query.parts) {
      for (const word of part.words) {
        const run = part.quoted ? null : splittableRun(word.text);
        if (!run) {
          out.push({ text: word.text, docs: this.matcher.occurringIn(word.pattern, null) });
          continue;
        }
        const docsOf = new Map<string, Set<number>>();
        const spanDocs = (s: number, e: number): Set<number> => {
          const text = run.slice(s, e).join("");
          let docs = docsOf.get(text);
          if (!docs) {
            const pattern = patternOf(tokenizeNormalized(text).tokens);
            // A span's articles hold the span one character shorter: look among those only.
            const shorter = e - s > 2 ? spanDocs(s, e - 1) : null;
            docs = pattern && shorter?.size !== 0 && pattern.elements.every((el) => this.index.has(el.term)) ? this.matcher.occurringIn(pattern, shorter) : new Set();
            docsOf.set(text, docs);
          }
          return docs;
        };
        for (const { span, found } of partialSplit(run.length, (s, e) => spanDocs(s, e).size)) {
          out.push({ text: run.slice(span[0], span[1]).join(""), docs: found ? spanDocs(span[0], span[1]) : new Set() });
        }
      }
    }
    return out;
  }

  /** The postings of each bigram of a CJK run (undefined: it occurs nowhere), for run-splits.ts. */
  private runGrams(pattern: Pattern): Array<CompactPostings | undefined> {
    return pattern.elements.map((e) => this.index.occurrences(e.term));
  }

  /** Lunr's scores and the tiers of these articles. */
  private score(
    query: ParsedQuery,
    elements: Map<string, PatternElement>,
    words: Pattern[],
    runs: ReadonlyArray<{ pattern: Pattern; covers: RunCovers }>,
    partPatterns: Pattern[],
    docs: Set<number>,
  ): SearchHit[] {
    // Lunr scores the articles: one clause per element (X* for a one-character word),
    // on an index holding only these terms and articles. Which articles qualify was
    // decided by the caller, so every clause is optional and only adds to the score.
    const termsOf = new Map<string, string[]>();
    for (const [key, e] of elements) termsOf.set(key, this.matcher.termsOf(e));
    const terms = [...termsOf.values()].flat();
    const clauses = [...elements].filter(([key]) => termsOf.get(key)!.length > 0).map(([, e]) => ({ term: e.term, prefix: e.prefix }));
    const scores = this.reference ? this.lunrQueryScores(clauses, terms, docs) : this.index.lunrScores(clauses, terms, docs);

    // Tiers, set-wise: a pattern identical to a word matched whole holds for every article
    // here; one identical to a split run holds where that run's cover is one word (the run
    // whole, its bigrams at consecutive positions in one field), known without a new pass
    // over the positions (the common query: one run typed alone).
    const held: Array<[Pattern, (doc: number) => boolean]> = [];
    const holds = (pattern: Pattern): ((doc: number) => boolean) => {
      const known = held.find(([p]) => samePattern(p, pattern));
      if (known) return known[1];
      let test: (doc: number) => boolean;
      const run = runs.find((r) => samePattern(r.pattern, pattern));
      if (words.some((w) => samePattern(w, pattern))) test = () => true;
      else if (run) test = (doc) => run.covers.cuts(doc) === 0;
      else {
        const found = this.matcher.occurringIn(pattern, docs);
        test = (doc) => found.has(doc);
      }
      held.push([pattern, test]);
      return test;
    };
    const inPhrase = query.phrase ? holds(query.phrase) : () => false;
    const inParts = [...new Set(partPatterns.map(holds))];
    // Both scorers see only `docs`.
    const hits: SearchHit[] = new Array(scores.docs.length);
    for (let i = 0; i < scores.docs.length; i++) {
      const doc = scores.docs[i]!;
      const tier = inPhrase(doc) ? 2 : inParts.every((t) => t(doc)) ? 1 : 0;
      hits[i] = { doc, tier, lunrScore: scores.values[i]!, score: 0 };
    }
    return hits;
  }

  /** The reference for lunr-scores.ts: Lunr's own query on the rebuilt index of these terms and articles. */
  private lunrQueryScores(clauses: readonly LunrClause[], terms: readonly string[], docs: ReadonlySet<number>): ScoredDocs {
    const results = this.index.lunrIndex(terms, docs).query((q) => {
      for (const c of clauses) {
        q.term(c.term, {
          presence: lunr.Query.presence.OPTIONAL,
          wildcard: c.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
          usePipeline: false,
        });
      }
    });
    return { docs: results.map((r) => docNumber(r.ref)), values: Float64Array.from(results, (r) => r.score) };
  }

  /**
   * Details for hits[offset, offset + limit) (with `partial: true`, for the partial
   * matches): loads their docs parts and makes snippets, marking the words each article
   * matched. Never rejects; a result whose part cannot be loaded is left out and reported.
   */
  results(response: SearchResponse, offset = 0, limit = 10, options: { partial?: boolean } = {}): Promise<SearchResult[]> {
    const upTo = Math.max(0, offset) + Math.max(0, limit);
    if (!options.partial && response.ranked !== undefined && response.ranked < upTo) this.rankResponse(response, upTo);
    return resultDetails(this.index, response, offset, limit, options);
  }
}

/** The characters of a word that is a CJK run long enough to have splits, else null. */
function splittableRun(text: string): string[] | null {
  const chars = [...text];
  return chars.length >= MIN_SPLIT_RUN && chars.length <= MAX_SPLIT_RUN && isCjkTerm(text) ? chars : null;
}

function samePattern(a: Pattern, b: Pattern): boolean {
  return a.elements.length === b.elements.length && a.elements.every((e, i) => {
    const f = b.elements[i]!;
    return e.term === f.term && e.prefix === f.prefix && e.offset === f.offset;
  });
}

function now(): number {
  return typeof performance !== "undefined" ? performance.now() : Date.now();
}
