/**
 * The index format's own folder (src/search/format/) as a two-sided contract: every part
 * (meta, postings, docs) goes through its encoder and back through its decoder
 * unchanged, on the sample archive's real index, and each decoder rejects a corrupt
 * part with a FormatError naming it, and a part of another build with a
 * BuildMismatchError; the build follows from the articles alone.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ANALYZER_VERSION } from "../../src/search/analysis/analyzer.ts";
import { columnFieldLength, FIELDS } from "../../src/search/analysis/fields.ts";
import { writeIndex } from "../../src/search/build/index-writer.ts";
import { decodeDocsPart, encodeDocsPart } from "../../src/search/format/docs.ts";
import { BuildMismatchError, FormatError, META_PART, unwrapPart, wrapPart, type DocsPayload, type MetaFile } from "../../src/search/format/index-format.ts";
import { decodeFieldLengths, decodeMeta, encodeMeta, validateMeta } from "../../src/search/format/meta.ts";
import {
  decodePostings,
  decodePostingsPart,
  encodePostingsPart,
  encodeTermPostings,
  type TermEntry,
} from "../../src/search/format/postings.ts";
import { sampleDocuments } from "./helpers.ts";

const documents = sampleDocuments().documents;
const files = writeIndex(documents, { partBytes: 2048 }).files;
const payload = (name: string) => unwrapPart(name, files.get(`${name}.js`)!);
const build = (payload(META_PART) as MetaFile).build;

test("build: every part carries meta's build, which the articles decide", () => {
  for (const [path, text] of files) assert.is((unwrapPart(path.slice(0, -3), text) as { build: string }).build, build, path);
  assert.is((writeIndex(documents, { partBytes: 2048, builder: "lunr" }).files.get("meta.js")), files.get("meta.js"), "the builder does not change it");
  const edited = documents.map((d, i) => (i === documents.length - 1 ? { ...d, title: `${d.title}（更正）` } : d));
  const other = (unwrapPart(META_PART, writeIndex(edited, { partBytes: 2048 }).files.get("meta.js")!) as MetaFile).build;
  assert.is.not(other, build, "one title changed: another build");
  assert.is.not((unwrapPart(META_PART, writeIndex(documents, { partBytes: 4096 }).files.get("meta.js")!) as MetaFile).build, build, "other settings: another build");
});

test("meta: what encodeMeta writes validates and decodes to the articles' facts", () => {
  const file = validateMeta(payload(META_PART), ANALYZER_VERSION);
  const meta = decodeMeta(file);
  assert.is(meta.docCount, documents.length);
  assert.equal(
    documents.map((_, n) => meta.docs.date[n]),
    documents.map((d) => d.date),
  );
  assert.equal(
    documents.map((_, n) => (meta.docs.column[n]! < 0 ? undefined : meta.columns[meta.docs.column[n]!])),
    documents.map((d) => d.column),
  );
  assert.equal(
    documents.map((_, n) => meta.docs.people[n]!.map((p) => meta.people[p])),
    documents.map((d) => [...new Set(d.people.map((p) => p.name))]),
  );
  // Encoding the decoded facts again gives the same part.
  const again = encodeMeta({
    analyzer: file.analyzer,
    build: file.build,
    lunr: file.lunr,
    bm25: file.bm25,
    fields: file.fields,
    termCount: file.termCount,
    docsPerPart: file.docsPerPart,
    partFirsts: meta.postings.slice(1).map((p) => p.first),
    articles: documents.map((_, n) => ({
      date: meta.docs.date[n]!,
      column: meta.docs.column[n]! < 0 ? undefined : meta.columns[meta.docs.column[n]!],
      people: meta.docs.people[n]!.map((p) => meta.people[p]!),
    })),
    fieldLengths: documents.map((_, n) =>
      file.fields.map((_f, f) => decodeFieldLengths(file, f, () => meta.docs.column, columnFieldLength).lengths[n]!),
    ),
  });
  assert.is(wrapPart(META_PART, again), files.get("meta.js"));
});

test("meta: a corrupt part is rejected with a FormatError", () => {
  const file = payload(META_PART) as MetaFile;
  const rejects = (bad: unknown, message: RegExp) => {
    try {
      const checked = validateMeta(bad, ANALYZER_VERSION);
      const meta = decodeMeta(checked);
      void meta.docs.date, meta.docs.column, meta.docs.people;
      checked.fields.forEach((_, f) => decodeFieldLengths(checked, f, () => meta.docs.column, columnFieldLength));
    } catch (e) {
      assert.instance(e, FormatError);
      assert.match((e as Error).message, message);
      return;
    }
    assert.unreachable(`accepted ${JSON.stringify(bad).slice(0, 80)}`);
  };
  rejects(null, /not a Banmian search index/);
  rejects({ ...file, version: 1 }, /index format 1/);
  rejects({ ...file, analyzer: "another" }, /analyzer another/);
  rejects({ ...file, docs: { ...file.docs, people: undefined } }, /incomplete/);
  rejects({ ...file, build: undefined }, /incomplete/);
  rejects({ ...file, docCount: file.docCount + 1 }, /do not match/);
  rejects({ ...file, docs: { ...file.docs, date: file.docs.date.slice(0, -1) } }, /dates/);
  rejects({ ...file, docs: { ...file.docs, fieldLengths: file.docs.fieldLengths.slice(1) } }, /field lengths/);
});

test("postings: entries and parts round-trip; corrupt parts are rejected", () => {
  const file = validateMeta(payload(META_PART), ANALYZER_VERSION);
  const ranges = decodeMeta(file).postings;
  assert.ok(ranges.length > 1, "the sample is cut into several postings parts");
  ranges.forEach((range, k) => {
    const raw = payload(range.part);
    const part = decodePostingsPart(range.part, raw, { first: range.first, next: ranges[k + 1]?.first }, build);
    assert.ok(part.terms.length > 0);
    assert.equal(encodePostingsPart(part, build), raw);
    for (const postings of part.postings) {
      const entries = decodePostings(postings, FIELDS.length);
      assert.is(encodeTermPostings(entries, FIELDS.length), postings);
    }
  });
  const entries: TermEntry[] = [
    { doc: 0, field: 5, positions: [3, 4, 9] },
    { doc: 2, field: 0, positions: [0] },
    { doc: 2, field: 5, positions: [100] },
  ];
  assert.equal(decodePostings(encodeTermPostings(entries, 6), 6), entries);

  const range = ranges[1]!;
  const good = payload(range.part) as { terms: string; postings: string };
  const rejects = (bad: unknown, bounds: { first: string; next?: string }, message: RegExp, kind: typeof FormatError = FormatError) => {
    assert.throws(() => decodePostingsPart(range.part, bad, bounds, build), (e: Error) => e instanceof kind && message.test(e.message));
  };
  const bounds = { first: range.first, next: ranges[2]?.first };
  rejects({ ...good, terms: undefined }, bounds, /malformed/);
  rejects({ ...good, build: "0123456789abcdef" }, bounds, /postings\/1: part of build "0123456789abcdef"/, BuildMismatchError);
  rejects({ terms: good.terms, postings: good.postings }, bounds, /part of build undefined/, BuildMismatchError);
  rejects({ ...good, postings: good.postings.split(" ").slice(1).join(" ") }, bounds, /term count/);
  rejects(good, { first: "\uffff" }, /outside the part's range/);
  rejects({ ...good, terms: "x" + good.terms }, bounds, /front-coded/);
  assert.throws(() => decodePostings(encodeTermPostings(entries, 6).slice(0, -1), 6), (e: Error) => e instanceof FormatError);
});

test("docs: every docs part round-trips to the article's record; a corrupt one is rejected naming the field", () => {
  documents.forEach((doc, n) => {
    const raw = payload(`docs/${n}`);
    const decoded = decodeDocsPart(`docs/${n}`, raw, build);
    assert.equal(decoded, { build, first: n, docs: [doc] });
    assert.equal(encodeDocsPart(decoded.first, decoded.docs, build), raw);
  });
  const good = payload("docs/0") as DocsPayload;
  const rejects = (bad: unknown, message: RegExp, kind: typeof FormatError = FormatError) => {
    assert.throws(() => decodeDocsPart("docs/0", bad, build), (e: Error) => e instanceof kind && message.test(e.message));
  };
  rejects(null, /docs\/0: top level/);
  rejects({ ...good, first: -1 }, /docs\/0: first/);
  rejects({ build, first: 0, docs: [{ ...good.docs[0], title: 3 }] }, /docs\/0: docs\[0\]\.title: must be a string/);
  rejects({ build, first: 0, docs: [{ ...good.docs[0], body: "text" }] }, /docs\[0\]\.body/);
  rejects({ ...good, build: "another" }, /docs\/0: part of build "another"/, BuildMismatchError);
});

test.run();
