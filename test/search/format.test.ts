/**
 * The index format's own folder (src/search/format/) as a two-sided contract: every part
 * (meta, postings tables, postings, facts, docs) goes through its encoder and back through its decoder
 * unchanged, on the sample archive's real index, and each decoder rejects a corrupt
 * part with a FormatError naming it, and a part of another build with a
 * BuildMismatchError; the build follows from the articles alone.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ANALYZER_VERSION } from "../../src/search/analysis/analyzer.ts";
import { FIELDS } from "../../src/search/analysis/fields.ts";
import { writeIndex } from "../../src/search/build/index-writer.ts";
import { decodeDocsPart, encodeDocsPart } from "../../src/search/format/docs.ts";
import { decodeFacts, encodeFacts } from "../../src/search/format/facts.ts";
import {
  BuildMismatchError,
  FACTS_PART,
  FormatError,
  META_PART,
  unwrapPart,
  wrapPart,
  type DocsPayload,
  type MetaFile,
  type PostingsRange,
} from "../../src/search/format/index-format.ts";
import { decodeMeta, decodePostingsTable, encodeMeta, encodeSegment, validateMeta } from "../../src/search/format/meta.ts";
import {
  decodePostings,
  decodePostingsPart,
  encodePostingsPart,
  encodeTermPostings,
  type TermEntry,
} from "../../src/search/format/postings.ts";
import { sampleDocuments } from "./helpers.ts";

const documents = sampleDocuments().documents;
// Small parts and tables, so the sample has several of each.
const PER_TABLE = 4;
const files = writeIndex(documents, { partBytes: 2048, postingsPerTable: PER_TABLE }).files;
const payload = (name: string) => unwrapPart(name, files.get(`${name}.js`)!);
const build = (payload(META_PART) as MetaFile).build;

test("build: every part carries meta's build, which the articles decide", () => {
  for (const [path, text] of files) assert.is((unwrapPart(path.slice(0, -3), text) as { build: string }).build, build, path);
  assert.is((writeIndex(documents, { partBytes: 2048, postingsPerTable: PER_TABLE, builder: "lunr" }).files.get("meta.js")), files.get("meta.js"), "the builder does not change it");
  const edited = documents.map((d, i) => (i === documents.length - 1 ? { ...d, title: `${d.title}（更正）` } : d));
  const other = (unwrapPart(META_PART, writeIndex(edited, { partBytes: 2048, postingsPerTable: PER_TABLE }).files.get("meta.js")!) as MetaFile).build;
  assert.is.not(other, build, "one title changed: another build");
  assert.is.not((unwrapPart(META_PART, writeIndex(documents, { partBytes: 2048, postingsPerTable: PER_TABLE + 1 }).files.get("meta.js")!) as MetaFile).build, build, "other settings: another build");
});

/** Every postings part of the index, in order, through meta's tables. */
function allParts(): PostingsRange[] {
  const segment = decodeMeta(validateMeta(payload(META_PART), ANALYZER_VERSION)).segments[0]!;
  return segment.postings.tables.flatMap((_, j) => decodePostingsTable(segment, j, payload(segment.postings.tables[j]!.part)));
}

test("meta: what encodeMeta writes validates and decodes to the articles' dates; encoded again, the same meta and tables", () => {
  const file = validateMeta(payload(META_PART), ANALYZER_VERSION);
  const meta = decodeMeta(file);
  assert.is(meta.docCount, documents.length);
  assert.equal(
    documents.map((_, n) => meta.docs.date[n]),
    documents.map((d) => d.date),
  );
  const parts = allParts();
  const [segment] = file.segments;
  assert.is(file.segments.length, 1, "a whole build is one segment");
  assert.is(segment!.dir, "");
  assert.is(segment!.build, file.build, "the index of one segment has its build");
  assert.is(parts.length, segment!.postings.parts);
  const tables = meta.segments[0]!.postings.tables;
  assert.ok(tables.length > 1, "the sample's parts fill several tables");
  assert.equal(parts.map((p) => p.part), parts.map((_, k) => `postings/${k}`));
  // Encoding the decoded values again gives the same parts.
  const again = encodeSegment({
    dir: "",
    build: segment!.build,
    fieldTotals: segment!.fieldTotals,
    docCount: segment!.docCount,
    termCount: segment!.termCount,
    partFirsts: parts.slice(1).map((p) => p.first),
    parts: parts.length,
    perTable: PER_TABLE,
  });
  const metaAgain = encodeMeta({
    analyzer: file.analyzer,
    build: file.build,
    lunr: file.lunr,
    bm25: file.bm25,
    fields: file.fields,
    docsPerPart: file.docsPerPart,
    segments: [again.segment],
    dates: meta.docs.date,
  });
  assert.is(wrapPart(META_PART, metaAgain), files.get("meta.js"));
  again.tables.forEach((t, j) => assert.is(wrapPart(tables[j]!.part, t), files.get(`${tables[j]!.part}.js`)));
  assert.is(again.tables.length, tables.length);
});

