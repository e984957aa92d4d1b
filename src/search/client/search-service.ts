/**
 * Search service: the query engine behind the page's requests (protocol.ts). Runs
 * in the Web Worker over http and on the page itself from file://; either way the
 * same code answers, so both give the same results.
 */
import { compileFilters, needsFacts } from "../query/filters.ts";
import { countFacets } from "../query/facets.ts";
import type { PartSource } from "../query/part-cache.ts";
import { SearchEngine, type SearchResponse, type SearchResult } from "../query/query-engine.ts";
import { sortByDate } from "../query/sort-order.ts";
import { parseQuery } from "../query/query-parser.ts";
import { failureOf, type SearchFailure } from "../query/search-failure.ts";
import type { SearchReply, SearchRequest, SearchService } from "./protocol.ts";

export function openSearchService(source: PartSource): SearchService {
  // The index is opened once, on the first request; a failure is reported to every caller.
  let opened: Promise<SearchEngine> | undefined;
  let warmed = false;
  // A failed open is forgotten, so a later request tries again (the meta part may be back).
  const engine = () => (opened ??= SearchEngine.open(source).catch((e: unknown) => {
    opened = undefined;
    throw e;
  }));
  // The first parse compiles the analyzer's patterns: done when the box gets focus,
  // before the reader has typed.
  const warm = (q: string) => {
    if (warmed) return;
    warmed = true;
    parseQuery(q);
  };
  return {
    prepare() {
      engine().catch(() => undefined); // a failure is reported to the first search
      warm("中文检索");
    },
    async search(request) {
      return answer(await engine(), request);
    },
    async choices() {
      const e = await engine();
      const dates = [...new Set(e.index.meta.docs.date.filter((d): d is string => d !== null))].sort().reverse();
      return { columns: await e.columns(), people: await e.people(), dates };
    },
    close() {
      opened = undefined;
    },
  };
}

/** The reply to a search that failed: no results, which the page must not read as "none found". */
function failed(failure: SearchFailure, problems: string[], started: number): SearchReply {
  return { total: 0, results: [], partial: null, facets: null, words: [], problems, failure, milliseconds: performance.now() - started };
}

async function answer(engine: SearchEngine, request: SearchRequest): Promise<SearchReply> {
  const started = performance.now();
  const meta = engine.index.meta;
  const hasText = request.q.trim() !== "";
  // The text alone first, so facets can count what each other filter value would give;
  // unranked: only the page shown is ranked, after the filters (engine.rank).
  const textOnly: SearchResponse = await engine.search(request.q, undefined, { rank: 0 });
  if (textOnly.failure) return failed(textOnly.failure, textOnly.problems, started);
  const matching = hasText ? textOnly.hits.map((h) => h.doc) : Array.from({ length: meta.docCount }, (_, i) => i);
  // The facts part only when a filter or the facet counts need it: a plain query never loads it.
  let facts: Awaited<ReturnType<typeof engine.index.facts>> | undefined;
  try {
    facts = needsFacts(request.filters) || request.facets ? await engine.index.facts() : undefined;
  } catch (e) {
    const failure = failureOf(e);
    return failed(failure, [...textOnly.problems, `search failed: ${failure.message}`], started);
  }
  const { test, problems } = compileFilters(request.filters, meta, facts);
  const sort = request.sort ?? "relevance";
  const dates = meta.docs.date;
  const filtered = hasText ? textOnly.hits.filter((h) => !test || test(h.doc)) : test ? matching.filter(test).map((doc) => ({ doc, score: 0, tier: 0, lunrScore: 0 })) : [];
  const partial = sortByDate((textOnly.partial ?? []).filter((p) => !test || test(p.doc)), sort, dates);
  const response: SearchResponse = { ...textOnly, hits: filtered, partial, problems: [...textOnly.problems, ...problems] };
  // By relevance, the page shown is ranked and the rest left as they are; by date, ties
  // keep the relevance order, so all are ranked first. Browsing (no text) keeps archive order.
  if (hasText && sort === "relevance") engine.rankResponse(response, request.limit);
  else {
    delete response.ranked;
    response.hits = sortByDate(hasText ? engine.rank(filtered) : filtered, sort, dates);
  }
  const results = await engine.results(response, 0, request.limit);
  const partialResults = partial.length > 0 ? await engine.results(response, 0, request.limit, { partial: true }) : [];
  if (response.failure) return failed(response.failure, response.problems, started);
  const docs = await engine.index.documents([...results, ...partialResults].map((r) => r.doc));
  const item = (r: SearchResult) => {
    const doc = docs.get(r.doc);
    return {
      title: r.title,
      titleRanges: r.titleRanges,
      url: r.url,
      date: r.date,
      dateLabel: doc?.dateLabel ?? r.date,
      page: doc?.page.label ?? null,
      column: r.column ?? null,
      people: r.people,
      snippet: r.snippet,
      words: r.words,
      ...(r.lacks ? { lacks: r.lacks } : {}),
    };
  };
  return {
    total: filtered.length,
    results: results.map(item),
    partial: partial.length > 0 ? { total: partial.length, results: partialResults.map(item) } : null,
    facets: request.facets && facts ? countFacets(meta, facts, matching, request.filters) : null,
    words: response.query.parts.flatMap((p) => p.words.map((w) => w.text)),
    problems: response.problems,
    failure: null,
    milliseconds: performance.now() - started,
  };
}
