/**
 * Scale archive: the scale benchmark of one archive size (scale-run.ts runs every size).
 * In the size's folder of the work folder (scale-N/: content, site, pagefind, state.json):
 *
 * 1. the archive, from scripts/corpus-to-content.ts --repeat (kept when there already);
 * 2. the full build (scripts/build.ts, as `npm run build` runs it), measured over its
 *    process tree (run-process.ts), with the load average before and after; a site that
 *    is there already, with the figures of the run that built it in state.json, is reused;
 * 3. the index's files and bytes;
 * 4. Pagefind indexing the same site, under a time and a memory cap (runCapped);
 * 5. the benchmark's queries (queries.ts) in Chromium (browser-bench.ts), served by the
 *    bench server from the site's folder: cold first-query bytes and time, warm p50/p95,
 *    for Banmian and, when it completed, Pagefind;
 * 6. one edition added (next-edition.ts) and the same build run again on the existing
 *    output: time, peak memory, and what it did to the site's files (site-manifest.ts).
 *
 * The added edition stays in the archive and the site (state.json lists it), so a kept
 * folder reused later is the archive plus that edition.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import type { CorpusArticle } from "../src/content/corpus.ts";
import { siteDocuments } from "../src/search/build/site-documents.ts";
import { INDEX_DIR, META_PART, partFile } from "../src/search/format/index-format.ts";
import { launchChromium } from "../tools/chromium.ts";
import { browserBench, type BrowserQueryResult, type System } from "./browser-bench.ts";
import { ROOT } from "./context.ts";
import { HARNESS_HTML, HARNESS_PATH } from "./harness.ts";
import { addNextEdition, countArticles } from "./next-edition.ts";
import { COMMON_QUERIES, KNOWN_ITEMS, drawKnownItems } from "./queries.ts";
import { runCapped, runScript, type Caps, type Measured } from "./run-process.ts";
import type { ScaleSizeResult, SearchFigures, StepRun } from "./scale-report.ts";
import { startBenchServer } from "./server.ts";
import { diffManifests, siteManifest } from "./site-manifest.ts";
import { gzipSize, treeSize } from "./sizes.ts";
import { median, percentile } from "./stats.ts";

export interface ScaleContext {
  corpus: CorpusArticle[];
  corpusFile: string;
  work: string;
  coldRuns: number;
  warmRounds: number;
  editionArticles: number;
  pagefindCaps: Caps;
  commit: string;
  log: (line: string) => void;
}

/** What a size's folder remembers between runs (kept with --keep, reused with --scale-from). */
interface State {
  articles: number;
  fullBuild?: StepRun & { date: string; commit: string };
  pagefind?: StepRun & { completed: boolean; stopped?: string; date: string; commit: string };
  editionsAdded: string[];
}

const PAGEFIND = join(ROOT, "node_modules/pagefind/lib/runner/bin.cjs");
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);

async function step(run: () => Promise<Measured & { stopped?: { detail: string } }>): Promise<StepRun & { stopped?: string }> {
  const loadBefore = load();
  const m = await run();
  return { ms: m.ms, peakBytes: m.peakBytes, loadBefore, loadAfter: load(), ...(m.stopped ? { stopped: m.stopped.detail } : {}) };
}

const build = (content: string, site: string) => step(() => runScript(ROOT, "scripts/build.ts", ["--content", content, "--out", site, "--quiet"]));

/** The index's files and bytes, by top folder, and its meta part (absent in a format without one). */
function indexFigures(site: string): ScaleSizeResult["index"] {
  const dir = join(site, INDEX_DIR);
  const meta = join(dir, partFile(META_PART));
  const metaBytes = existsSync(meta) ? readFileSync(meta) : null;
  const folders: Record<string, number> = {};
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) folders[e.name] = readdirSync(join(dir, e.name), { recursive: true }).length;
  return { ...treeSize(dir), metaBytes: metaBytes?.length ?? null, metaGzip: metaBytes ? gzipSize(metaBytes) : null, folders };
}

/** The benchmark's queries: its common words and known items drawn from the site's articles (their titles and bodies only, to hold less). */
function scaleQueries(site: string): string[] {
  const docs = Array.from(siteDocuments(site), (d) => ({ title: d.title, body: d.body }));
  return [...COMMON_QUERIES, ...drawKnownItems(docs, KNOWN_ITEMS).map((k) => k.q)];
}

function figures(results: readonly BrowserQueryResult[]): SearchFigures {
  const perQuery = (f: (c: BrowserQueryResult["cold"][number]) => number) => results.map((r) => median(r.cold.map(f)));
  const warm = results.flatMap((r) => r.warm);
  return {
    coldWireMedian: median(perQuery((c) => c.wire)),
    coldRawMedian: median(perQuery((c) => c.raw)),
    coldWireMax: Math.max(...perQuery((c) => c.wire)),
    coldMsMedian: median(perQuery((c) => c.ms)),
    warmMedianMs: median(warm),
    warmP95Ms: percentile(warm, 95),
  };
}