test("meta: the field totals are the sums of the field lengths the postings carry", () => {
  const file = validateMeta(payload(META_PART), ANALYZER_VERSION);
  // Every (article, field) with a token is an entry of some term, and all its entries carry the same length.
  const seen = new Map<string, number>();
  for (const range of allParts()) {
    const part = decodePostingsPart(range.part, payload(range.part), { first: range.first }, build);
    for (const postings of part.postings) {
      for (const e of decodePostings(postings, FIELDS.length)) {
        const key = `${e.doc}/${e.field}`;
        if (seen.has(key)) assert.is(e.length, seen.get(key), key);
        seen.set(key, e.length);
      }
    }
  }
  const totals = FIELDS.map(() => 0);
  for (const [key, length] of seen) totals[Number(key.split("/")[1])]! += length;
  assert.equal(file.fieldTotals, totals);
  assert.ok(file.fieldTotals.every((t, f) => t > 0 || FIELDS[f]!.name !== "body"));
});

test("meta: a corrupt part is rejected with a FormatError", () => {
  const file = payload(META_PART) as MetaFile;
  const rejects = (bad: unknown, message: RegExp) => {
    try {
      void decodeMeta(validateMeta(bad, ANALYZER_VERSION)).docs.date;
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
  rejects({ ...file, build: undefined }, /incomplete/);
  rejects({ ...file, fieldTotals: file.fieldTotals.slice(1) }, /incomplete/);
  rejects({ ...file, fieldTotals: file.fieldTotals.map(() => -1) }, /incomplete/);
  const [segment] = file.segments;
  rejects({ ...file, segments: [{ ...segment, postings: { ...segment!.postings, parts: segment!.postings.parts + PER_TABLE } }] }, /postings tables/);
  rejects({ ...file, segments: [] }, /incomplete/);
  rejects({ ...file, segments: [{ ...segment, dir: "../" }] }, /incomplete/);
  rejects({ ...file, segments: [segment, segment] }, /incomplete/);
  rejects({ ...file, segments: [{ ...segment, fieldTotals: segment!.fieldTotals.map((t) => t + 1) }] }, /field totals do not match/);
  rejects({ ...file, docCount: file.docCount + 1 }, /do not match/);
  rejects({ ...file, docs: { ...file.docs, date: file.docs.date.slice(0, -1) } }, /dates/);
});

test("postings tables: each decodes to its parts' bounds; a corrupt or foreign table is rejected", () => {
  const meta = decodeMeta(validateMeta(payload(META_PART), ANALYZER_VERSION)).segments[0]!;
  const name = meta.postings.tables[0]!.part;
  const good = payload(name) as { build: string; first: string };
  assert.is(decodePostingsTable(meta, 0, good).length, PER_TABLE);
  const rejects = (bad: unknown, message: RegExp, kind: typeof FormatError = FormatError) =>
    assert.throws(() => decodePostingsTable(meta, 0, bad), (e: Error) => e instanceof kind && message.test(e.message));
  rejects(null, /malformed/);
  rejects({ ...good, build: "another" }, /part of build "another"/, BuildMismatchError);
  rejects({ ...good, first: good.first.split(" ").slice(1).join(" ") }, /parts, meta says/);
  rejects({ ...good, first: good.first.split(" ").reverse().join(" ") }, /out of order|front-coded/);
});

test("facts: the facts part decodes to every article's column and people, and encodes back the same", () => {
  const raw = payload(FACTS_PART);
  const facts = decodeFacts(FACTS_PART, raw, { build, docCount: documents.length });
  assert.equal(
    documents.map((_, n) => (facts.column[n]! < 0 ? undefined : facts.columns[facts.column[n]!])),
    documents.map((d) => d.column),
  );
  assert.equal(
    documents.map((_, n) => facts.peopleOf[n]!.map((p) => facts.people[p])),
    documents.map((d) => [...new Set(d.people.map((p) => p.name))]),
  );
  const again = documents.map((_, n) => ({
    column: facts.column[n]! < 0 ? undefined : facts.columns[facts.column[n]!],
    people: facts.peopleOf[n]!.map((p) => facts.people[p]!),
  }));
  assert.equal(encodeFacts(again, build), raw);
  const rejects = (bad: unknown, message: RegExp, kind: typeof FormatError = FormatError, docCount = documents.length) =>
    assert.throws(() => decodeFacts(FACTS_PART, bad, { build, docCount }), (e: Error) => e instanceof kind && message.test(e.message));
  const good = raw as Record<string, unknown>;
  rejects({ ...good, build: "another" }, /part of build "another"/, BuildMismatchError);
  rejects({ ...good, people: undefined }, /incomplete/);
  rejects(good, /columns do not match/, FormatError, documents.length + 1);
  rejects({ ...good, columns: [] }, /columns do not match/);
});

test("postings: entries and parts round-trip; corrupt parts are rejected", () => {
  const ranges = allParts();
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
    { doc: 0, field: 5, length: 12, positions: [3, 4, 9] },
    { doc: 2, field: 0, length: 1, positions: [0] },
    { doc: 2, field: 5, length: 3000, positions: [100] },
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
