/**
 * Corpus to content: writes the first N articles of a JSON-lines news corpus as
 * an archive folder, to build and measure archives of real size.
 *
 *   tsx scripts/corpus-to-content.ts --corpus ../shared/corpus/news.jsonl --count 2000 --out /tmp/archive
 */
import { parseArgs } from "node:util";
import { rmSync } from "node:fs";
import { readCorpus, writeCorpusArchive } from "../src/content/corpus.ts";

const { values } = parseArgs({
  options: {
    corpus: { type: "string", default: "../shared/corpus/news.jsonl" },
    count: { type: "string", default: "1000" },
    out: { type: "string" },
  },
});
if (!values.out) {
  console.error("--out DIR is required (it is emptied first)");
  process.exit(2);
}
rmSync(values.out, { recursive: true, force: true });
const slugs = writeCorpusArchive(readCorpus(values.corpus, Number(values.count)), values.out);
console.log(`Wrote ${slugs.length} articles to ${values.out}`);
