/**
 * Search step: the sharded build's index. The shards wrote their search documents
 * as JSON Lines in archive order, one file each, in the build's work folder; the
 * streaming index builder reads them in order, in a process of its own
 * (./index-entry.ts), so its memory is never added to the pages'. The documents
 * stay out of the published site.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runChild } from "./child-runs.ts";

export interface SearchStepInput {
  /** JSON Lines of SearchDocument records, in archive order. */
  documentFiles: string[];
  siteDir: string;
  /** The build's work folder (not published). */
  workDir: string;
}

const INDEX_ENTRY = fileURLToPath(new URL("./index-entry.ts", import.meta.url));

export async function buildSearchIndex({ documentFiles, siteDir, workDir }: SearchStepInput): Promise<void> {
  await runChild(INDEX_ENTRY, [siteDir, join(workDir, "index"), ...documentFiles], {});
}
