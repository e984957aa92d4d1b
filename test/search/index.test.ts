/**
 * The index format as a contract (index-format.ts), tested from both sides: what the
 * writer stores is what lunr.Builder indexed, the loader rebuilds exactly Lunr's index
 * and scores from it, splitting postings into parts changes nothing, builds are
 * byte-identical, and build-index never leaves a partial index.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import lunr from "lunr";
import { buildIndex } from "../../src/search/build/build-index.ts";
import { ANALYZER_VERSION } from "../../src/search/analysis/analyzer.ts";
import { decodeInts, encodeInts } from "../../src/search/format/codec.ts";
import { documentsPath } from "../../src/search/build/read-documents.ts";
import {
  INDEX_DIR,
  META_PART,
  docRef,
  unwrapPart,
  wrapPart,
  type MetaFile,
  type PostingsPayload,
} from "../../src/search/format/index-format.ts";
import { frontCode, frontDecode } from "../../src/search/format/front-coding.ts";
import { separator } from "../../src/search/format/meta.ts";
import { decodePostings } from "../../src/search/format/postings.ts";
import { IndexLoader } from "../../src/search/query/index-loader.ts";
import { lunrIdf } from "../../src/search/query/lunr-rebuild.ts";
import type { PartSource } from "../../src/search/query/part-cache.ts";
import { DEFAULT_PART_BYTES, writeIndex } from "../../src/search/build/index-writer.ts";
import { SearchEngine } from "../../src/search/query/query-engine.ts";
import { corpusFile, corpusToDocuments, makeSite, readCorpus, removeSite, sampleDocuments, seededRandom } from "./helpers.ts";

/** Documents for the contract tests: the sample archive, plus corpus articles when present. */
function contractDocuments() {
  const sample = sampleDocuments().documents;
  const path = corpusFile("news.jsonl");
  const corpus = path ? corpusToDocuments(readCorpus(path, 80)).documents : [];
  const hant = corpusFile("news-zh-hant.jsonl");
  const more = hant ? corpusToDocuments(readCorpus(hant, 20)).documents : [];
  return [...sample, ...corpus, ...more];
}

const documents = contractDocuments();
/** One build shared by the tests that only read it (lunr.Builder's, the reference path). */
const built = writeIndex(documents, { builder: "lunr" });
const builder = built.builder!;

/** A PartSource over files held in memory, going through the same unwrapping as disk. */
function memorySource(files: Map<string, string>): PartSource {
  return async (name) => {
    const text = files.get(`${name}.js`);
    if (text === undefined) throw new Error(`no part ${name}`);
    return unwrapPart(name, text);
  };
}

test("codec: integers survive encoding, and strings need no JSON escaping", () => {
  const rnd = seededRandom(3);
  const values = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? Math.floor(rnd() * 50) : Math.floor(rnd() ** 3 * 2 ** 40)));
  values.push(0, 45, 46, 2115, 2116, Number.MAX_SAFE_INTEGER);
  const encoded = encodeInts(values);
  assert.equal(decodeInts(encoded), values);
  assert.is(JSON.stringify(encoded), `"${encoded}"`);
});

test("front-coded term lists decode to the same terms", () => {
  const terms = ["", "1", "12", "123456789012", "1234567890123", "a", "ab", "abc", "𠀀", "𠀀𠀁", "𠀁", "人", "人民", "人们", "驿站"].sort();
  assert.equal(frontDecode(frontCode(terms.filter((t) => t !== ""))), terms.filter((t) => t !== ""));
  assert.equal(frontDecode(""), []);
  assert.throws(() => frontDecode("x"));
});

test("parts: wrapped as a script call, unwrapped only with the right name", () => {
  const text = wrapPart("postings/0", { a: "“引号”\u2028" });
  assert.ok(text.startsWith('banmianSearchPart("postings/0",'));
  assert.equal(unwrapPart("postings/0", text), { a: "“引号”\u2028" });
  assert.throws(() => unwrapPart("postings/1", text));
  assert.throws(() => unwrapPart("meta", "{}"));
  // The file is a script: running it calls the global callback with the payload.
  let got: unknown;
  new Function("banmianSearchPart", text)((name: string, payload: unknown) => (got = [name, payload]));
  assert.equal(got, ["postings/0", { a: "“引号”\u2028" }]);
});

