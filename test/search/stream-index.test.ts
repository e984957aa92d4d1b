/**
 * The streaming index builder (src/search/build/stream-index.ts) against the in-memory
 * writer (index-writer.ts): the same files, byte for byte, on the sample and on corpus
 * articles cut into runs of every awkward shape (uneven runs, a run of one article, terms
 * of one run only, a leading character over the part budget whose terms span runs);
 * JSON Lines errors name the file and line; a failed build keeps the previous index.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildIndexFromRuns, type StreamOptions } from "../../src/search/build/stream-index.ts";
import { writeIndex } from "../../src/search/build/index-writer.ts";
import { writeDocumentLines } from "../../src/search/build/documents-writer.ts";
import { LineReader } from "../../src/files/line-reader.ts";
import { FIELDS } from "../../src/search/analysis/fields.ts";
import { INDEX_DIR, META_PART, unwrapPart, type MetaFile, type PostingsPayload } from "../../src/search/format/index-format.ts";
import { frontDecode } from "../../src/search/format/front-coding.ts";
import { decodePostings } from "../../src/search/format/postings.ts";
import type { SearchDocument } from "../../src/search/format/documents.ts";
import { tempDir } from "../helpers/site.ts";
import { corpusFile, corpusToDocuments, readCorpus, sampleDocuments } from "./helpers.ts";

const sample = sampleDocuments().documents;
const corpusPath = corpusFile("news.jsonl");
const corpus = corpusPath ? corpusToDocuments(readCorpus(corpusPath, 1200)).documents : [];

/** Every file under `dir`, by relative path. */
function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name), "utf8"));
  }
  return out;
}

/** Writes the documents as JSON Lines files of the given sizes (the last takes the rest). */
function documentFiles(dir: string, docs: readonly SearchDocument[], sizes: readonly number[]): string[] {
  const files: string[] = [];
  let at = 0;
  [...sizes, docs.length].forEach((size, k) => {
    if (at >= docs.length && k > 0) return;
    const path = join(dir, `${String(k).padStart(3, "0")}.jsonl`);
    writeDocumentLines(path, docs.slice(at, k < sizes.length ? at + size : docs.length));
    files.push(path);
    at = Math.min(docs.length, k < sizes.length ? at + size : docs.length);
  });
  return files;
}

/** Builds with the streaming builder; returns the index files and the report. */
async function streamed(docs: readonly SearchDocument[], sizes: readonly number[], options: StreamOptions) {
  const dir = tempDir("stream");
  const siteDir = join(dir, "site");
  const report = await buildIndexFromRuns({ ...options, documentFiles: documentFiles(dir, docs, sizes), siteDir, workDir: join(dir, "work") });
  assert.equal(readdirSync(join(dir, "work")), [], "the runs are removed");
  return { files: readTree(join(siteDir, INDEX_DIR)), report };
}

/** Asserts the streaming build equals writeIndex's files, byte for byte. */
async function assertSame(docs: readonly SearchDocument[], sizes: readonly number[], options: StreamOptions, runs: number) {
  const label = `${docs.length} articles, files ${JSON.stringify(sizes)}, ${JSON.stringify(options)}`;
  const expected = writeIndex(docs, options);
  const { files, report } = await streamed(docs, sizes, options);
  assert.is(report.runs, runs, `runs, ${label}`);
  assert.is(report.documents, docs.length);
  assert.is(report.terms, expected.termCount);
  assert.equal([...files.keys()].sort(), [...expected.files.keys()].sort(), `file names, ${label}`);
  for (const [path, text] of expected.files) assert.ok(files.get(path) === text, `${path} differs (${label})`);
  return expected;
}

/** Which runs hold each term's articles, given the runs' first article numbers. */
function runsOfTerms(files: Map<string, string>, runStarts: readonly number[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const [path, text] of files) {
    if (!path.startsWith("postings/")) continue;
    const payload = unwrapPart(path.slice(0, -3), text) as PostingsPayload;
    const postings = payload.postings === "" ? [] : payload.postings.split(" ");
    frontDecode(payload.terms).forEach((term, i) => {
      const runs = new Set(decodePostings(postings[i]!, FIELDS.length).map((e) => runStarts.filter((s) => s <= e.doc).length - 1));
      out.set(term, runs);
    });
  }
  return out;
}

test("the sample, as one file, as uneven files with a run of one article, and with small parts", async () => {
  assert.ok(sample.length >= 5, "the sample has articles");
  await assertSame(sample, [], {}, 1);
  // Files of 1, 2 and the rest; runs of at most 2 articles within them.
  const rest = sample.length - 3;
  await assertSame(sample, [1, 2], { runDocuments: 2 }, 1 + 1 + Math.ceil(rest / 2));
  await assertSame(sample, [3], { runDocuments: 1, partBytes: 600, docsPerPart: 4 }, sample.length);
  await assertSame(sample, [], { runDocuments: 4, partBytes: Number.POSITIVE_INFINITY, maxTermsPerPart: 300, docsPerPart: 3 }, Math.ceil(sample.length / 4));
});

test("an empty archive streams to the same files", async () => {
  await assertSame([], [], {}, 0);
});

