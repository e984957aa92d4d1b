/**
 * After build: the steps that follow Eleventy's pages, on every build and every
 * `npm start` rebuild: the browser's search code, the search documents, then the
 * search index from them.
 */
import { archiveOfLastBuild } from "./archive-data.ts";
import { bundleClient } from "./bundle-client.ts";
import { writeSearchDocuments } from "../search/documents-writer.ts";
import { buildIndex } from "../../scripts/build-index.ts";

export async function afterBuild(outputDir: string): Promise<void> {
  bundleClient(outputDir);
  writeSearchDocuments(archiveOfLastBuild(), outputDir);
  await buildIndex(outputDir);
}