test("postings in the parts are exactly lunr.Builder's inverted index", async () => {
  const { files } = built;
  const loader = await IndexLoader.open(memorySource(files));
  const inverted = (builder as unknown as { invertedIndex: Record<string, Record<string, Record<string, { position: number[] }>>> }).invertedIndex;
  const terms = Object.keys(inverted);
  await loader.loadTerms(terms, []);
  assert.is(loader.meta.segments[0]!.termCount, terms.length);
  for (const term of terms) {
    const expected: Array<[number, number, number[]]> = [];
    loader.fieldNames.forEach((field, f) => {
      for (const [ref, meta] of Object.entries(inverted[term]![field]!)) expected.push([Number(ref.slice(1)), f, meta.position]);
    });
    expected.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const got = loader.postings(term)!.entries.map((e) => [e.doc, e.field, e.positions]);
    assert.equal(got, expected, `postings of ${term}`);
  }
});

test("the loader's lunr.Index scores exactly like the one lunr.Builder builds", async () => {
  const { files } = built;
  const full = builder.build();
  const loader = await IndexLoader.open(memorySource(files));
  const fullJson = full.toJSON() as unknown as { invertedIndex: Array<[string, unknown]> };
  const vocabulary = fullJson.invertedIndex.map(([t]) => t);
  await loader.loadTerms(vocabulary, []);
  const rnd = seededRandom(5);
  for (let i = 0; i < 300; i++) {
    const terms = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => vocabulary[Math.floor(rnd() * vocabulary.length)]!);
    const boosts = terms.map(() => 1 + Math.floor(rnd() * 3));
    const run = (index: lunr.Index) =>
      index.query((q) => terms.forEach((t, k) => q.term(t, { boost: boosts[k]!, usePipeline: false, presence: lunr.Query.presence.OPTIONAL })));
    const expected = run(full);
    const got = run(loader.lunrIndex(terms));
    const byRef = (rs: lunr.Index.Result[]) => new Map(rs.map((r) => [r.ref, r.score]));
    assert.equal([...byRef(got).keys()].sort(), [...byRef(expected).keys()].sort(), `results of ${terms}`);
    for (const [ref, score] of byRef(expected)) assert.ok(Math.abs(byRef(got).get(ref)! - score) < 1e-9, `score of ${ref} for ${terms}`);
    // Limited to some articles, those articles keep their scores.
    const some = new Set(expected.filter((_, k) => k % 2 === 0).map((r) => Number(r.ref.slice(1))));
    const limited = byRef(run(loader.lunrIndex(terms, some)));
    for (const doc of some) assert.ok(Math.abs(limited.get(docRef(doc))! - byRef(expected).get(docRef(doc))!) < 1e-9);
  }
});

test("splitting postings into many parts gives the same answers", async () => {
  const one = built;
  const many = writeIndex(documents, { maxTermsPerPart: 500, docsPerPart: 3 });
  assert.ok([...many.files.keys()].filter((f) => f.startsWith("postings/")).length > 5);
  const a = await SearchEngine.open(memorySource(one.files));
  const b = await SearchEngine.open(memorySource(many.files));
  const rnd = seededRandom(9);
  const texts = documents.flatMap((d) => [d.title, ...d.body]);
  for (let i = 0; i < 120; i++) {
    const text = texts[Math.floor(rnd() * texts.length)]!;
    const start = Math.floor(rnd() * text.length);
    const q = i % 10 === 0 ? text[start]! : text.slice(start, start + 1 + Math.floor(rnd() * 6));
    const ra = await a.search(q);
    const rb = await b.search(q);
    assert.equal(rb.hits, ra.hits, `hits for ${q}`);
    const da = await a.results(ra, 0, 3);
    const db = await b.results(rb, 0, 3);
    assert.equal(db, da);
  }
});

test("meta part: format, analyzer, per-article facts", async () => {
  const { files } = built;
  const meta = unwrapPart(META_PART, files.get("meta.js")!) as MetaFile;
  assert.is(meta.analyzer, ANALYZER_VERSION);
  assert.is(meta.docCount, documents.length);
  const decoded = (await IndexLoader.open(memorySource(files))).meta;
  assert.equal(decoded.docs.date, documents.map((d) => d.date));
  assert.equal(meta.fields.map(([f]) => f), ["title", "kicker", "subtitle", "column", "people", "body"]);
  // The title weighs most, the body least.
  assert.ok(meta.fields[0]![1] > meta.fields[1]![1] && meta.fields[5]![1] === 1);
  const stale = new Map(files);
  stale.set("meta.js", wrapPart(META_PART, { ...meta, analyzer: "something-else" }));
  try {
    await IndexLoader.open(memorySource(stale));
    assert.unreachable("an index from another analyzer must be refused");
  } catch (e) {
    assert.match(String(e), /analyzer/);
  }
});

function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else out.set(prefix + e.name, readFileSync(join(d, e.name)));
    }
  };
  walk(dir, "");
  return out;
}

