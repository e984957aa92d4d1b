/**
 * Browser measurements: headless Chromium (test/helpers/browser.ts) over localhost
 * (bench/server.ts, gzip), the harness page (bench/harness.ts) driving Banmian's worker
 * and Pagefind's API with the same queries:
 *
 * - cold: for each query, a fresh browser context (no cache, no worker, nothing loaded),
 *   the harness page opened, then the query: time until its first 10 results (with
 *   titles, URLs and snippets or excerpts) are there, and every byte the server sent for
 *   it, raw and on the wire. One unrecorded pass first fills the server's gzip cache and
 *   the disk cache; then `coldRuns` recorded passes, systems and queries interleaved.
 * - after warm-up: the same on a fresh context, but the query is asked a second after
 *   the system's warm-up (Banmian: what the search box does on focus; Pagefind: init()),
 *   as when a reader focuses the box and then types; bytes and time of the query alone,
 *   `focusedRuns` passes, interleaved in the same way.
 * - warm: one page per system; every query once to load what it needs, then
 *   `warmRounds` rounds of every query, each timed (the engine and the parts it loaded
 *   in memory, as when a reader searches again).
 */
import type { Browser } from "playwright-core";
import { HARNESS_PATH } from "./harness.ts";
import type { BenchServer } from "./server.ts";

export type System = "banmian" | "pagefind";

export interface ColdRun {
  ms: number;
  raw: number;
  wire: number;
  requests: number;
}

export interface BrowserQueryResult {
  q: string;
  total: number;
  /** URLs of the first 10 results, as the system gives them. */
  top: string[];
  cold: ColdRun[];
  /** The first query a second after the warm-up. */
  focused: ColdRun[];
  warm: number[];
}

interface Answer {
  ms: number;
  total: number;
  urls: string[];
}

/** How long after its warm-up a focused query is asked: a reader types for longer. */
const FOCUS_MS = 1000;

async function coldRun(browser: Browser, server: BenchServer, system: System, q: string, focused = false): Promise<{ run: ColdRun; answer: Answer }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.origin + HARNESS_PATH);
    await page.waitForLoadState("load");
    if (focused) {
      await page.evaluate(`window.bench.${system}Prepare()`);
      await page.waitForTimeout(FOCUS_MS);
    }
    server.take();
    const answer = (await page.evaluate(`window.bench.${system}Search(${JSON.stringify(q)}, 10)`)) as Answer;
    // Anything still in flight when the results were there belongs to this query too.
    await page.waitForTimeout(150);
    const transfers = server.take();
    return {
      answer,
      run: {
        ms: answer.ms,
        raw: transfers.reduce((s, t) => s + t.raw, 0),
        wire: transfers.reduce((s, t) => s + t.wire, 0),
        requests: transfers.length,
      },
    };
  } finally {
    await context.close();
  }
}

export async function browserBench(
  browser: Browser,
  server: BenchServer,
  systems: readonly System[],
  queries: readonly string[],
  options: { coldRuns: number; focusedRuns: number; warmRounds: number; log?: (line: string) => void },
): Promise<Record<System, BrowserQueryResult[]>> {
  const results = Object.fromEntries(
    systems.map((s) => [s, queries.map((q): BrowserQueryResult => ({ q, total: -1, top: [], cold: [], focused: [], warm: [] }))]),
  ) as Record<System, BrowserQueryResult[]>;
  for (let pass = 0; pass <= options.coldRuns; pass++) {
    for (let i = 0; i < queries.length; i++) {
      for (const system of pass % 2 === 0 ? systems : [...systems].reverse()) {
        const { run, answer } = await coldRun(browser, server, system, queries[i]!);
        if (pass === 0) continue; // fills caches; not recorded
        const r = results[system][i]!;
        r.cold.push(run);
        r.total = answer.total;
        r.top = answer.urls;
      }
    }
    if (pass > 0) options.log?.(`    cold pass ${pass}/${options.coldRuns} done`);
  }
  for (let pass = 1; pass <= options.focusedRuns; pass++) {
    for (let i = 0; i < queries.length; i++) {
      for (const system of pass % 2 === 0 ? systems : [...systems].reverse()) {
        results[system][i]!.focused.push((await coldRun(browser, server, system, queries[i]!, true)).run);
      }
    }
    options.log?.(`    after warm-up: pass ${pass}/${options.focusedRuns} done`);
  }
  for (const system of systems) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.origin + HARNESS_PATH);
    for (const q of queries) await page.evaluate(`window.bench.${system}Search(${JSON.stringify(q)}, 10)`);
    for (let round = 0; round < options.warmRounds; round++) {
      for (let i = 0; i < queries.length; i++) {
        const answer = (await page.evaluate(`window.bench.${system}Search(${JSON.stringify(queries[i])}, 10)`)) as Answer;
        results[system][i]!.warm.push(answer.ms);
      }
    }
    await context.close();
  }
  return results;
}

/** Pagefind's result URLs up to `max` (loads their fragments; not timed), for the known-item check. */
export async function pagefindUrls(browser: Browser, server: BenchServer, q: string, max: number): Promise<string[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.origin + HARNESS_PATH);
    const r = (await page.evaluate(`window.bench.pagefindAllUrls(${JSON.stringify(q)}, ${max})`)) as { urls: string[] };
    return r.urls;
  } finally {
    await context.close();
  }
}
