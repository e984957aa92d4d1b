/**
 * T2S script: the fold's table as a classic script (assets/search-t2s.js), which the
 * search worker loads with importScripts only when a text needs it (src/search/analysis/t2s-table.ts).
 */
import { T2S_PAIRS } from "../analysis/t2s-data.ts";
import { T2S_GLOBAL } from "../analysis/t2s-table.ts";

(globalThis as unknown as Record<string, string>)[T2S_GLOBAL] = T2S_PAIRS;
