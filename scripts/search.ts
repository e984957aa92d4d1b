/**
 * Searches a built site from the command line, through the same loader and query engine
 * the browser uses (src/search/query-engine.ts), reading the index parts from disk.
 *
 * Usage: npm run search -- [--site DIR] [--json] [--limit N|all]
 *                          [--column NAME] [--person NAME] [--from DATE] [--to DATE] "查询"
 *   --site    the built site (default _site)
 *   --json    print only a JSON array of {title, url, date, score, snippet} in rank order,
 *             snippet being {text, ranges} with ranges as [start, end) offsets into text
 *   --limit   how many results to print (default 10; "all" for every one)
 * (npm prints its own banner on stdout: for clean JSON use `npm run -s search -- --json …`.)
 * Filters may be given without a query, to browse.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { nodePartSource } from "../src/search/node-part-source.ts";
import { SearchEngine, type SearchFilters, type SearchResult } from "../src/search/query-engine.ts";
import type { Range } from "../src/search/snippets.ts";

interface Options {
  site: string;
  json: boolean;
  limit: number;
  filters: SearchFilters;
  query: string;
}

const USAGE = 'usage: npm run search -- [--site DIR] [--json] [--limit N|all] [--column C] [--person P] [--from DATE] [--to DATE] "查询"';

function parseArgs(args: string[]): Options {
  const o: Options = { site: "_site", json: false, limit: 10, filters: {}, query: "" };
  const words: string[] = [];
  const columns: string[] = [];
  const people: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--json") o.json = true;
    else if (a === "--site") o.site = value();
    else if (a === "--limit") {
      const v = value();
      o.limit = v === "all" ? Number.POSITIVE_INFINITY : Number(v);
      if (!(o.limit >= 0)) throw new Error(`--limit must be a number or "all"`);
    } else if (a === "--column") columns.push(value());
    else if (a === "--person") people.push(value());
    else if (a === "--from") o.filters.from = value();
    else if (a === "--to") o.filters.to = value();
    else if (a === "--") continue;
    else words.push(a);
  }
  if (columns.length > 0) o.filters.column = columns;
  if (people.length > 0) o.filters.person = people;
  o.query = words.join(" ");
  return o;
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
    o = parseArgs(process.argv.slice(2));
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

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
