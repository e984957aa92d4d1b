/**
 * Browser pass: serves the built site and Pagefind's bundle (server.ts), launches
 * Chromium (tools/chromium.ts) and runs the browser measurements (browser-bench.ts) for
 * Banmian and Pagefind; then the rank of each known item among Pagefind's results
 * (looked up further than its first page when needed).
 */
import type { SearchDocument } from "../src/search/format/documents.ts";
import { launchChromium } from "../tools/chromium.ts";
import { browserBench, pagefindUrls, type System } from "./browser-bench.ts";
import { keywordBrowserRuns } from "./keyword-queries.ts";
import type { BenchContext } from "./context.ts";
import { HARNESS_HTML, HARNESS_PATH } from "./harness.ts";
import type { BenchQuery } from "./queries.ts";
import { startBenchServer } from "./server.ts";

export const SYSTEMS: System[] = ["banmian", "pagefind"];

export interface BrowserPass {
  results: Awaited<ReturnType<typeof browserBench>>;
  /** Per query, the known item's rank among Pagefind's results (-1: missing), or undefined. */
  pagefindRanks: Array<number | undefined>;
  /** The keyword queries' answers (keyword-queries.ts), one cold run each; empty without keyword queries. */
  keywords: Awaited<ReturnType<typeof keywordBrowserRuns>> | null;
  chromium: string;
}

export async function browserPass(
  ctx: BenchContext,
  paths: { site: string; pagefindOut: string },
  queries: readonly BenchQuery[],
  documents: readonly SearchDocument[],
  keywordQueries: readonly string[] = [],
): Promise<BrowserPass> {
  const { coldRuns, focusedRuns, warmRounds, log } = ctx;
  const server = await startBenchServer({ "/": paths.site, "/pagefind/": paths.pagefindOut }, { [HARNESS_PATH]: HARNESS_HTML });
  const browser = await launchChromium();
  try {
    const chromium = browser.version();
    const results = await browserBench(browser, server, SYSTEMS, queries.map((q) => q.q), { coldRuns, focusedRuns, warmRounds, log });
    const pagefindRanks: Array<number | undefined> = [];
    for (const [i, q] of queries.entries()) {
      if (q.source === undefined) {
        pagefindRanks.push(undefined);
        continue;
      }
      const sourceUrl = documents[q.source]!.url;
      const norm = (u: string) => u.replace(/^\/+/u, "").replace(/index\.html$/u, "");
      let rank = results.pagefind[i]!.top.map(norm).indexOf(sourceUrl);
      if (rank < 0 && results.pagefind[i]!.total > 10) rank = (await pagefindUrls(browser, server, q.q, 200)).map(norm).indexOf(sourceUrl);
      pagefindRanks.push(rank);
    }
    let keywords: BrowserPass["keywords"] = null;
    if (keywordQueries.length > 0) {
      log(`  browser: ${keywordQueries.length} keyword queries, one cold run each`);
      keywords = await keywordBrowserRuns(browser, server, SYSTEMS, keywordQueries);
    }
    return { results, pagefindRanks, chromium, keywords };
  } finally {
    await browser.close();
    await server.close();
  }
}
