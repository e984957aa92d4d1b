/**
 * Bundle client: compiles the browser code with esbuild into classic scripts,
 * the only kind a page opened from disk may load. A page view loads only the
 * small page script; the engine comes when a search needs it:
 *   assets/site.js           every page: search UI, offline reading (src/site/client.ts)
 *   assets/search-worker.js  the engine in a Web Worker, for pages served over http
 *   assets/search-engine.js  the engine on the page itself, for file:// and highlighting
 *   assets/search-t2s.js     the traditional→simplified table, which the worker loads only
 *                            when a text needs it (src/search/analysis/t2s-table.ts)
 *   sw.js                    the service worker, at the root so its scope is the whole site,
 *                            stamped with the build's version (src/offline/service-worker.ts)
 * Output is deterministic (no timestamps, no absolute paths), so unchanged code
 * gives unchanged files.
 */
import { buildSync, type BuildOptions } from "esbuild";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const SRC = fileURLToPath(new URL("..", import.meta.url));

export const CLIENT_BUNDLES = {
  site: "site/client.ts",
  "search-engine": "search/client/engine-bundle.ts",
  "search-t2s": "search/client/t2s-script.ts",
};

/** How every client script is bundled (also the benchmark's harness, bench/harness.ts). */
export const CLIENT_BUILD_OPTIONS: BuildOptions = {
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["es2020"],
  minify: true,
  legalComments: "none",
  charset: "utf8",
  logLevel: "error",
};

export function bundleClient(outputDir: string): void {
  buildSync({
    ...CLIENT_BUILD_OPTIONS,
    entryPoints: Object.fromEntries(Object.entries(CLIENT_BUNDLES).map(([out, entry]) => [out, join(SRC, entry)])),
    outdir: join(outputDir, "assets"),
  });
  // The worker leaves the T2S table out and loads it on demand (src/search/analysis/t2s-table.ts).
  buildSync({
    ...CLIENT_BUILD_OPTIONS,
    entryPoints: [join(SRC, "search/client/worker.ts")],
    outfile: join(outputDir, "assets/search-worker.js"),
    define: { "globalThis.BANMIAN_T2S_ON_DEMAND": "true" },
  });
}

export function bundleServiceWorker(outputDir: string, version: string): void {
  buildSync({
    ...CLIENT_BUILD_OPTIONS,
    entryPoints: [join(SRC, "offline/service-worker.ts")],
    outfile: join(outputDir, "sw.js"),
    define: { BUILD_VERSION: JSON.stringify(version) },
  });
}
