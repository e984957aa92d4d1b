/**
 * Index entry: the process that builds the search index of a staged site from the
 * shards' search documents (JSON Lines, in archive order) with the streaming builder
 * (src/search/build/stream-index.ts), so the index's memory is never added to the
 * pages'. Its runs go to WORK_DIR.
 *
 *   node --import tsx src/build/index-entry.ts SITE_DIR WORK_DIR DOCUMENTS.jsonl...
 */
import { buildIndexFromRuns } from "../search/build/stream-index.ts";
import { failChild } from "./child-runs.ts";

try {
  const [siteDir, workDir, ...documentFiles] = process.argv.slice(2);
  if (!siteDir || !workDir) throw new Error("usage: index-entry.ts SITE_DIR WORK_DIR DOCUMENTS.jsonl...");
  await buildIndexFromRuns({ documentFiles, siteDir, workDir });
  if (process.send) process.disconnect();
} catch (error) {
  failChild(error);
}
