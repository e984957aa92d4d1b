/**
 * The query engine end to end on a small archive built for the cases of the issue:
 * required parts, words typed together and split by the index, partial matches,
 * exact-phrase ranking, quotes, traditional /
 * full-width / upper-case queries, one-character queries, filters with and without
 * text, snippets and title marks, and inputs that must not break anything.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { SearchDocument } from "../../src/search/format/documents.ts";
import { normalize } from "../../src/search/analysis/normalize.ts";
import { parseQuery } from "../../src/search/query/query-parser.ts";
import type { SearchEngine } from "../../src/search/query/query-engine.ts";
import { SNIPPET_LENGTH } from "../../src/search/query/snippets.ts";
import { buildAndOpen, removeSite } from "./helpers.ts";

function doc(id: string, fields: Partial<SearchDocument>): SearchDocument {
  return { id, url: `${id}/`, title: id, people: [], date: null, edition: "e", page: { id: "p", label: "版次不详" }, body: [], ...fields };
}

const DOCS: SearchDocument[] = [
  doc("phrase", { title: "工会新闻", body: ["天水市专题研究驿站运营事项。", "会议由市总工会主持。"], column: "要闻", date: "2023-06" }),
  doc("apart", {
    title: "驿站管理与运营",
    body: ["驿站的运营经费紧张，驿站管理人员不足，驿站要运营好还需要支持。"],
    column: "要闻",
    date: "2023-06-20",
    people: [{ name: "丁祎嫻", role: "作者" }],
  }),
  doc("half", { title: "快递驿站", body: ["社区里新开了快递驿站。"], date: "2023-07-01" }),
  doc("hant", {
    title: "醫院開展ＥＡＰ講座",
    kicker: "關愛職工",
    body: ["職工健康管理，體檢報告解讀。", "血壓和血糖測量8000餘人次，資金8155.53萬元。"],
    column: "健康",
    people: [{ name: "黃敬清", role: "通讯员" }],
    date: "2024-01-15",
  }),
  doc("nodate", { title: "无日期稿件", body: ["人"], column: "健康" }),
  doc("year", { title: "Volunteers at the 4A scenic area", body: ["Running EAP workshops for workers."], date: "2024" }),
];

const { dir, engine } = await buildAndOpen({ version: 1, documents: DOCS });

async function ids(e: SearchEngine, q: string, filters?: Parameters<SearchEngine["search"]>[1]): Promise<string[]> {
  const r = await e.search(q, filters);
  return r.hits.map((h) => DOCS[h.doc]!.id);
}

test("a Chinese part is split into words that may stand apart; the exact phrase ranks first", async () => {
  assert.equal(await ids(engine, "驿站运营"), ["phrase", "apart"]);
  const r = await engine.search("驿站运营");
  assert.equal(r.query.parts[0]!.words.map((w) => w.text), ["驿站运营"], "the parser keeps a run whole");
  assert.is(r.hits[0]!.tier, 2);
  assert.is(r.hits[0]!.words, undefined, "the phrase: no cut");
  assert.is(r.hits[1]!.tier, 0);
  assert.equal(r.hits[1]!.words, ["驿站", "运营"], "the index's split, as this article holds it");
  // Without the phrase, "apart" would win on Lunr's score (the words are in its title).
  assert.ok(r.hits[1]!.lunrScore > r.hits[0]!.lunrScore);
  assert.ok(r.hits[0]!.score > r.hits[1]!.score, "score falls with rank");
});

test("quotes force an exact phrase; an unclosed quote runs to the end", async () => {
  assert.equal(await ids(engine, '"驿站运营"'), ["phrase"]);
  assert.equal(await ids(engine, "「驿站运营」"), ["phrase"]);
  assert.equal(await ids(engine, "“驿站运营"), ["phrase"]);
  assert.equal(await ids(engine, '"驿站管理"'), ["apart"]);
});

test("space-separated parts are all required", async () => {
  assert.equal((await ids(engine, "驿站 运营")).sort(), ["apart", "phrase"]);
  assert.equal(await ids(engine, "驿站 快递"), ["half"]);
  assert.equal(await ids(engine, "驿站 足球"), []);
  assert.equal(await ids(engine, "驿站　快递"), ["half"], "an ideographic space separates too");
});

test("each word must be contiguous: characters scattered around do not match", async () => {
  // 驿站 and 营 both occur, but 驿站营 nowhere.
  assert.equal(await ids(engine, '"驿站营"'), []);
  assert.equal(await ids(engine, '"驿站运"'), ["phrase"]);
  assert.equal(await ids(engine, "管理人员"), ["apart"]);
  assert.equal(await ids(engine, '"管理员"'), []);
});

test("traditional, full-width and upper-case queries find simplified, half-width, lower-case text", async () => {
  assert.equal(await ids(engine, "驛站運營"), ["phrase", "apart"]);
  assert.equal(await ids(engine, "ＥＡＰ"), ["hant", "year"]);
  assert.equal(await ids(engine, "医院"), ["hant"]);
  assert.equal(await ids(engine, "eap讲座"), ["hant"]);
  assert.equal(await ids(engine, "8155.53"), ["hant"]);
  assert.equal(await ids(engine, "８１５５．５３万元"), ["hant"]);
  assert.equal(await ids(engine, "4a"), ["year"]);
  assert.equal(await ids(engine, "volunteer run"), ["year"], "English words are stemmed on both sides");
});

test("one-character queries", async () => {
  // 人 alone, 人员 (a bigram starting with it), 人次 in traditional text.
  assert.equal((await ids(engine, "人")).sort(), ["apart", "hant", "nodate"]);
  assert.equal((await ids(engine, "员")).sort(), ["apart"]);
  assert.equal(await ids(engine, "邮"), []);
});

test("words typed together in any order; a split into a lone character, or into words that occur nowhere, finds nothing", async () => {
  assert.equal(await ids(engine, "运营驿站"), ["apart", "phrase"]);
  assert.equal(await ids(engine, "运营驿站管理"), ["apart"]);
  // 运人 occurs nowhere, so 人 would be a word of its own: it matches almost anything.
  assert.equal(await ids(engine, "驿站运人"), []);
  assert.equal(await ids(engine, "驿站营"), [], "three characters: one word, which occurs nowhere");
});

test("an article holding the run in fewer words ranks first; then Lunr's score; ties by date, newest first", async () => {
  const docs = [
    doc("apart", { title: "电子产品增加值", body: ["信息服务的增加值、电子产品的增加值和信息化水平。"], date: "2024-05-01" }),
    doc("whole", { title: "一季度统计", body: ["电子信息制造业增加值增长。"], date: "2024-01-01" }),
    doc("older", { title: "统计", body: ["电子信息制造业增加值增长。"], date: "2023-01-01" }),
    doc("newer", { title: "统计", body: ["电子信息制造业增加值增长。"], date: "2024-12-01" }),
  ];
  const built = await buildAndOpen({ version: 1, documents: docs });
  try {
    const r = await built.engine.search("增加值电子信息");
    const order = r.hits.map((h) => docs[h.doc]!.id);
    assert.is(order.at(-1), "apart", "two cuts (增加值 电子 信息) after one (增加值 电子信息)");
    assert.ok(r.hits.at(-1)!.lunrScore > r.hits[0]!.lunrScore, "although its words in the title score higher");
    assert.equal(r.hits.at(-1)!.words, ["增加值", "电子", "信息"]);
    assert.equal(r.hits[0]!.words, ["增加值", "电子信息"]);
    // "newer" and "older" score alike (same text, same title length): the newer first.
    assert.ok(order.indexOf("newer") < order.indexOf("older"), order.join());
  } finally {
    removeSite(built.dir);
  }
});

test("the same answers with Intl.Segmenter gone", async () => {
  const queries = ["驿站运营", "运营驿站", "运营驿站管理", "驿站管理人员", "驛站運營", "医院讲座"];
  const before = await Promise.all(queries.map((q) => ids(engine, q)));
  const intl = Intl as unknown as { Segmenter?: unknown };
  const saved = intl.Segmenter;
  delete intl.Segmenter;
  try {
    assert.equal(await Promise.all(queries.map((q) => ids(engine, q))), before);
  } finally {
    intl.Segmenter = saved;
  }
});

test("no article with every word: partial matches apart, with what each lacks", async () => {
  const r = await engine.search("驿站足球");
  assert.equal(r.hits, []);
  assert.equal(r.partial?.map((p) => [DOCS[p.doc]!.id, p.holds, p.lacks]), [
    ["half", ["驿站"], ["足球"]],
    ["apart", ["驿站"], ["足球"]],
    ["phrase", ["驿站"], ["足球"]],
  ]);
  const spaced = await engine.search("管理人员 快递 足球");
  assert.equal(spaced.partial?.map((p) => [DOCS[p.doc]!.id, p.lacks]), [["apart", ["快递", "足球"]]], "holding half the characters or more");
  assert.is((await engine.search("足球")).partial, undefined, "its one word occurs nowhere");
  assert.is((await engine.search("足球篮球")).partial, undefined, "no word of it occurs");
  assert.is((await engine.search("驿站运营")).partial, undefined, "full matches: no partial list");
});

test("filters alone browse in archive order; with text they restrict it", async () => {
  assert.equal(await ids(engine, "", { column: "健康" }), ["hant", "nodate"]);
  assert.equal(await ids(engine, "", { column: ["要闻", "健康"] }), ["phrase", "apart", "hant", "nodate"]);
  assert.equal(await ids(engine, "职工", { column: "健康" }), ["hant"]);
  assert.equal((await ids(engine, "驿站", { column: "要闻" })).sort(), ["apart", "phrase"]);
  assert.equal(await ids(engine, "", { person: "丁祎娴" }), ["apart"], "names match in simplified too");
  assert.equal(await ids(engine, "", { person: "黃敬清" }), ["hant"]);
  assert.equal(await ids(engine, "", { person: "无此人" }), []);
  assert.equal(await ids(engine, ""), [], "no text and no filter: nothing");
});

test("date ranges: partial dates match ranges they overlap; undated articles never", async () => {
  assert.equal(await ids(engine, "", { from: "2023-06", to: "2023-06" }), ["phrase", "apart"]);
  assert.equal(await ids(engine, "", { from: "2023-06-10", to: "2023-06-15" }), ["phrase"], "2023-06 may be any day of June");
  assert.equal(await ids(engine, "", { from: "2024-01-01" }), ["hant", "year"]);
  assert.equal(await ids(engine, "", { to: "2023-12-31" }), ["phrase", "apart", "half"]);
  assert.equal(await ids(engine, "驿站", { from: "2023-07" }), ["half"]);
  const bad = await engine.search("驿站", { from: "yesterday" });
  assert.is(bad.hits.length, 3);
  assert.match(bad.problems.join(), /from/);
});

test("snippets: a passage of about 80 characters with every match marked", async () => {
  const r = await engine.search("驿站运营");
  const results = await engine.results(r);
  assert.is(results.length, 2);
  for (const res of results) {
    assert.ok(res.snippet.text.length <= SNIPPET_LENGTH + 2);
    assert.ok(res.snippet.ranges.length > 0);
    for (const [s, e] of res.snippet.ranges) assert.ok(["驿站", "运营", "驿站运营"].includes(normalize(res.snippet.text.slice(s, e))), res.snippet.text.slice(s, e));
  }
  const apart = results.find((x) => x.id === "apart")!;
  assert.equal(apart.titleRanges.map(([s, e]) => apart.title.slice(s, e)), ["驿站", "运营"]);
  assert.is(apart.url, "apart/");
  assert.equal(apart.people, ["丁祎嫻"]);
  const hant = (await engine.results(await engine.search("医院 eap讲座")))[0]!;
  assert.equal(hant.titleRanges.map(([s, e]) => hant.title.slice(s, e)), ["醫院", "ＥＡＰ講座"]);
  const long = (await engine.results(await engine.search("8000余人次")))[0]!;
  assert.equal(long.snippet.ranges.map(([s, e]) => long.snippet.text.slice(s, e)), ["8000餘人次"]);
});

test("a result matched only in its title gets the start of the article as snippet", async () => {
  const r = await engine.results(await engine.search("无日期稿件"));
  assert.equal(r[0]!.snippet, { text: "人", ranges: [] });
});

test("inputs that break other search boxes give result lists", async () => {
  const inputs = [
    "", " ", "+", "-", "*", "~", "^", ":", "title:", "title:驿站", "+驿站 -运营", "驿站~2", "驿站^10", "驿*", "*站",
    '"', '""', '"驿站', '驿站"', "“”", "「", "」驿站「", "😀", "👨‍👩‍👧", "\u0000\u0001\u001f", "\u200b", "𠀀𠀁", "\uD800", "\uDFFF驿站",
    "驿".repeat(10000), "a ".repeat(5000), "\n\t\r", "NaN", "undefined", "__proto__", "constructor", "toString", "hasOwnProperty",
  ];
  for (const q of inputs) {
    const started = performance.now();
    const r = await engine.search(q);
    assert.ok(Array.isArray(r.hits), `no list for ${JSON.stringify(q.slice(0, 20))}`);
    await engine.results(r);
    assert.ok(performance.now() - started < 2000, `slow on ${JSON.stringify(q.slice(0, 20))}`);
  }
  assert.equal(await ids(engine, "+驿站 -运营"), ["phrase", "apart"], "+ and - are not operators");
  assert.equal((await engine.search(null)).hits, []);
  assert.equal((await engine.search(42 as unknown as string)).hits, []);
  assert.equal((await engine.search("驿站", { from: 5 } as never)).hits.length, 3);
});

test.after(() => removeSite(dir));

test.run();
