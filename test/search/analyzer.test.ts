/**
 * The analyzer (normalize.ts, t2s.ts, analyzer.ts, pattern.ts): normalization, tokens,
 * and the property everything rests on — any substring of a text, analyzed alone, is
 * found in the text's tokens at the place it was taken from.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { analyze, analyzeSegments, terms, tokenizeNormalized } from "../../src/search/analysis/analyzer.ts";
import { normalize, normalizeWithOffsets } from "../../src/search/analysis/normalize.ts";
import { elementAccepts, matchAnchors, patternOf } from "../../src/search/analysis/pattern.ts";
import { foldCodePoint, tableLoaded, toSimplified } from "../../src/search/analysis/t2s.ts";
import { T2S_PAIRS } from "../../src/search/analysis/t2s-data.ts";
import { generateFold, generateFoldParts, renderFoldModule, renderSourcesModule } from "../../scripts/t2s-generate.ts";
import { seededRandom } from "./helpers.ts";
import { findMatches, findMatchesByTokens } from "../../src/search/query/snippets.ts";
import { parseQuery, wordPatterns } from "../../src/search/query/query-parser.ts";

const kinds = (text: string) => analyze(text).map((t) => `${t.term}/${t.kind}`);

// First, before any traditional text: the seed page, in simplified Chinese, folds without the table.
test("simplified text folds without loading the T2S table (the search worker loads it on demand)", () => {
  const seed = readFileSync(new URL("../fixtures/seed/000_de7cc38bb0eadd2d.txt", import.meta.url), "utf8").split("\n");
  // One byline of the page prints a traditional character in a name (丁祎嫻): all the rest is simplified.
  const traditional = seed.filter((line) => line.includes("嫻"));
  assert.is(traditional.length, 1);
  analyze(seed.filter((line) => !line.includes("嫻")).join("\n"));
  assert.is(normalize("著名的沈阳画家覆盖"), "着名的沉阳划家复盖"); // common pairs, kept apart from the table
  assert.not.ok(tableLoaded(), "a simplified text needed the table");
  assert.ok(normalize(traditional[0]!).endsWith("丁祎娴"));
  assert.ok(tableLoaded());
});

test("NFKC: full-width letters and digits become half-width, then lower case", () => {
  assert.is(normalize("ＥＡＰ讲座"), "eap讲座");
  assert.is(normalize("８１５５．５３万元"), "8155.53万元");
  assert.is(normalize("Ｅａｐ"), "eap");
  assert.is(normalize("ＡＢＣ　ｄｅｆ"), "abc def"); // ideographic space → space
  assert.is(normalize("①"), "1");
});

test("traditional and variant characters fold to simplified", () => {
  assert.is(normalize("醫院"), "医院");
  assert.is(normalize("彰化縣溫姓泰籍勞工"), "彰化县温姓泰籍劳工");
  assert.is(normalize("裡"), normalize("里"));
  assert.is(normalize("臺灣"), normalize("台湾"));
  // From OpenCC's phrase table: 藉口 is 借口 in simplified text.
  assert.is(normalize("藉口"), normalize("借口"));
  // Simplified text is left as it is (except where a merge is harmless on both sides).
  assert.is(normalize("消防救援大队开展慰问"), "消防救援大队开展慰问");
});

test("zero-width and invisible format characters are removed", () => {
  assert.is(normalize("驿\u200B站"), "驿站");
  assert.is(normalize("\uFEFF驿\u200C站\u200D运\u2060营\u00AD"), "驿站运营");
  assert.is(normalize("葛\uFE00洪\u{E0100}"), "葛洪"); // variation selectors
  assert.is(normalize("a\u202Eb"), "ab"); // bidi override
});

test("normalize is idempotent on random text from many scripts", () => {
  const rnd = seededRandom(7);
  const ranges: Array<[number, number]> = [[0x20, 0x7e], [0xa0, 0x24f], [0x300, 0x36f], [0x2000, 0x206f], [0x3000, 0x30ff], [0x4e00, 0x9fff], [0xf900, 0xfaff], [0xfe00, 0xfe6f], [0xff00, 0xffef], [0x1f300, 0x1f6ff], [0x20000, 0x2a6df], [0x1100, 0x11ff], [0xac00, 0xd7a3]];
  for (let i = 0; i < 3000; i++) {
    let s = "";
    const n = 1 + Math.floor(rnd() * 12);
    for (let k = 0; k < n; k++) {
      const [lo, hi] = ranges[Math.floor(rnd() * ranges.length)]!;
      s += String.fromCodePoint(lo + Math.floor(rnd() * (hi - lo + 1)));
    }
    const once = normalize(s);
    assert.is(normalize(once), once, `not idempotent on ${JSON.stringify(s)}`);
  }
});

test("normalizeWithOffsets maps every output character back to its source", () => {
  const source = "ＥＡＰ講座\u200B，醫院㍿";
  const n = normalizeWithOffsets(source);
  assert.is(n.text, normalize(source));
  assert.is(n.sourceStart.length, n.text.length);
  const i = n.text.indexOf("医院");
  assert.is(source.slice(n.sourceStart[i]!, n.sourceEnd[i + 1]!), "醫院");
  const j = n.text.indexOf("eap");
  assert.is(source.slice(n.sourceStart[j]!, n.sourceEnd[j + 2]!), "ＥＡＰ");
});

test("the T2S table is what the generator makes from the installed opencc-js", () => {
  const committed = readFileSync(new URL("../../src/search/analysis/t2s-data.ts", import.meta.url), "utf8");
  assert.is(committed, renderFoldModule(generateFold()), "src/search/analysis/t2s-data.ts is stale: run npx tsx scripts/t2s-generate.ts");
});

test("the sources module is what the generator makes, and with it every code point folds as the table says", () => {
  const committed = readFileSync(new URL("../../src/search/analysis/t2s-sources.ts", import.meta.url), "utf8");
  assert.is(committed, renderSourcesModule(generateFoldParts()), "src/search/analysis/t2s-sources.ts is stale: run npx tsx scripts/t2s-generate.ts");
  const table = new Map<number, string>();
  const cps = Array.from(T2S_PAIRS);
  for (let i = 0; i < cps.length; i += 2) table.set(cps[i]!.codePointAt(0)!, cps[i + 1]!);
  const astral = [...table.keys()].filter((cp) => cp > 0xffff);
  for (const cp of [...Array.from({ length: 0x10000 }, (_, i) => i), ...astral]) {
    if (foldCodePoint(cp) !== table.get(cp)) assert.unreachable(`U+${cp.toString(16)} folds to ${foldCodePoint(cp)}, the table says ${table.get(cp)}`);
  }
});

test("the fold is idempotent and maps single code points to single code points", () => {
  for (const [s, t] of generateFold()) {
    assert.is([...t].length, 1);
    assert.is(toSimplified(t), t, `${s} → ${t} is not final`);
  }
});

test("CJK runs become overlapping bigrams plus the run's last character", () => {
  assert.equal(kinds("驿站运营"), ["驿站/gram", "站运/gram", "运营/gram", "营/tail"]);
  assert.equal(kinds("人"), ["人/single"]);
  assert.equal(kinds("上，小"), ["上/single", "小/single"]);
  // No stop words: single common characters are tokens.
  assert.equal(kinds("无人"), ["无人/gram", "人/tail"]);
});

test("Latin words, numbers with decimals and mixed tokens stay whole", () => {
  assert.equal(terms("8155.53万元"), ["8155.53", "万元", "元"]);
  assert.equal(terms("4A级景区"), ["4a", "级景", "景区", "区"]);
  assert.equal(terms("EAP讲座"), ["eap", "讲座", "座"]);
  assert.equal(terms("职工健康123管理体系"), ["职工", "工健", "健康", "康", "123", "管理", "理体", "体系", "系"]);
  assert.equal(terms("v1.2 3. 1,000"), ["v1.2", "3", "1", "000"]);
  assert.equal(terms("COVID-19"), ["covid", "19"]);
});

test("English words are stemmed with Lunr's stemmer", () => {
  assert.equal(terms("Volunteers volunteering"), ["volunt"]);
  assert.equal(terms("running runs"), ["run"]);
  assert.equal(terms("EAP eap Eap"), ["eap"]);
});

test("emoji, symbols and Lunr syntax characters only separate tokens", () => {
  assert.equal(terms("😀驿站+运营~2 ^title:"), ["驿站", "站", "运营", "营", "2", "titl"]);
  assert.equal(terms("+-*~^:\"'()[]{}"), []);
});

test("CJK extension characters, kana and hangul are CJK runs", () => {
  assert.equal(terms("𠀀𠀁好"), ["𠀀𠀁", "𠀁好", "好"]);
  assert.equal(kinds("カタカナ"), ["カタ/gram", "タカ/gram", "カナ/gram", "ナ/tail"]);
  assert.equal(kinds("한국"), ["한국/gram", "국/tail"]);
});

test("positions: consecutive within a segment, a gap between segments", () => {
  const tokens = analyzeSegments(["职工之家", "消防 EAP"]);
  assert.equal(tokens.map((t) => t.position), [0, 1, 2, 3, 5, 6, 7]);
});

/** Does the pattern of `query` match `text` at the token position where `at` starts? */
function foundAt(text: string, query: string): number[] {
  const { tokens } = tokenizeNormalized(normalize(text));
  const pattern = patternOf(analyze(query));
  if (!pattern) return [];
  return matchAnchors(pattern, (e) => tokens.filter((t) => elementAccepts(e, t.term)).map((t) => t.position));
}

