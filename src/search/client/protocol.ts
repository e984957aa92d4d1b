/**
 * Protocol: what the page asks the search service and what it answers, as plain
 * data, so the same requests go to a Web Worker (http) or to the service running
 * on the page itself (file://, where workers cannot load the index).
 */
import type { SearchFilters } from "../query/filters.ts";
import type { Facets } from "../query/facets.ts";
import type { Range, Snippet } from "../query/snippets.ts";
import type { SortOrder } from "../query/sort-order.ts";
import type { SearchFailure } from "../query/search-failure.ts";

export interface SearchRequest {
  q: string;
  filters: SearchFilters;
  limit: number;
  /** Counting facets costs a pass over every hit: only the search page asks for them. */
  facets: boolean;
  /** Relevance (the default) or date, newest or oldest first. */
  sort?: SortOrder;
}

export interface ResultItem {
  title: string;
  titleRanges: Range[];
  /** Relative to the site root. */
  url: string;
  date: string | null;
  dateLabel: string | null;
  page: string | null;
  column: string | null;
  people: string[];
  snippet: Snippet;
  /** The words this article matched (a run typed together, as its words in this article). */
  words: string[];
  /** A partial match: the query's words it lacks. */
  lacks?: string[];
}

export interface SearchReply {
  total: number;
  results: ResultItem[];
  facets: Facets | null;
  /** Only when no article holds every word: the best partial matches, never mixed with `results`. */
  partial: { total: number; results: ResultItem[] } | null;
  /** The query's words as normalised, for highlighting on the article page. */
  words: string[];
  problems: string[];
  /** The search failed (search-failure.ts): `results` and `total` say nothing about the archive. */
  failure: SearchFailure | null;
  milliseconds: number;
}

export interface SearchService {
  /**
   * Starts what the first search needs (the worker, the engine, the index's meta part)
   * without waiting for it: the search box calls it on focus, before the first keystroke.
   */
  prepare(): void;
  search(request: SearchRequest): Promise<SearchReply>;
  /** Every filter value (column, person, edition date) of the archive. */
  choices(): Promise<{ columns: string[]; people: string[]; dates: string[] }>;
  /** Lets go of the index (and the worker holding it). */
  close(): void;
}

export type WorkerMessage =
  /**
   * `metaFromPage`: the page fetches the meta part itself and sends it ("meta" below).
   * `revalidate`: fetch every part with `cache: "no-cache"` (the site was updated under the page: backend.ts).
   */
  | { id: number; kind: "open"; indexUrl: string; metaFromPage: boolean; revalidate?: boolean }
  /** The meta part's bytes as fetched by the page (null: it could not; the worker fetches it). No answer. */
  | { id: number; kind: "meta"; bytes: ArrayBuffer | null }
  | { id: number; kind: "prepare" }
  | { id: number; kind: "search"; request: SearchRequest }
  | { id: number; kind: "choices" };

export type WorkerAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** The global through which the engine bundle (engine-bundle.ts) hands itself to the page. */
export const ENGINE_GLOBAL = "banmianSearchEngine";
