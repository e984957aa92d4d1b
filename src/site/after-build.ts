/**
 * After build: the steps that follow Eleventy's pages, on every build and every
 * `npm start` rebuild: the page images and PDFs beside their pages, the browser code, the search documents and the index
 * built from them, then the offline manifest of every file and the service
 * worker stamped with the resulting version (so it comes last).
 */
import { archiveOfLastBuild } from "./archive-data.ts";
import { bundleClient, bundleServiceWorker } from "./bundle-client.ts";
import { writeSearchDocuments } from "../search/build/documents-writer.ts";
import { writeOfflineManifest } from "../offline/offline-manifest.ts";
import { buildIndex } from "../search/build/build-index.ts";
import { copyPageFiles } from "./page-files.ts";

export async function afterBuild(outputDir: string): Promise<void> {
  copyPageFiles(archiveOfLastBuild().pages, outputDir);
  bundleClient(outputDir);
  writeSearchDocuments(archiveOfLastBuild(), outputDir);
  await buildIndex(outputDir);
  bundleServiceWorker(outputDir, writeOfflineManifest(outputDir).version);
}
