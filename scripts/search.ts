/**
 * Searches a built site from the command line, through the same loader and query engine
 * the browser uses (src/search/query/query-engine.ts), reading the index parts from disk.
 *
 * Usage: npm run search -- [--site DIR] [--json] [--limit N|all]
 *                          [--column NAME] [--person NAME] [--from DATE] [--to DATE] "查询"
 *   --site    the built site (default _site)
 *   --json    print only a JSON array of {title, url, date, score, snippet} in rank order,
 *             snippet being {text, ranges} with ranges as [start, end) offsets into text
 *   --limit   how many results to print (default 10; "all" for every one)
 * (npm prints its own banner on stdout: for clean JSON use `npm run -s search -- --json …`.)
 * Filters may be given without a query, to browse. An unknown flag is a usage error (exit
 * code 2); a query that starts with a hyphen goes after `--`.
 */
import { parseArgs } from "node:util";
import { nodePartSource } from "../src/search/build/node-part-source.ts";
import { SearchEngine, type SearchFilters, type SearchResult } from "../src/search/query/query-engine.ts";
import type { Range } from "../src/search/query/snippets.ts";

interface Options {
  site: string;
  json: boolean;
  limit: number;
  filters: SearchFilters;
  query: string;
}

const USAGE = 'usage: npm run search -- [--site DIR] [--json] [--limit N|all] [--column C] [--person P] [--from DATE] [--to DATE] "查询"';

/** The command line's options; throws on an unknown flag or a bad value (a usage error). */
function readOptions(args: string[]): Options {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      site: { type: "string", default: "_site" },
      json: { type: "boolean", default: false },
      limit: { type: "string", default: "10" },
      column: { type: "string", multiple: true },
      person: { type: "string", multiple: true },
      from: { type: "string" },
      to: { type: "string" },
    },
  });
  const limit = values.limit === "all" ? Number.POSITIVE_INFINITY : Number(values.limit);
  if (!(limit >= 0)) throw new Error(`--limit must be a number or "all"`);
  const filters: SearchFilters = {};
  if (values.from !== undefined) filters.from = values.from;
  if (values.to !== undefined) filters.to = values.to;
  if (values.column) filters.column = values.column;
  if (values.person) filters.person = values.person;
  return { site: values.site, json: values.json, limit, filters, query: positionals.join(" ") };
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

function printText(query: string, total: number, results: SearchResult[], ms: number): void {
  console.log(`${total} result${total === 1 ? "" : "s"} for ${JSON.stringify(query)} (${ms.toFixed(1)} ms)${results.length < total ? `, showing ${results.length}` : ""}`);
  results.forEach((r, i) => {
    console.log(`\n${i + 1}. ${marked(r.title, r.titleRanges)}  [${r.date ?? "date unknown"}${r.column ? ` · ${r.column}` : ""}] score ${r.score.toFixed(3)}`);
    console.log(`   ${r.url}`);
    console.log(`   ${marked(r.snippet.text, r.snippet.ranges)}`);
  });
}

async function main(): Promise<number> {
  let o: Options;
  try {
    o = readOptions(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  let engine: SearchEngine;
  try {
    engine = await SearchEngine.open(nodePartSource(o.site));
  } catch (e) {
    console.error(`cannot open the search index of ${o.site}: ${(e as Error).message}\n(build the site first: npm run build)`);
    return 1;
  }
  const response = await engine.search(o.query, o.filters);
  const results = await engine.results(response, 0, Math.min(o.limit, response.hits.length));
  for (const p of response.problems) console.error(`note: ${p}`);
  if (o.json) {
    const out = results.map((r) => ({ title: r.title, url: r.url, date: r.date, score: Number(r.score.toFixed(6)), snippet: r.snippet }));
    // One result per line: valid JSON that is still readable in a terminal.
    process.stdout.write(out.length === 0 ? "[]\n" : `[\n${out.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`);
  } else {
    printText(o.query, response.hits.length, results, response.milliseconds);
  }
  return 0;
}

process.exitCode = await main();
