/**
 * Searches a built site from the command line, through the same loader and query engine
 * the browser uses (src/search/query/query-engine.ts), reading the index parts from disk.
 *
 * Usage: npm run search -- [--site DIR] [--json] [--partial] [--limit N|all] [--sort ORDER]
 *                          [--column NAME] [--person NAME] [--from DATE] [--to DATE] "查询"
 *   --site    the built site (default _site)
 *   --json    print only a JSON array of {title, url, date, score, snippet} in rank order,
 *             snippet being {text, ranges} with ranges as [start, end) offsets into text;
 *             full matches only (an empty array when no article holds every word)
 *   --partial print the partial matches instead (none while there are full matches):
 *             with --json, {title, url, date, lacks, snippet}, lacks being the words missing
 *   --limit   how many results to print (default 10; "all" for every one)
 *   --sort    relevance (default), date or newest (newest first), oldest
 *   --from, --to  a date range, each end YYYY, YYYY-MM or YYYY-MM-DD
 *   --queries FILE  one query per line; prints one JSON line per query, {q, results}
 * (npm prints its own banner on stdout: for clean JSON use `npm run -s search -- --json …`.)
 * Filters may be given without a query, to browse; with neither, it prints the usage. An unknown flag is a usage error (exit
 * code 2); a query that starts with a hyphen goes after `--`.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { nodePartSource } from "../src/search/build/node-part-source.ts";
import { SearchEngine, type SearchFilters, type SearchResult } from "../src/search/query/query-engine.ts";
import { MAX_QUERY_LENGTH } from "../src/search/query/query-parser.ts";
import { parseSortOrder, sortByDate, type SortOrder } from "../src/search/query/sort-order.ts";
import type { Range } from "../src/search/query/snippets.ts";

interface Options {
  site: string;
  json: boolean;
  partial: boolean;
  sort: SortOrder;
  queries?: string;
  limit: number;
  filters: SearchFilters;
  query: string;
}

const USAGE =
  'usage: npm run search -- [--site DIR] [--json] [--partial] [--limit N|all] [--sort relevance|date|oldest] [--column C] [--person P] [--from DATE] [--to DATE] [--queries FILE] "查询"';

/** The command line's options; throws on an unknown flag or a bad value (a usage error). */
function readOptions(args: string[]): Options {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      site: { type: "string", default: "_site" },
      json: { type: "boolean", default: false },
      partial: { type: "boolean", default: false },
      sort: { type: "string", default: "relevance" },
      queries: { type: "string" },
      limit: { type: "string", default: "10" },
      column: { type: "string", multiple: true },
      person: { type: "string", multiple: true },
      from: { type: "string" },
      to: { type: "string" },
    },
  });
  const limit = values.limit === "all" ? Number.POSITIVE_INFINITY : Number(values.limit);
  if (!(limit >= 0)) throw new Error(`--limit must be a number or "all"`);
  const sort = parseSortOrder(values.sort);
  if (!sort) throw new Error(`--sort must be relevance, date, newest or oldest, not ${JSON.stringify(values.sort)}`);
  const filters: SearchFilters = {};
  if (values.from !== undefined) filters.from = values.from;
  if (values.to !== undefined) filters.to = values.to;
  if (values.column) filters.column = values.column;
  if (values.person) filters.person = values.person;
  const o: Options = { site: values.site, json: values.json, partial: values.partial, sort, limit, filters, query: positionals.join(" ") };
  if (values.queries !== undefined) o.queries = values.queries;
  return o;
}

/** The query as it was searched: what is past MAX_QUERY_LENGTH is not echoed back. */
function shown(query: string): string {
  return query.length > MAX_QUERY_LENGTH ? `${query.slice(0, MAX_QUERY_LENGTH)}…` : query;
}

