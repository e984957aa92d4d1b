/**
 * Browser measurements: headless Chromium (tools/chromium.ts) over localhost
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
import type { Browser, Page } from "playwright-core";
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

/** How long requests still in flight when a query's results are there count as its own. */
export const SETTLE_MS = 150;

/** Runs `use` on the harness page, loaded in a fresh browser context (no cache, nothing loaded). */
export async function onHarnessPage<T>(browser: Browser, server: BenchServer, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.origin + HARNESS_PATH);
    await page.waitForLoadState("load");
    return await use(page);
  } finally {
    await context.close();
  }
}

/** One cold query (or, with `focused`, one asked a second after the warm-up) on a fresh context. */
export function coldRun(browser: Browser, server: BenchServer, system: System, q: string, focused = false): Promise<{ run: ColdRun; answer: Answer }> {
  return onHarnessPage(browser, server, async (page) => {
    if (focused) {
      await page.evaluate(`window.bench.${system}Prepare()`);
      await page.waitForTimeout(FOCUS_MS);
    }
    server.take();
    const answer = (await page.evaluate(`window.bench.${system}Search(${JSON.stringify(q)}, 10)`)) as Answer;
    // Anything still in flight when the results were there belongs to this query too.
    await page.waitForTimeout(SETTLE_MS);
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
  });
}

/** One pass over every query, each asked of every system in turn, the order of systems alternating by pass (a drifting machine weighs on all alike). */
export async function interleavedPass<S>(systems: readonly S[], queries: number, pass: number, run: (i: number, system: S) => Promise<void>): Promise<void> {
  for (let i = 0; i < queries; i++) for (const system of pass % 2 === 0 ? systems : [...systems].reverse()) await run(i, system);
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
    await interleavedPass(systems, queries.length, pass, async (i, system) => {
      const { run, answer } = await coldRun(browser, server, system, queries[i]!);
      if (pass === 0) return; // fills caches; not recorded
      const r = results[system][i]!;
      r.cold.push(run);
      r.total = answer.total;
      r.top = answer.urls;
    });
    if (pass > 0) options.log?.(`    cold pass ${pass}/${options.coldRuns} done`);
  }
  for (let pass = 1; pass <= options.focusedRuns; pass++) {
    await interleavedPass(systems, queries.length, pass, async (i, system) => {
      results[system][i]!.focused.push((await coldRun(browser, server, system, queries[i]!, true)).run);
    });
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
export function pagefindUrls(browser: Browser, server: BenchServer, q: string, max: number): Promise<string[]> {
  return onHarnessPage(browser, server, async (page) => ((await page.evaluate(`window.bench.pagefindAllUrls(${JSON.stringify(q)}, ${max})`)) as { urls: string[] }).urls);
}