if (corpus.length > 0) {
  test("corpus articles cut into uneven runs: same files, terms of one run and of many, a large group across runs", async () => {
    const docs = [...sample, ...corpus];
    // Files of 1, 400 and the rest; runs of at most 250 articles: runs of 1, 250, 150, 250, …
    const sizes = [1, 400];
    const runStarts = [0, 1, 251, 401];
    for (let s = 651; s < docs.length; s += 250) runStarts.push(s);
    const budget = 2000;
    const expected = await assertSame(docs, sizes, { runDocuments: 250, partBytes: budget }, runStarts.length);
    await assertSame(docs, sizes, { runDocuments: 250 }, runStarts.length);
    await assertSame(docs, [docs.length - 1], { runDocuments: 700, maxTermsPerPart: 100, docsPerPart: 7 }, 3);

    // The cases the merge must get right occur in this archive.
    const runs = runsOfTerms(expected.files, runStarts);
    assert.ok([...runs.values()].some((r) => r.size === 1 && !r.has(0)), "a term found in one run only (not the first)");
    assert.ok([...runs.values()].some((r) => r.size >= 3), "a term found in three runs or more");
    assert.ok(runs.get(docs[0]!.title.slice(0, 2))?.has(0), "a term of the run of one article");
    const lead = (t: string) => String.fromCodePoint(t.codePointAt(0)!);
    const groups = new Map<string, { bytes: number; runs: Set<number> }>();
    for (const [path, text] of expected.files) {
      if (!path.startsWith("postings/")) continue;
      const payload = unwrapPart(path.slice(0, -3), text) as PostingsPayload;
      const postings = payload.postings.split(" ");
      frontDecode(payload.terms).forEach((t, i) => {
        const g = groups.get(lead(t)) ?? { bytes: 0, runs: new Set<number>() };
        g.bytes += Buffer.byteLength(t) + postings[i]!.length + 2;
        for (const r of runs.get(t)!) g.runs.add(r);
        groups.set(lead(t), g);
      });
    }
    assert.ok([...groups.values()].some((g) => g.bytes > budget && g.runs.size >= 3), "a leading character over the budget, its terms in several runs");
  });
} else {
  test.skip("corpus articles cut into uneven runs (no corpus)", () => {});
}

test("line reader: lines across and longer than its buffer, multi-byte characters, no final line feed", () => {
  const dir = tempDir("lines");
  const long = "长".repeat(700_000); // 2.1 MB in UTF-8: longer than the buffer
  const lines = ["", "a", long, "𠀀x", `${"中".repeat(349_525)}z`, "end"];
  const path = join(dir, "lines.txt");
  writeFileSync(path, lines.join("\n"));
  const reader = new LineReader(path);
  const got: string[] = [];
  for (let l = reader.next(); l !== undefined; l = reader.next()) got.push(l);
  assert.equal(got, lines);
  assert.is(reader.line, lines.length);
  const small = new LineReader(path, 7); // a buffer smaller than most lines
  const again: string[] = [];
  for (let l = small.next(); l !== undefined; l = small.next()) again.push(l);
  assert.equal(again, lines);
  writeFileSync(path, "one\ntwo\n");
  const second = new LineReader(path);
  assert.equal([second.next(), second.next(), second.next()], ["one", "two", undefined]);
});

test("bad JSON Lines: the error names the file, the line and the field; the previous index stays", async () => {
  const dir = tempDir("stream-bad");
  const siteDir = join(dir, "site");
  const workDir = join(dir, "work");
  const good = documentFiles(dir, sample.slice(0, 4), [2]);
  await buildIndexFromRuns({ documentFiles: good, siteDir, workDir });
  const before = readTree(join(siteDir, INDEX_DIR));
  const meta = unwrapPart(META_PART, before.get("meta.js")!) as MetaFile;
  assert.is(meta.docCount, 4);

  const bad = join(dir, "bad.jsonl");
  const line = (d: unknown) => JSON.stringify(d);
  const cases: Array<[string, RegExp]> = [
    [`${line(sample[5])}\n${line({ ...sample[6], title: 7 })}\n`, /bad\.jsonl line 2: record\.title: must be a string/],
    [`${line(sample[5])}\n${line(sample[6])}\n{"id": "x",\n`, /bad\.jsonl line 3: not JSON/],
    [`${line(sample[5])}\n\n${line(sample[6])}\n`, /bad\.jsonl line 2: empty line/],
    [`${line({ ...sample[5], date: "2024-13-99x" })}\n`, /bad\.jsonl line 1: record\.date: must be YYYY/],
    // An id already in an earlier file.
    [`${line(sample[5])}\n${line(sample[0])}\n`, /bad\.jsonl line 2: id: duplicate id/],
  ];
  for (const [text, message] of cases) {
    writeFileSync(bad, text);
    let error: unknown;
    await buildIndexFromRuns({ documentFiles: [...good, bad], siteDir, workDir, runDocuments: 1 }).catch((e) => (error = e));
    assert.match(String(error), message);
    assert.ok(String(error).includes(bad), `names the file: ${error}`);
    assert.equal(readdirSync(join(siteDir, "search")), ["index"], "no staging folder left");
    assert.equal(readdirSync(workDir), [], "no runs left");
    const after = readTree(join(siteDir, INDEX_DIR));
    assert.equal([...after.keys()].sort(), [...before.keys()].sort());
    for (const [path, text] of before) assert.ok(after.get(path) === text, `${path} changed`);
  }
  let missing: unknown;
  await buildIndexFromRuns({ documentFiles: [join(dir, "none.jsonl")], siteDir, workDir }).catch((e) => (missing = e));
  assert.match(String(missing), /cannot read .*none\.jsonl/);
  assert.ok(existsSync(join(siteDir, INDEX_DIR, "meta.js")));
});

test.run();
