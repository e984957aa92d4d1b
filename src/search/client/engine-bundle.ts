/**
 * Engine bundle: the search engine for the page's own thread, loaded by a
 * <script> only when needed (a search from file://, or highlighting an article
 * opened from a result), so ordinary page views download none of it. It hands
 * its functions to the page through one global, since classic scripts (the only
 * kind file:// pages may load) cannot export.
 */
import { scriptPartSource } from "../query/part-sources.ts";
import { parseQuery, wordPatterns } from "../query/query-parser.ts";
import { highlight, type Range } from "../query/snippets.ts";
import { openSearchService } from "./search-service.ts";
import { ENGINE_GLOBAL, type SearchService } from "./protocol.ts";

export interface EngineBundle {
  openInline(indexUrl: string): SearchService;
  /** A function giving the ranges of a text that match the query, as results mark them. */
  highlighter(query: string): (text: string) => Range[];
}

const bundle: EngineBundle = {
  openInline: (indexUrl) => openSearchService(scriptPartSource(indexUrl)),
  highlighter(query) {
    const patterns = wordPatterns(parseQuery(query));
    return (text) => (patterns.length ? highlight(text, patterns) : []);
  },
};

(globalThis as unknown as Record<string, EngineBundle>)[ENGINE_GLOBAL] = bundle;
