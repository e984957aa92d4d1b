/**
 * Index entry: the process that builds the search index of a staged site from the
 * shards' search documents (JSON Lines, in archive order) with the streaming builder
 * (src/search/build/stream-index.ts), so the index's memory is never added to the
 * pages'. What it builds is the sharded build's plan (./index-plan.ts), passed as a
 * JSON file: the index whole, or the previous index's base with a new recent segment.
 * Its report (stream-index.ts, BuildIndexReport) goes to JOB.json.report.json.
 *
 *   node --import tsx src/build/index-entry.ts JOB.json
 */
import { readFileSync, writeFileSync } from "node:fs";
import { addRecentSegment, buildIndexFromRuns } from "../search/build/stream-index.ts";
import { failChild } from "./child-runs.ts";
import type { IndexJob } from "./index-plan.ts";

try {
  const [jobFile] = process.argv.slice(2);
  if (!jobFile) throw new Error("usage: index-entry.ts JOB.json");
  const { siteDir, workDir, plan } = JSON.parse(readFileSync(jobFile, "utf8")) as IndexJob;
  const report =
    plan.mode === "recent"
      ? await addRecentSegment({ documentFiles: plan.recentFiles, previousIndexDir: plan.previousIndexDir, siteDir, workDir })
      : await buildIndexFromRuns({ documentFiles: plan.baseFiles, recentFiles: plan.recentFiles, siteDir, workDir });
  writeFileSync(`${jobFile}.report.json`, JSON.stringify(report));
  if (process.send) process.disconnect();
} catch (error) {
  failChild(error);
}
