/**
 * Bundle client: compiles the browser's search code (src/search/client/) with
 * esbuild into classic scripts under assets/, the only kind a page opened from
 * disk may load. Three bundles, so a page view loads only the small UI:
 *   search.js         the UI on every page (search box, search page, highlighting)
 *   search-worker.js  the engine in a Web Worker, for pages served over http
 *   search-engine.js  the engine on the page itself, for file:// and highlighting
 * Output is deterministic (no timestamps, no absolute paths), so unchanged code
 * gives unchanged files.
 */
import { buildSync } from "esbuild";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const CLIENT = fileURLToPath(new URL("../search/client/", import.meta.url));

export const CLIENT_BUNDLES = {
  search: "main.ts",
  "search-worker": "worker.ts",
  "search-engine": "engine-bundle.ts",
} as const;

export function bundleClient(outputDir: string): void {
  buildSync({
    entryPoints: Object.fromEntries(Object.entries(CLIENT_BUNDLES).map(([out, entry]) => [out, join(CLIENT, entry)])),
    outdir: join(outputDir, "assets"),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["es2020"],
    minify: true,
    legalComments: "none",
    charset: "utf8",
    logLevel: "error",
  });
}
