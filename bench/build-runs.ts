/**
 * Build runs: each system's build of one archive, `runs` times, each step its own
 * process, timed and measured (bench/run-process.ts): Banmian's full build
 * (scripts/build.ts), plain Eleventy (plain-build.ts), Banmian's index step alone
 * (scripts/build-index.ts, over the documents of the first build as JSON Lines), Pagefind over the built site, and lunr-languages
 * (lunr-languages.ts). After the first full build, the queries are drawn from its
 * documents (queries.ts). Steps after the full build run in a rotating order, so that a
 * noisy machine weighs on all of them alike and no tool always runs right after another.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeDocumentLines } from "../src/search/build/documents-writer.ts";
import { readSiteDocuments } from "../src/search/build/site-documents.ts";
import { ROOT, type BenchContext } from "./context.ts";
import type { LunrLanguagesResult } from "./lunr-languages.ts";
import { benchQueries, type BenchQuery } from "./queries.ts";
import { runMeasured, runScript, type Measured } from "./run-process.ts";

const PAGEFIND = join(ROOT, "node_modules/pagefind/lib/runner/bin.cjs");

/** Runs a TypeScript file of the repository in its own process, measured. */
const tsx = (file: string, args: string[]) => runScript(ROOT, file, args);

export interface BuildRuns {
  full: Measured[];
  plain: Measured[];
  index: Measured[];
  pagefind: Measured[];
  lunr: Measured[];
  /** lunr-languages' own time for lunr(…) in each run. */
  lunrInner: number[];
  lunrResult: LunrLanguagesResult | undefined;
  queries: BenchQuery[];
}

/** The search documents of the archive of `n` articles as JSON Lines, as the build hands them to the index step. */
export const benchDocumentsFile = (ctx: BenchContext, n: number) => join(ctx.work, `documents-${n}.jsonl`);

/**
 * Builds the archive in `content` into `site` (and Pagefind's bundle into `pagefindOut`),
 * measured. lunr-languages also answers `extraQueries` (the keyword set), after the
 * benchmark's own queries.
 */
export async function buildRuns(
  ctx: BenchContext,
  n: number,
  paths: { content: string; site: string; pagefindOut: string },
  extraQueries: readonly string[] = [],
): Promise<BuildRuns> {
  const { content, site, pagefindOut } = paths;
  const plainOut = join(ctx.work, `plain-${n}`);
  const queriesFile = join(ctx.work, `queries-${n}.json`);
  const documentsFile = benchDocumentsFile(ctx, n);
  const out: BuildRuns = { full: [], plain: [], index: [], pagefind: [], lunr: [], lunrInner: [], lunrResult: undefined, queries: [] };
  const steps: Array<[string, () => Promise<void>]> = [
    ["plain Eleventy", async () => void out.plain.push(await tsx("bench/plain-build.ts", ["--content", content, "--out", plainOut]))],
    ["Banmian index step", async () => void out.index.push(await tsx("scripts/build-index.ts", ["--site", site, "--documents", documentsFile]))],
    [
      "Pagefind",
      async () => {
        rmSync(pagefindOut, { recursive: true, force: true });
        const args = [PAGEFIND, "--site", site, "--output-path", pagefindOut, "--glob", "*/*/*/index.html", "--root-selector", "article.article", "--quiet"];
        out.pagefind.push(await runMeasured(process.execPath, args, { cwd: ROOT }));
      },
    ],
    [
      "lunr-languages",
      async () => {
        const result = join(ctx.work, `lunr-languages-${n}.json`);
        out.lunr.push(await tsx("bench/lunr-languages.ts", ["--site", site, "--queries", queriesFile, "--out", result]));
        out.lunrResult = JSON.parse(readFileSync(result, "utf8")) as LunrLanguagesResult;
        out.lunrInner.push(out.lunrResult.buildMs);
      },
    ],
  ];
  for (let r = 1; r <= ctx.runs; r++) {
    out.full.push(await tsx("scripts/build.ts", ["--content", content, "--out", site, "--quiet"]));
    ctx.log(`  run ${r}/${ctx.runs}: Banmian full build ${(out.full.at(-1)!.ms / 1000).toFixed(1)} s`);
    if (r === 1) {
      const documents = readSiteDocuments(site);
      writeDocumentLines(documentsFile, documents);
      out.queries = benchQueries(documents);
      const own = out.queries.map((q) => ({ q: q.q, ...(q.source !== undefined ? { source: documents[q.source]!.url } : {}) }));
      writeFileSync(queriesFile, JSON.stringify([...own, ...extraQueries.map((q) => ({ q }))]));
    }
    for (let k = 0; k < steps.length; k++) {
      const [name, step] = steps[(k + r - 1) % steps.length]!;
      await step();
      ctx.log(`  run ${r}/${ctx.runs}: ${name} done`);
    }
  }
  rmSync(plainOut, { recursive: true, force: true });
  return out;
}
