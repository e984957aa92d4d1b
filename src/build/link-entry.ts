/**
 * Link entry: the process that links the reused shards' files from the previous
 * output into the staged one (../files/link-files.ts). Linking a quarter of a million
 * files blocks for seconds; in a process of its own it runs beside the spine, which
 * renders in the build's own process, and the shards being rendered, instead of after
 * them. The job (JOB.json) names the two folders and the paths; the count of files
 * copied rather than linked goes to JOB.json.report.json.
 *
 *   node --import tsx src/build/link-entry.ts JOB.json
 */
import { readFileSync, writeFileSync } from "node:fs";
import { linkFiles } from "../files/link-files.ts";
import { failChild } from "./child-runs.ts";

export interface LinkJob {
  previous: string;
  out: string;
  paths: string[];
}

try {
  const [jobFile] = process.argv.slice(2);
  if (!jobFile) throw new Error("usage: link-entry.ts JOB.json");
  const { previous, out, paths } = JSON.parse(readFileSync(jobFile, "utf8")) as LinkJob;
  writeFileSync(`${jobFile}.report.json`, JSON.stringify({ copied: linkFiles(previous, out, paths) }));
  if (process.send) process.disconnect();
} catch (error) {
  failChild(error);
}
