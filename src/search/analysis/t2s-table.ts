/**
 * T2S table: where t2s.ts gets the fold's pairs. In Node and in the page's engine bundle
 * the table is part of the code. The search worker's bundle is built with
 * globalThis.BANMIAN_T2S_ON_DEMAND defined as true (src/site/bundle-client.ts), which
 * drops the table from the worker and loads assets/search-t2s.js with importScripts the
 * first time a text needs it: most first queries never do, and start sooner without it.
 */
import { T2S_PAIRS } from "./t2s-data.ts";

/** The worker's on-demand table: its file, beside the worker's script, and the global it sets. */
export const T2S_ASSET = "search-t2s.js";
export const T2S_GLOBAL = "banmianT2S";

declare function importScripts(...urls: string[]): void;

// esbuild replaces the condition with `true` in the worker's bundle and drops the other branch.
export const t2sPairs: () => string = (globalThis as unknown as { BANMIAN_T2S_ON_DEMAND?: boolean }).BANMIAN_T2S_ON_DEMAND
  ? () => {
      const g = globalThis as unknown as Record<string, unknown>;
      // The asset sits beside the worker's own script (assets/); synchronous in a classic worker.
      if (typeof g[T2S_GLOBAL] !== "string") importScripts(new URL(T2S_ASSET, (g as unknown as { location: { href: string } }).location.href).href);
      const pairs = g[T2S_GLOBAL];
      if (typeof pairs !== "string") throw new Error(`${T2S_ASSET} did not load`);
      return pairs;
    }
  : () => T2S_PAIRS;
