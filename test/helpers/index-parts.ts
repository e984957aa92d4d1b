/**
 * Index parts: which file of a built site's search index holds a term, found the way the
 * loader finds it (meta's table of postings tables, then the table), for tests that
 * damage or replace one part.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ANALYZER_VERSION } from "../../src/search/analysis/analyzer.ts";
import { INDEX_DIR, META_PART, partFile, unwrapPart, type PostingsRange } from "../../src/search/format/index-format.ts";
import { decodeMeta, decodePostingsTable, validateMeta } from "../../src/search/format/meta.ts";

const readPart = (site: string, name: string): unknown => unwrapPart(name, readFileSync(join(site, INDEX_DIR, partFile(name)), "utf8"));

/** The range among these (sorted by first term) that holds `term`. */
const holding = (ranges: readonly PostingsRange[], term: string): number => {
  let at = 0;
  ranges.forEach((r, i) => r.first <= term && (at = i));
  return at;
};

/** The postings part of `site`'s index (its base segment) that holds `term`, and the table listing it. */
export function postingsPartOf(site: string, term: string): { part: string; table: string } {
  const segment = decodeMeta(validateMeta(readPart(site, META_PART), ANALYZER_VERSION)).segments.at(-1)!;
  const j = holding(segment.postings.tables, term);
  const table = segment.postings.tables[j]!.part;
  const parts = decodePostingsTable(segment, j, readPart(site, table));
  return { part: parts[holding(parts, term)]!.part, table };
}