test("two builds of the same documents give byte-identical index files", async () => {
  const site1 = makeSite({ version: 1, documents });
  const site2 = makeSite({ version: 1, documents });
  try {
    await buildIndex(site1);
    await buildIndex(site2);
    await buildIndex(site2); // a rebuild over an existing index, as npm start does
    const a = readTree(join(site1, INDEX_DIR));
    const b = readTree(join(site2, INDEX_DIR));
    assert.equal([...a.keys()].sort(), [...b.keys()].sort());
    for (const [path, bytes] of a) assert.ok(bytes.equals(b.get(path)!), `${path} differs`);
    const meta = unwrapPart(META_PART, a.get("meta.js")!.toString()) as MetaFile;
    const { postings } = meta.segments[0]!;
    const tables = frontDecode(postings.first).length + 1;
    assert.ok(postings.parts > 0);
    // meta, the postings tables and parts, facts, one docs part per article
    assert.is(a.size, 1 + tables + postings.parts + 1 + documents.length);
  } finally {
    removeSite(site1);
    removeSite(site2);
  }
});

test("a failed build leaves the previous index in place and no partial files", async () => {
  const site = makeSite({ version: 1, documents: documents.slice(0, 5) });
  try {
    await buildIndex(site);
    const before = readTree(join(site, INDEX_DIR));
    writeFileSync(documentsPath(site), JSON.stringify({ version: 1, documents: [{ id: "x" }] }));
    let failed = false;
    await buildIndex(site).catch(() => (failed = true));
    assert.ok(failed, "invalid documents must fail the build");
    assert.equal(readdirSync(join(site, "search")).sort(), ["documents.json", "index"]);
    const after = readTree(join(site, INDEX_DIR));
    assert.equal([...after.keys()], [...before.keys()]);
    writeFileSync(documentsPath(site), "{not json");
    await buildIndex(site).then(
      () => assert.unreachable(),
      (e) => assert.match(String(e), /not JSON/),
    );
    const fresh = makeSite({ version: 1, documents: [] });
    writeFileSync(documentsPath(fresh), JSON.stringify({ version: 2 }));
    await buildIndex(fresh).catch(() => {});
    assert.not.ok(existsSync(join(fresh, INDEX_DIR)));
    assert.equal(readdirSync(join(fresh, "search")), ["documents.json"]);
    removeSite(fresh);
  } finally {
    removeSite(site);
  }
});

test("the direct builder writes byte-identical files to lunr.Builder's, on a real archive", () => {
  const path = corpusFile("news.jsonl");
  const real = [...documents, ...(path ? corpusToDocuments(readCorpus(path, 1200)).documents.slice(80) : [])];
  const cases: Array<[typeof real, Parameters<typeof writeIndex>[1]]> = [
    [documents, {}],
    [documents, { partBytes: 600, docsPerPart: 4 }],
    [documents, { partBytes: Number.POSITIVE_INFINITY, maxTermsPerPart: 300 }],
    [real, {}],
  ];
  for (const [docs, options] of cases) {
    const direct = writeIndex(docs, options);
    const reference = writeIndex(docs, { ...options, builder: "lunr" });
    assert.is(direct.termCount, reference.termCount);
    assert.equal([...direct.files.keys()], [...reference.files.keys()], `file names, ${docs.length} articles, ${JSON.stringify(options)}`);
    for (const [file, text] of reference.files) assert.ok(direct.files.get(file) === text, `${file} differs (${docs.length} articles, ${JSON.stringify(options)})`);
  }
});

test("postings parts: whole leading-character groups under the byte budget, every term in exactly one part", async () => {
  const budget = 2000;
  const { files } = writeIndex(documents, { partBytes: budget });
  const parts = [...files.keys()].filter((f) => f.startsWith("postings/")).sort((a, b) => Number(a.slice(9, -3)) - Number(b.slice(9, -3)));
  assert.ok(parts.length > 10, `${parts.length} parts`);
  const lead = (t: string) => String.fromCodePoint(t.codePointAt(0)!);
  const partOf = new Map<string, number>();
  const sizes: number[] = [];
  const groupSize = new Map<string, number>();
  parts.forEach((file, k) => {
    const payload = unwrapPart(file.slice(0, -3), files.get(file)!) as PostingsPayload;
    const terms = frontDecode(payload.terms);
    const postings = payload.postings === "" ? [] : payload.postings.split(" ");
    let bytes = 0;
    terms.forEach((t, i) => {
      assert.not.ok(partOf.has(t), `${t} in two parts`);
      partOf.set(t, k);
      const size = Buffer.byteLength(t) + postings[i]!.length + 2;
      bytes += size;
      groupSize.set(lead(t), (groupSize.get(lead(t)) ?? 0) + size);
    });
    sizes.push(terms.length === 1 ? 0 : bytes);
  });
  assert.is(partOf.size, built.termCount);
  assert.ok(sizes.every((b) => b <= budget), "a part over the budget holds one term");
  // A group within the budget is never split, so a word of n characters needs at most n − 1 parts.
  for (const [c, size] of groupSize) {
    if (size > budget) continue;
    const ks = new Set([...partOf].filter(([t]) => lead(t) === c).map(([, k]) => k));
    assert.is(ks.size, 1, `group ${c} (${size} bytes) split over ${[...ks]}`);
  }
  // The loader finds every term in its part.
  const loader = await IndexLoader.open(memorySource(files));
  const terms = [...partOf.keys()];
  await loader.loadTerms(terms, []);
  for (const t of terms) assert.ok(loader.has(t), t);
  assert.is(loader.meta.segments[0]!.postings.parts, parts.length);
});

