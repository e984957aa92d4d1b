/**
 * Search step: the sharded build's index. The shards wrote their search documents
 * as JSON Lines in archive order, one file each, in the build's work folder; the
 * streaming index builder reads them, in a process of its own (./index-entry.ts), so
 * its memory is never added to the pages'. What it reads and keeps is the index plan
 * (./index-plan.ts). The documents stay out of the published site.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { BuildIndexReport } from "../search/build/stream-index.ts";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runChild } from "./child-runs.ts";
import type { IndexJob, IndexPlan } from "./index-plan.ts";

export interface SearchStepInput {
  plan: IndexPlan;
  siteDir: string;
  /** The build's work folder (not published). */
  workDir: string;
}

const INDEX_ENTRY = fileURLToPath(new URL("./index-entry.ts", import.meta.url));

/** Builds the index as planned; returns the index process's report. */
export async function buildSearchIndex({ plan, siteDir, workDir }: SearchStepInput): Promise<BuildIndexReport> {
  const job: IndexJob = { siteDir, workDir: join(workDir, "index"), plan };
  mkdirSync(workDir, { recursive: true });
  const file = join(workDir, "index-job.json");
  writeFileSync(file, JSON.stringify(job));
  await runChild(INDEX_ENTRY, [file], {});
  return JSON.parse(readFileSync(`${file}.report.json`, "utf8")) as BuildIndexReport;
}
