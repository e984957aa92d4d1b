/**
 * Search step: the sharded build's search documents and index. The shards
 * wrote their documents as JSON Lines in archive order; they are joined into
 * the site's search/documents.json (byte for byte what a whole build writes)
 * and the index is built from it in a process of its own.
 *
 * This is the one place the build calls the index builder: a streaming builder
 * over the document files (`buildIndexFromRuns({ documentFiles, siteDir,
 * workDir })`) replaces the child run here, and nothing else changes.
 */
import { fileURLToPath } from "node:url";
import { joinDocumentLines } from "../search/build/documents-writer.ts";
import { runChild } from "./child-runs.ts";

export interface SearchStepInput {
  /** JSON Lines of SearchDocument records, in archive order. */
  documentFiles: string[];
  siteDir: string;
  /** The build's work folder (not published). */
  workDir: string;
}

const INDEX_ENTRY = fileURLToPath(new URL("./index-entry.ts", import.meta.url));

export async function buildSearchIndex({ documentFiles, siteDir }: SearchStepInput): Promise<void> {
  joinDocumentLines(documentFiles, siteDir);
  await runChild(INDEX_ENTRY, [siteDir], {});
}
