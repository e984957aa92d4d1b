/**
 * Site documents: the search documents of a built site, read back from its index's docs
 * parts (format/docs.ts), which hold every article's record in archive order. The build
 * keeps no other copy in the site (its JSON Lines live in a work folder and go), so the
 * benchmark, the tests and `scripts/build-index.ts` read the documents from here.
 * Node only.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeDocsPart } from "../format/docs.ts";
import type { SearchDocument } from "../format/documents.ts";
import { ANALYZER_VERSION } from "../analysis/analyzer.ts";
import { INDEX_DIR, META_PART, docsPartName, partFile, unwrapPart, type MetaFile } from "../format/index-format.ts";
import { validateMeta } from "../format/meta.ts";

const readPart = (siteDir: string, name: string): unknown => unwrapPart(name, readFileSync(join(siteDir, INDEX_DIR, partFile(name)), "utf8"));

/** The records of the site's articles in archive order, one docs part at a time. */
export function* siteDocuments(siteDir: string): Generator<SearchDocument> {
  const file = join(siteDir, INDEX_DIR, partFile(META_PART));
  let meta: MetaFile;
  try {
    meta = validateMeta(readPart(siteDir, META_PART), ANALYZER_VERSION);
  } catch (error) {
    throw new Error(`${file}: not a search index meta part (${(error as Error).message})`);
  }
  // Segment by segment, in archive order (format/index-format.ts, "Segments").
  for (const segment of meta.segments) {
    for (let k = 0; k * meta.docsPerPart < segment.docCount; k++) {
      const name = docsPartName(k, segment.dir);
      yield* decodeDocsPart(name, readPart(siteDir, name), segment.build).docs;
    }
  }
}

/** All the site's records, in archive order. */
export function readSiteDocuments(siteDir: string): SearchDocument[] {
  return [...siteDocuments(siteDir)];
}
