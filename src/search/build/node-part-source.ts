/**
 * Node part source: reads index parts from a built site on disk, for the command line
 * (scripts/search.ts) and the tests. The browser uses part-sources.ts instead; both hand
 * the same payloads to index-loader.ts. Node only (not bundled).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { INDEX_DIR, partFile, unwrapPart } from "../format/index-format.ts";
import type { PartSource } from "../query/part-cache.ts";

/** A PartSource reading `<siteDir>/search/index/NAME.js`. */
export function nodePartSource(siteDir: string): PartSource {
  return async (name) => unwrapPart(name, await readFile(join(siteDir, INDEX_DIR, partFile(name)), "utf8"));
}