/** Text with its ranges shown as 【…】 for a terminal. */
function marked(text: string, ranges: readonly Range[]): string {
  let out = "";
  let at = 0;
  for (const [s, e] of ranges) {
    out += text.slice(at, s) + "【" + text.slice(s, e) + "】";
    at = e;
  }
  return out + text.slice(at);
}

function printText(query: string, total: number, results: SearchResult[], ms: number, partial: boolean, partialCount: number): void {
  const what = partial ? `partial match${total === 1 ? "" : "es"} (no article holds every word)` : `result${total === 1 ? "" : "s"}`;
  console.log(`${total} ${what} for ${JSON.stringify(query)} (${ms.toFixed(1)} ms)${results.length < total ? `, showing ${results.length}` : ""}`);
  if (!partial && total === 0 && partialCount > 0) console.log(`${partialCount} partial match${partialCount === 1 ? "" : "es"}: add --partial to list them`);
  results.forEach((r, i) => {
    const tail = r.lacks ? `lacks ${r.lacks.join(" ")}` : `score ${r.score.toFixed(3)}`;
    console.log(`\n${i + 1}. ${marked(r.title, r.titleRanges)}  [${r.date ?? "date unknown"}${r.column ? ` · ${r.column}` : ""}] ${tail}`);
    console.log(`   ${r.url}`);
    console.log(`   ${marked(r.snippet.text, r.snippet.ranges)}`);
  });
}

/** The results to print for a query: full matches, or with --partial the partial ones. */
async function run(engine: SearchEngine, o: Options, query: string) {
  const response = await engine.search(query, o.filters);
  const dates = engine.index.meta.docs.date;
  const partial = response.partial ?? [];
  if (o.partial) response.partial = sortByDate(partial, o.sort, dates);
  else response.hits = sortByDate(response.hits, o.sort, dates);
  const total = o.partial ? partial.length : response.hits.length;
  const results = await engine.results(response, 0, Math.min(o.limit, total), { partial: o.partial });
  return { results, total, problems: response.problems, partialCount: partial.length };
}

async function search(engine: SearchEngine, o: Options, query: string) {
  return (await run(engine, o, query)).results.map((r) => jsonOf(r, o.partial));
}

function jsonOf(r: SearchResult, partial: boolean) {
  return partial
    ? { title: r.title, url: r.url, date: r.date, lacks: r.lacks ?? [], snippet: r.snippet }
    : { title: r.title, url: r.url, date: r.date, score: Number(r.score.toFixed(6)), snippet: r.snippet };
}

async function main(): Promise<number> {
  let o: Options;
  try {
    o = readOptions(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (o.queries === undefined && o.query.trim() === "" && Object.keys(o.filters).length === 0) {
    console.error(`nothing to search for: give a query, or a filter to browse\n${USAGE}`);
    return 2;
  }
  let engine: SearchEngine;
  try {
    engine = await SearchEngine.open(nodePartSource(o.site));
  } catch (e) {
    console.error(`cannot open the search index of ${o.site}: ${(e as Error).message}\n(build the site first: npm run build)`);
    return 1;
  }
  if (o.queries !== undefined) {
    let lines: string[];
    try {
      lines = readFileSync(o.queries, "utf8").split("\n").filter((l) => l.trim() !== "");
    } catch (e) {
      console.error(`cannot read --queries ${o.queries}: ${(e as Error).message}`);
      return 1;
    }
    for (const q of lines) process.stdout.write(JSON.stringify({ q, results: await search(engine, o, q) }) + "\n");
    return 0;
  }
  const started = performance.now();
  const { results, total, problems, partialCount } = await run(engine, o, o.query);
  for (const p of problems) console.error(`note: ${p}`);
  if (o.json) {
    const out = results.map((r) => jsonOf(r, o.partial));
    // One result per line: valid JSON that is still readable in a terminal.
    process.stdout.write(out.length === 0 ? "[]\n" : `[\n${out.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`);
  } else {
    printText(shown(o.query), total, results, performance.now() - started, o.partial, partialCount);
  }
  return 0;
}

process.exitCode = await main();