test("a substring of a CJK run is found where it was taken (random, seeded)", () => {
  const text =
    "四月十七日下午，云南省大理白族自治州弥渡县猫狗窝村突发森林火灾，大理州森林消防支队调集一百七十二名指战员赶赴火场。醫院與學校裡的職工，在８１５５．５３萬元的EAP項目中。";
  const runs = [...normalize(text).matchAll(/\p{sc=Han}+/gu)].map((m) => ({ run: m[0], index: m.index! }));
  const rnd = seededRandom(11);
  const { tokens } = tokenizeNormalized(normalize(text));
  for (let i = 0; i < 2000; i++) {
    const { run, index } = runs[Math.floor(rnd() * runs.length)]!;
    const len = 1 + Math.floor(rnd() * Math.min(8, run.length));
    const start = Math.floor(rnd() * (run.length - len + 1));
    const sub = run.slice(start, start + len);
    const anchors = foundAt(text, sub);
    const expected = tokens.find((t) => t.start === index + start)!.position;
    assert.ok(anchors.includes(expected), `${sub} not found at ${expected}: ${anchors}`);
  }
});

test("patterns: a word must be contiguous; the run may go on either side", () => {
  assert.ok(foundAt("专题研究驿站运营事项", "驿站运营").length === 1);
  assert.ok(foundAt("驿站管理运营", "驿站运营").length === 0);
  assert.ok(foundAt("驿站管理运营", "驿站").length === 1);
  assert.ok(foundAt("驿站管理运营", "营").length === 1);
  assert.ok(foundAt("EAP讲座", "Eap讲座").length === 1);
  assert.ok(foundAt("EAP 讲座", "Eap讲座").length === 1, "spaces and punctuation do not break a phrase");
  assert.ok(foundAt("醫院", "医院").length === 1);
  assert.ok(foundAt("医院", "醫院").length === 1);
});


