/**
 * The index format's own folder (src/search/format/) as a two-sided contract: every part
 * (meta, postings, docs) goes through its encoder and back through its decoder
 * unchanged, on the sample archive's real index, and each decoder rejects a corrupt
 * part with a FormatError naming it.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ANALYZER_VERSION } from "../../src/search/analysis/analyzer.ts";
import { columnFieldLength, FIELDS } from "../../src/search/analysis/fields.ts";
import { writeIndex } from "../../src/search/build/index-writer.ts";
import { decodeDocsPart, encodeDocsPart } from "../../src/search/format/docs.ts";
import { FormatError, META_PART, unwrapPart, wrapPart, type DocsPayload, type MetaFile } from "../../src/search/format/index-format.ts";
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
    const part = decodePostingsPart(range.part, raw, { first: range.first, next: ranges[k + 1]?.first });
    assert.ok(part.terms.length > 0);
    assert.equal(encodePostingsPart(part), raw);
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
  const rejects = (bad: unknown, bounds: { first: string; next?: string }, message: RegExp) => {
    assert.throws(() => decodePostingsPart(range.part, bad, bounds), (e: Error) => e instanceof FormatError && message.test(e.message));
  };
  const bounds = { first: range.first, next: ranges[2]?.first };
  rejects({ terms: good.terms }, bounds, /malformed/);
  rejects({ ...good, postings: good.postings.split(" ").slice(1).join(" ") }, bounds, /term count/);
  rejects(good, { first: "\uffff" }, /outside the part's range/);
  rejects({ ...good, terms: "x" + good.terms }, bounds, /front-coded/);
  assert.throws(() => decodePostings(encodeTermPostings(entries, 6).slice(0, -1), 6), (e: Error) => e instanceof FormatError);
});

test("docs: every docs part round-trips to the article's record; a corrupt one is rejected naming the field", () => {
  documents.forEach((doc, n) => {
    const raw = payload(`docs/${n}`);
    const decoded = decodeDocsPart(`docs/${n}`, raw);
    assert.equal(decoded, { first: n, docs: [doc] });
    assert.equal(encodeDocsPart(decoded.first, decoded.docs), raw);
  });
  const good = payload("docs/0") as DocsPayload;
  const rejects = (bad: unknown, message: RegExp) => {
    assert.throws(() => decodeDocsPart("docs/0", bad), (e: Error) => e instanceof FormatError && message.test(e.message));
  };
  rejects(null, /docs\/0: top level/);
  rejects({ ...good, first: -1 }, /docs\/0: first/);
  rejects({ first: 0, docs: [{ ...good.docs[0], title: 3 }] }, /docs\/0: docs\[0\]\.title: must be a string/);
  rejects({ first: 0, docs: [{ ...good.docs[0], body: "text" }] }, /docs\[0\]\.body/);
});

test.run();
