/**
 * CPU per cold query: the processor time a first query on a cold page costs, summed over
 * every process it runs in (Chromium's browser, renderer, GPU and network processes, and
 * this one, which serves the files and drives Chromium), for Banmian and Pagefind on the
 * same built site and queries as `npm run bench`. Each query runs on a fresh context, as
 * the benchmark's cold runs do; the same cycle without a query (a fresh context and the
 * harness page) is measured alike and subtracted. Linux only (reads /proc).
 *
 * Why: on a machine whose cores are all busy, time to first results follows CPU time,
 * whatever a system overlaps on an idle machine; this says where that ratio lies.
 *
 *   tsx bench/cpu-per-query.ts --site SITE --pagefind BUNDLE [--passes 2]
 *
 * SITE is a site built by scripts/build.ts, BUNDLE Pagefind's output for it (npm run bench
 * -- --keep leaves both in its work folder).
 */
import { readFileSync, readdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { interleavedPass, onHarnessPage, SETTLE_MS } from "./browser-bench.ts";
import { HARNESS_HTML, HARNESS_PATH } from "./harness.ts";
import { benchQueries } from "./queries.ts";
import { startBenchServer } from "./server.ts";
import { readSiteDocuments } from "../src/search/build/site-documents.ts";
import { launchChromium } from "../tools/chromium.ts";

const { values } = parseArgs({ options: { site: { type: "string" }, pagefind: { type: "string" }, passes: { type: "string", default: "2" } } });
if (!values.site || !values.pagefind) {
  console.error("usage: tsx bench/cpu-per-query.ts --site SITE --pagefind BUNDLE [--passes 2]");
  process.exit(2);
}

/** CPU ms used so far by Chromium's processes (with their exited children) and this one. */
function cpuMs(): number {
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/u.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (!/^chrom/u.test(stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")))) continue;
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += ((Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / ticks) * 1000; // utime stime cutime cstime
    } catch {
      // the process ended meanwhile
    }
  }
  const own = process.cpuUsage();
  return total + (own.user + own.system) / 1000;
}

const documents = readSiteDocuments(values.site);
const queries = benchQueries(documents).map((q) => q.q);
const server = await startBenchServer({ "/": values.site, "/pagefind/": values.pagefind }, { [HARNESS_PATH]: HARNESS_HTML });
const browser = await launchChromium();
const cycles = ["none", "banmian", "pagefind"] as const;

/** The benchmark's cold run, with its query or none. */
const cycle = (kind: (typeof cycles)[number], q: string) =>
  onHarnessPage(browser, server, async (page) => {
    if (kind !== "none") await page.evaluate(`window.bench.${kind}Search(${JSON.stringify(q)}, 10)`);
    await page.waitForTimeout(SETTLE_MS);
  });
const passes = Math.max(1, Number(values.passes));

try {
  for (const q of queries.slice(0, 3)) for (const kind of cycles) await cycle(kind, q); // caches, JIT of this process
  const used: Record<string, number[]> = { none: [], banmian: [], pagefind: [] };
  for (let pass = 0; pass < passes; pass++) {
    await interleavedPass(cycles, queries.length, pass, async (i, kind) => {
      const before = cpuMs();
      await cycle(kind, queries[i]!);
      used[kind]!.push(cpuMs() - before);
    });
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const base = mean(used.none!);
  const extra = (kind: string) => mean(used[kind]!) - base;
  console.log(`${queries.length} queries × ${passes} passes; CPU ms per cycle, mean over all processes:`);
  console.log(`  context and harness page, no query: ${base.toFixed(0)}`);
  console.log(`  Banmian's cold query on top: ${extra("banmian").toFixed(0)}`);
  console.log(`  Pagefind's cold query on top: ${extra("pagefind").toFixed(0)}`);
  console.log(`  ratio: ${(extra("banmian") / extra("pagefind")).toFixed(2)}×`);
} finally {
  await browser.close();
  await server.close();
}