test("snippet matching: finding a CJK word's string gives the same ranges as matching the tokens", () => {
  const seed = readFileSync(new URL("../fixtures/seed/000_de7cc38bb0eadd2d.txt", import.meta.url), "utf8");
  const rnd = seededRandom(7);
  const lines = seed.split("\n").filter((l) => /\p{sc=Han}{4}/u.test(l));
  // Variants a printed text may hold: traditional, full-width, invisible characters.
  const variants = (t: string) => [t, t.replace(/国/gu, "國").replace(/会/gu, "會"), t.replace(/1/gu, "１").replace(/(.)/u, "$1\u200B")];
  let compared = 0;
  for (let i = 0; i < 300; i++) {
    const line = lines[Math.floor(rnd() * lines.length)]!;
    const chars = [...line];
    const from = Math.floor(rnd() * chars.length);
    const q = chars.slice(from, from + 1 + Math.floor(rnd() * 6)).join("");
    const patterns = wordPatterns(parseQuery(q));
    if (patterns.length === 0) continue;
    for (const text of variants(line)) {
      assert.equal(findMatches(text, patterns), findMatchesByTokens(text, patterns), `${q} in ${text}`);
      compared++;
    }
  }
  assert.ok(compared > 500, `only ${compared} comparisons`);
});

test.run();
