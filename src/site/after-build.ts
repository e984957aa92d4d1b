/**
 * After build: the steps that follow Eleventy's pages, on every build and every
 * `npm start` rebuild: the page images and PDFs beside their pages, the browser
 * code, the search documents (written as JSON Lines to a work folder outside the
 * site) and the index built from them, then the offline manifest of every file
 * and the service worker stamped with the resulting version (so it comes last).
 */
import { join } from "node:path";
import { archiveOfLastBuild } from "./archive-data.ts";
import { bundleClient, bundleServiceWorker } from "./bundle-client.ts";
import { writeSearchDocuments } from "../search/build/documents-writer.ts";
import { writeOfflineManifest } from "../offline/offline-manifest.ts";
import { withWorkFolder } from "../search/build/build-index.ts";
import { buildIndexFromRuns } from "../search/build/stream-index.ts";
import { copyPageFiles } from "./page-files.ts";

export async function afterBuild(outputDir: string): Promise<void> {
  copyPageFiles(archiveOfLastBuild().pages, outputDir);
  bundleClient(outputDir);
  await withWorkFolder(async (work) => {
    const documents = join(work, "documents.jsonl");
    writeSearchDocuments(archiveOfLastBuild(), documents);
    await buildIndexFromRuns({ documentFiles: [documents], siteDir: outputDir, workDir: work });
  });
  bundleServiceWorker(outputDir, writeOfflineManifest(outputDir).root.version);
}