export async function benchScaleSize(ctx: ScaleContext, n: number): Promise<ScaleSizeResult> {
  const dir = join(ctx.work, `scale-${n}`);
  const content = join(dir, "content");
  const site = join(dir, "site");
  const pagefindOut = join(dir, "pagefind");
  const stateFile = join(dir, "state.json");
  mkdirSync(dir, { recursive: true });
  const now = () => ({ date: new Date().toISOString(), commit: ctx.commit });
  let state: State = existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, "utf8")) as State) : { articles: n, editionsAdded: [] };
  const save = () => writeFileSync(stateFile, `${JSON.stringify(state, null, 1)}\n`);

  let archive: ScaleSizeResult["archive"] = { reused: true };
  if (!existsSync(content) || state.articles !== n) {
    ctx.log(`N = ${n}: writing the archive (scripts/corpus-to-content.ts --repeat)`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    state = { articles: n, editionsAdded: [] };
    const m = await runScript(ROOT, "scripts/corpus-to-content.ts", ["--corpus", ctx.corpusFile, "--count", String(n), "--repeat", "--out", content]);
    archive = { reused: false, writeMs: m.ms };
    save();
  } else ctx.log(`N = ${n}: reusing the archive in ${content}${state.editionsAdded.length ? ` (with the editions ${state.editionsAdded.join(", ")} added by earlier runs)` : ""}`);
  const editionsAddedBefore = [...state.editionsAdded];

  let fullBuild: ScaleSizeResult["fullBuild"];
  if (state.fullBuild && existsSync(site)) {
    const { date, commit, ...run } = state.fullBuild;
    fullBuild = { ...run, reused: { date, commit } };
    ctx.log(`  reusing the site in ${site} (built ${date}, commit ${commit})`);
  } else {
    ctx.log("  full build");
    const run = await build(content, site);
    fullBuild = run;
    state.fullBuild = { ...run, ...now() };
    delete state.pagefind;
    save();
    ctx.log(`  full build ${(run.ms / 1000).toFixed(1)} s, peak ${Math.round(run.peakBytes / 2 ** 20)} MB`);
  }
  const index = indexFigures(site);

  let pagefind: ScaleSizeResult["pagefind"];
  if (state.pagefind && (!state.pagefind.completed || existsSync(pagefindOut))) {
    const { date, commit, ...run } = state.pagefind;
    pagefind = { ...run, reused: { date, commit } };
    ctx.log(`  reusing Pagefind's result (${date}, commit ${commit})`);
  } else {
    ctx.log(`  Pagefind (stopped above ${Math.round(ctx.pagefindCaps.maxBytes / 2 ** 30)} GB or ${Math.round(ctx.pagefindCaps.maxMs / 60_000)} min)`);
    rmSync(pagefindOut, { recursive: true, force: true });
    const args = [PAGEFIND, "--site", site, "--output-path", pagefindOut, "--glob", "*/*/*/index.html", "--root-selector", "article.article", "--quiet"];
    const run = await step(() => runCapped(process.execPath, args, ctx.pagefindCaps, { cwd: ROOT }));
    pagefind = { ...run, completed: run.stopped === undefined };
    if (!pagefind.completed) rmSync(pagefindOut, { recursive: true, force: true });
    state.pagefind = { ...pagefind, ...now() };
    save();
    ctx.log(`  Pagefind ${pagefind.completed ? `${(run.ms / 1000).toFixed(1)} s, peak ${Math.round(run.peakBytes / 2 ** 20)} MB` : `did not complete: ${run.stopped}`}`);
  }
  if (pagefind.completed) pagefind.bundle = treeSize(pagefindOut);

  const queries = scaleQueries(site);
  const systems: System[] = pagefind.completed ? ["banmian", "pagefind"] : ["banmian"];
  ctx.log(`  browser: ${queries.length} queries, ${ctx.coldRuns} cold runs each, ${ctx.warmRounds} warm rounds (${systems.join(", ")})`);
  const server = await startBenchServer(pagefind.completed ? { "/": site, "/pagefind/": pagefindOut } : { "/": site }, { [HARNESS_PATH]: HARNESS_HTML });
  const browser = await launchChromium();
  let chromium: string;
  let results: Awaited<ReturnType<typeof browserBench>>;
  try {
    chromium = browser.version();
    results = await browserBench(browser, server, systems, queries, { coldRuns: ctx.coldRuns, focusedRuns: 0, warmRounds: ctx.warmRounds, log: ctx.log });
  } finally {
    await browser.close();
    await server.close();
  }
  const search = { queries: queries.length, banmian: figures(results.banmian), pagefind: pagefind.completed ? figures(results.pagefind) : null };

  const have = countArticles(content);
  const added = addNextEdition(ctx.corpus, content, have, ctx.editionArticles);
  state.editionsAdded.push(added.edition);
  save();
  ctx.log(`  edition ${added.edition} added (${added.articles} articles); manifest of the site before its build`);
  const before = siteManifest(site);
  const run = await build(content, site);
  const after = siteManifest(site);
  const files = diffManifests(before, after);
  ctx.log(`  edition built in ${(run.ms / 1000).toFixed(1)} s, peak ${Math.round(run.peakBytes / 2 ** 20)} MB: ${files.added} files added, ${files.changed} changed, ${files.removed} removed, ${files.unchanged} unchanged`);
  const addEdition = { ...run, ...added, filesBefore: before.size, filesAfter: after.size, files };
  const result: ScaleSizeResult = { articles: n, editionsAddedBefore, archive, fullBuild, addEdition, index, search, pagefind, chromium };
  // Kept beside the size's folder too, so hours of a size are not lost if a later size fails.
  writeFileSync(join(dir, "result.json"), `${JSON.stringify(result, null, 1)}\n`);
  return result;
}
