/**
 * Cold pass: only the benchmark's "time to first results, cold" measurement, on a site and
 * a Pagefind bundle built already, so a change to the engine can be measured in minutes
 * instead of the whole run's twenty (bench/browser-bench.ts's cold runs, on the
 * benchmark's own queries, queries.ts). Prints, per system, the median over queries of
 * each query's median cold time and bytes, the ratios to Pagefind, and the load average
 * before and after, since the machine may be shared.
 *
 *   npx tsx bench/cold-pass.ts --site DIR --pagefind DIR [--compare DIR] [--cold-runs 3]
 *
 * `--compare DIR`: a second build of the same archive (another commit's search worker,
 * say), measured in the same passes, interleaved with the first and with Pagefind, so
 * that a loaded machine weighs on all three alike. Build the sites as the benchmark does
 * (scripts/corpus-to-content.ts --count 10000, npm run build, Pagefind over the site with
 * bench/build-runs.ts's arguments), or keep the benchmark's work folder (`--keep`).
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { readDocuments } from "../src/search/build/read-documents.ts";
import { launchChromium } from "../tools/chromium.ts";
import { coldRun, interleavedPass, type ColdRun, type System } from "./browser-bench.ts";
import { HARNESS_HTML, HARNESS_PATH } from "./harness.ts";
import { benchQueries } from "./queries.ts";
import { startBenchServer, type BenchServer } from "./server.ts";
import { median } from "./stats.ts";

const USAGE = "usage: npx tsx bench/cold-pass.ts --site DIR --pagefind DIR [--compare DIR] [--cold-runs N]";
const { values } = parseArgs({
  options: { site: { type: "string" }, pagefind: { type: "string" }, compare: { type: "string" }, "cold-runs": { type: "string", default: "3" } },
});
if (!values.site || !values.pagefind) {
  console.error(USAGE);
  process.exit(2);
}
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");
const { documents } = await readDocuments(values.site);
const queries = benchQueries(documents).map((q) => q.q);
const serve = (site: string) => startBenchServer({ "/": site, "/pagefind/": values.pagefind! }, { [HARNESS_PATH]: HARNESS_HTML });
const servers: BenchServer[] = [];
const browser = await launchChromium();
const before = load();
try {
  const main = await serve(values.site);
  servers.push(main);
  const runs: Array<{ name: string; system: System; server: BenchServer }> = [
    { name: "banmian", system: "banmian", server: main },
    { name: "pagefind", system: "pagefind", server: main },
  ];
  if (values.compare) {
    const other = await serve(values.compare);
    servers.push(other);
    runs.push({ name: "banmian --compare", system: "banmian", server: other });
  }
  const coldRuns = Math.max(1, Number(values["cold-runs"]));
  const cold = runs.map(() => queries.map((): ColdRun[] => []));
  // Pass 0 fills the server's gzip cache and the disk cache; it is not recorded.
  for (let pass = 0; pass <= coldRuns; pass++) {
    await interleavedPass(runs.map((_, k) => k), queries.length, pass, async (i, k) => {
      const { run } = await coldRun(browser, runs[k]!.server, runs[k]!.system, queries[i]!);
      if (pass > 0) cold[k]![i]!.push(run);
    });
  }
  const ms = cold.map((perQuery) => median(perQuery.map((r) => median(r.map((c) => c.ms)))));
  const wire = cold.map((perQuery) => median(perQuery.map((r) => median(r.map((c) => c.wire)))));
  runs.forEach(({ name }, k) => {
    const ratio = k === 1 ? "" : `; ÷ Pagefind: time ${(ms[k]! / ms[1]!).toFixed(3)}, bytes ${(wire[k]! / wire[1]!).toFixed(3)}`;
    console.log(`${name}: cold time median ${ms[k]!.toFixed(0)} ms, gzip ${(wire[k]! / 1024).toFixed(0)} KB${ratio}`);
  });
  console.log(`${queries.length} queries, ${coldRuns} cold runs; load average before ${before}, after ${load()}`);
} finally {
  await browser.close();
  for (const s of servers) await s.close();
}
