/**
 * Corpus to content: writes the first N articles of a JSON-lines news corpus as
 * an archive folder, to build and measure archives of real size. With --repeat,
 * N may exceed the corpus: dated copies of it follow (src/content/corpus.ts).
 *
 *   tsx scripts/corpus-to-content.ts --corpus ../shared/corpus/news.jsonl --count 2000 --out /tmp/archive
 *   tsx scripts/corpus-to-content.ts --count 100000 --repeat --out /tmp/archive-100k
 */
import { parseArgs } from "node:util";
import { rmSync } from "node:fs";
import { readCorpus, repeatCorpus, writeCorpusArchive } from "../src/content/corpus.ts";

const { values } = parseArgs({
  options: {
    corpus: { type: "string", default: "../shared/corpus/news.jsonl" },
    count: { type: "string", default: "1000" },
    out: { type: "string" },
    repeat: { type: "boolean", default: false },
  },
});
if (!values.out) {
  console.error("--out DIR is required (it is emptied first)");
  process.exit(2);
}
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1) {
  console.error(`--count must be a positive whole number, got ${JSON.stringify(values.count)}`);
  process.exit(2);
}
const corpus = readCorpus(values.corpus, values.repeat ? Infinity : count);
if (corpus.length < count && !values.repeat) {
  console.error(`${values.corpus} has ${corpus.length} articles, fewer than --count ${count}: add --repeat to fill the rest with dated copies`);
  process.exit(2);
}
rmSync(values.out, { recursive: true, force: true });
const slugs = writeCorpusArchive(values.repeat ? repeatCorpus(corpus, count) : corpus, values.out);
console.log(`Wrote ${slugs.length} articles to ${values.out}`);
