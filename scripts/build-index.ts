/**
 * Builds the search index of a built site (src/search/build/build-index.ts), as every
 * build does after its pages; for measuring the index step alone and for rebuilding an
 * index without the pages.
 *
 * Usage: tsx scripts/build-index.ts [--site DIR]   (DIR defaults to _site)
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildIndex } from "../src/search/build/build-index.ts";
import { INDEX_DIR } from "../src/search/format/index-format.ts";

const USAGE = "usage: tsx scripts/build-index.ts [--site DIR]";

let site: string;
try {
  site = parseArgs({ options: { site: { type: "string", default: "_site" } } }).values.site;
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
try {
  const r = await buildIndex(site);
  console.log(
    `search index: ${r.documents} articles, ${r.terms} terms, ${r.files} files, ${r.bytes} bytes, ${Math.round(r.milliseconds)} ms → ${join(site, INDEX_DIR)}`,
  );
} catch (e) {
  console.error(`build-index: ${(e as Error).message}`);
  process.exit(1);
}
