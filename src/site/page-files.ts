/**
 * Page files: copies each page's image and PDF (src/content/page-image.ts) beside
 * the page's index.html in the output, under the name page.json gives, so the page
 * view links them relatively and the offline manifest, which lists every file of
 * the output, lists them too.
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "../content/model.ts";

export function copyPageFiles(pages: Page[], outputDir: string): void {
  for (const page of pages) {
    for (const file of [page.image, page.pdf]) if (file) copyFileSync(file.source, join(outputDir, page.url, file.file));
  }
}