test("meta: part bounds are the shortest separators; facts, field lengths and their totals are lunr.Builder's", async () => {
  assert.is(separator("中国", "中央"), "中央");
  assert.is(separator("中", "中国"), "中国");
  assert.is(separator("东西", "中国"), "中");
  assert.is(separator("a", "b"), "b");
  assert.is(separator("𠀀𠀀", "𠀁"), "𠀁");
  assert.is(separator("\ud840\udc00", "\ud840\udc01x"), "\ud840\udc01");
  const loader = await IndexLoader.open(memorySource(built.files));
  const meta = loader.meta;
  assert.is(meta.segments[0]!.termCount, built.termCount);
  const facts = await loader.facts();
  assert.equal([...facts.column].map((c) => (c < 0 ? undefined : facts.columns[c])), documents.map((d) => d.column));
  assert.equal(
    facts.peopleOf.map((ps) => ps.map((p) => facts.people[p])),
    documents.map((d) => [...new Set(d.people.map((p) => p.name))]),
  );
  // The field lengths the postings carry, and meta's totals of them, are lunr.Builder's.
  const lunrLengths = (builder as unknown as { fieldLengths: Record<string, number> }).fieldLengths;
  const terms = Object.keys((builder as unknown as { invertedIndex: object }).invertedIndex);
  await loader.loadTerms(terms, []);
  let entries = 0;
  for (const term of terms) {
    for (const e of loader.postings(term)!.entries) {
      const field = loader.fieldNames[e.field]!;
      assert.is(e.length, lunrLengths[`${field}/${docRef(e.doc)}`], `${term}: ${field} of ${e.doc}`);
      entries++;
    }
  }
  assert.ok(entries > documents.length);
  const totals = loader.fieldNames.map((field) => documents.reduce((sum, _, n) => sum + lunrLengths[`${field}/${docRef(n)}`]!, 0));
  assert.equal(meta.fieldTotals, totals);
  const file = unwrapPart(META_PART, built.files.get("meta.js")!) as MetaFile;
  // Broken lists are refused, not misread.
  const broken = new Map(built.files);
  broken.set("meta.js", wrapPart(META_PART, { ...file, docs: { ...file.docs, date: file.docs.date.slice(0, -2) } }));
  const opened = await IndexLoader.open(memorySource(broken));
  assert.throws(() => opened.meta.docs.date, /dates/);
});

test("idf and postings decoding match Lunr's", () => {
  for (const [entries, n] of [[1, 1], [1, 10], [5, 10], [10, 10], [3, 100000], [99999, 100000]] as const) {
    const posting = { _index: 0, title: Object.fromEntries(Array.from({ length: entries }, (_, i) => [`d${i}`, {}])) };
    const expected = (lunr as unknown as { idf: (p: object, n: number) => number }).idf(posting, n);
    assert.is(lunrIdf(entries, n), expected);
  }
  assert.equal(decodePostings(encodeInts([0 * 6 + 5, 1, 40, 3, 0, 2 * 6 + 0, 0, 9, 7]), 6), [
    { doc: 0, field: 5, length: 40, positions: [3, 4] },
    { doc: 2, field: 0, length: 9, positions: [7] },
  ]);
  assert.throws(() => decodePostings(encodeInts([5, 3, 1]), 6), /truncated/);
  assert.throws(() => decodePostings(encodeInts([5, 0]), 6), /truncated/, "an entry without its length");
  assert.throws(() => decodeInts(encodeInts([5000]).slice(0, 1)), /truncated/);
  assert.is(DEFAULT_PART_BYTES, 8192);
});

test("an empty archive builds and searches to nothing", async () => {
  const { files } = writeIndex([]);
  const engine = await SearchEngine.open(memorySource(files));
  assert.equal((await engine.search("任何")).hits, []);
  assert.equal((await engine.search("", { from: "2020" })).hits, []);
});

test.run();
