/**
 * Builds the search index of a built site (src/search/build/build-index.ts), as every
 * build does after its pages; for measuring the index step alone and for rebuilding an
 * index without the pages. The documents come from the JSON Lines files given with
 * --documents (in archive order), else from `DIR/search/documents.json` when there is
 * one (the earlier form), else from the site's own index (its docs parts hold every
 * record), copied to a work file first.
 *
 * Usage: tsx scripts/build-index.ts [--site DIR] [--documents FILE.jsonl ...] [--run-documents N]
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildIndex, withWorkFolder } from "../src/search/build/build-index.ts";
import { documentsPath } from "../src/search/build/read-documents.ts";
import { siteDocuments } from "../src/search/build/site-documents.ts";
import { writeDocumentLines } from "../src/search/build/documents-writer.ts";
import { INDEX_DIR } from "../src/search/format/index-format.ts";

const USAGE = "usage: tsx scripts/build-index.ts [--site DIR] [--documents FILE.jsonl ...] [--run-documents N]";

let values: { site: string; documents?: string[]; "run-documents"?: string };
try {
  values = parseArgs({
    options: { site: { type: "string", default: "_site" }, documents: { type: "string", multiple: true }, "run-documents": { type: "string" } },
  }).values as typeof values;
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
const runDocuments = values["run-documents"] === undefined ? undefined : Number(values["run-documents"]);
if (runDocuments !== undefined && !(Number.isInteger(runDocuments) && runDocuments > 0)) {
  console.error(`--run-documents must be a positive integer\n${USAGE}`);
  process.exit(2);
}
const site = values.site;
try {
  const options = runDocuments === undefined ? {} : { runDocuments };
  const r = values.documents
    ? await buildIndex(site, options, values.documents)
    : existsSync(documentsPath(site))
      ? await buildIndex(site, options)
      : await withWorkFolder(async (work) => {
          const copy = join(work, "documents.jsonl");
          writeDocumentLines(copy, siteDocuments(site));
          return buildIndex(site, options, [copy]);
        });
  console.log(
    `search index: ${r.documents} articles, ${r.terms} terms, ${r.runs} runs, ${r.files} files, ${r.bytes} bytes, ${Math.round(r.milliseconds)} ms → ${join(site, INDEX_DIR)}`,
  );
} catch (e) {
  console.error(`build-index: ${(e as Error).message}`);
  process.exit(1);
}
