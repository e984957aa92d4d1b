/**
 * Index segments (format/index-format.ts, "Segments"): an index built whole and the
 * same articles as a base segment plus a recent one (stream-index.ts,
 * `addRecentSegment`) answer alike: the same replies (results, their order and
 * snippets, counts, partial matches, facets, filters, date order) for the judged
 * queries of the sample and for words drawn from 1,200 corpus articles. Adding the
 * recent segment leaves the base's files as they were (the same inodes) and writes
 * only its own parts and meta; a recent segment made again, for an archive grown by
 * newer articles, replaces the one before.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { addRecentSegment, buildIndexFromRuns } from "../../src/search/build/stream-index.ts";
import { writeDocumentLines } from "../../src/search/build/documents-writer.ts";
import { readSiteDocuments } from "../../src/search/build/site-documents.ts";
import type { SearchDocument } from "../../src/search/format/documents.ts";
import { INDEX_DIR, META_PART, RECENT_DIR, unwrapPart, type MetaFile } from "../../src/search/format/index-format.ts";
import { readFileSync } from "node:fs";
import { judgedQueries } from "../helpers/judged.ts";
import { tempDir } from "../helpers/site.ts";
import { corpusFile, corpusToDocuments, readCorpus, sampleDocuments } from "./helpers.ts";
import { requests, sameReplies } from "../helpers/same-answers.ts";

const sample = sampleDocuments().documents;
const corpusPath = corpusFile("news.jsonl");
// Dated newest first, as an archive is ordered, so the recent segment holds the newest editions.
const corpus = corpusPath
  ? corpusToDocuments(readCorpus(corpusPath, 1200))
      .documents.map((d, i) => ({ ...d, date: `20${String(30 - Math.floor(i / 100)).padStart(2, "0")}-01-01`, edition: `e${Math.floor(i / 100)}` }))
  : [];

/** Every file under `dir` with its inode. */
function inodes(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(relative(dir, join(e.parentPath, e.name)), statSync(join(e.parentPath, e.name)).ino);
  }
  return out;
}

const jsonl = (dir: string, name: string, docs: readonly SearchDocument[]) => {
  const path = join(dir, `${name}.jsonl`);
  writeDocumentLines(path, docs);
  return path;
};

/**
 * Builds the base from docs[baseStart…], then adds a recent segment for each archive
 * docs[start…] (starts decreasing, the archive growing by newer articles) and compares
 * it with a whole build of the same archive.
 */
async function check(docs: readonly SearchDocument[], baseStart: number, starts: readonly number[], words: readonly string[]): Promise<void> {
  const dir = tempDir("segments");
  const site = join(dir, "segmented");
  const base = docs.slice(baseStart);
  await buildIndexFromRuns({ documentFiles: [jsonl(dir, "base", base)], siteDir: site, workDir: join(dir, "work") });
  const index = join(site, INDEX_DIR);
  const baseFiles = inodes(index);
  for (const start of starts) {
    const archive = docs.slice(start);
    const whole = join(dir, `whole-${start}`);
    await buildIndexFromRuns({ documentFiles: [jsonl(dir, `all-${start}`, archive)], siteDir: whole, workDir: join(dir, "work") });
    const before = inodes(index);
    const recent = docs.slice(start, baseStart);
    const report = await addRecentSegment({ documentFiles: [jsonl(dir, `recent-${start}`, recent)], siteDir: site, workDir: join(dir, "work"), previousIndexDir: index });
    const after = inodes(index);
    for (const [path, ino] of baseFiles) if (path !== "meta.js") assert.is(after.get(path), ino, `${path} is the base's file, not written again`);
    const written = [...after].filter(([path, ino]) => before.get(path) !== ino).map(([path]) => path);
    assert.ok(written.every((p) => p === "meta.js" || p.startsWith(RECENT_DIR)), `only meta and the recent segment are written: ${written.find((p) => p !== "meta.js" && !p.startsWith(RECENT_DIR))}`);
    assert.is(report.files, written.length);
    assert.ok([...after.keys()].every((p) => baseFiles.has(p) || p.startsWith(RECENT_DIR)), "the recent segment made before is gone");
    const meta = unwrapPart(META_PART, readFileSync(join(index, "meta.js"), "utf8")) as MetaFile;
    assert.equal(meta.segments.map((s) => [s.dir, s.docCount]), [[RECENT_DIR, recent.length], ["", base.length]]);
    assert.equal(readSiteDocuments(site), readSiteDocuments(whole), "the documents read back in archive order");
    await sameReplies(whole, site, requests(archive, words, start));
  }
}

test("the sample as a base and a recent segment answers the judged queries as the whole index does", async () => {
  const judged = judgedQueries();
  await check(sample, 5, [3, 0], [...judged.queries.map((q) => q.q), ...judged.negative]);
});

test("1,200 corpus articles as a base and a recent segment answer as the whole index does", async () => {
  if (!corpusPath) {
    if (process.env.CI) assert.unreachable("the corpus is required under CI");
    console.log("  skipped: no corpus (../shared/corpus/news.jsonl)");
    return;
  }
  await check(corpus, 400, [300, 0], ["新闻联播", "习近平", "高质量发展", "经济", "国*"]);
});

test.run();
