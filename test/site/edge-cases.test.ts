/**
 * Valid edge cases build correctly: a UTF-8 BOM with CRLF line endings, the same
 * name in NFC and NFD, full-width spaces and indented paragraphs as pasted from a
 * page layout, an article of 5 MB, a title of 10,000 characters (shown whole on
 * its page, cut in <title> and in lists).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { loadArchive } from "../../src/content/load-archive.ts";
import { SHORT_TITLE_MAX } from "../../src/content/short-title.ts";
import { buildInto, SAMPLE_CONTENT } from "../helpers/site.ts";
import { writeArchive, article, EDITION, PAGE } from "../helpers/archive.ts";

// Real text to repeat: the sample's paragraphs.
const sample = loadArchive(SAMPLE_CONTENT).articles.flatMap((a) => a.blocks.filter((b) => b.kind === "paragraph").map((b) => b.text));
const bigBody: string[] = [];
for (let size = 0, i = 0; size < 5 * 1024 * 1024; i++) {
  const p = sample[i % sample.length]!;
  bigBody.push(p);
  size += Buffer.byteLength(p) + 2;
}
bigBody.push("全文最后一段的标记。");
let longTitle = "";
for (let i = 0; longTitle.length < 10_000; i++) longTitle += sample[i % sample.length]!;
longTitle = longTitle.slice(0, 10_000);

const CAFE = "Café栏目";
const dir = writeArchive({
  "2024-03-01/edition.json": `\uFEFF${JSON.stringify(EDITION, null, 2)}`.replace(/\n/gu, "\r\n"),
  "2024-03-01/p1/page.json": `\uFEFF${JSON.stringify(PAGE)}`,
  "2024-03-01/p1/crlf.md": `\uFEFF${article(`title: 回车换行\norder: 1\ncolumn: ${CAFE.normalize("NFC")}`, "第一段。\n\n第二段,\n续行。")}`.replace(/\n/gu, "\r\n"),
  "2024-03-01/p1/nfd.md": article(`title: 分解形式\norder: 2\ncolumn: ${CAFE.normalize("NFD")}`, `${"résumé".normalize("NFD")}一词。`),
  "2024-03-01/p1/spaces.md": article("title: 全角　空格\norder: 3", "\u3000\u3000第一段。\n\u3000\u3000\n\u3000\u3000第二段。\n\n    缩进的第三段。\n\n\t制表符缩进的第四段。"),
  "2024-03-01/p1/big.md": article("title: 五兆字节的文章\norder: 4", bigBody.join("\n\n")),
  "2024-03-01/p1/long.md": article(`title: ${longTitle}\norder: 5`),
  "2024-03-01/p1/after.md": article("title: 长标题之后\norder: 6"),
});
const started = performance.now();
const site = buildInto(dir);
const seconds = (performance.now() - started) / 1000;
const load = (file: string): HTMLElement => parse(readFileSync(join(site, file), "utf8"));
const paragraphs = (doc: HTMLElement) => doc.querySelectorAll(".body p, article p").map((p) => p.text);

test("BOM and CRLF: the article builds with its paragraphs and no stray CR", () => {
  const html = readFileSync(join(site, "2024-03-01/p1/crlf/index.html"), "utf8");
  assert.not.ok(html.includes("\r"), "no CR in the page");
  const doc = parse(html);
  assert.is(doc.querySelector("h1")!.text.trim(), "回车换行");
  assert.ok(paragraphs(doc).includes("第一段。"));
  assert.ok(paragraphs(doc).some((p) => p.replace(/\s/gu, "") === "第二段,续行。"), paragraphs(doc).join("|"));
});

test("NFC and NFD: one column listing, text shown composed", () => {
  const columns = readdirSync(join(site, "columns")).filter((n) => n !== "index.html");
  assert.equal(columns, [CAFE.normalize("NFC")]);
  const html = readFileSync(join(site, "2024-03-01/p1/nfd/index.html"), "utf8");
  assert.ok(html.includes("résumé".normalize("NFC")));
  assert.not.ok(html.includes("e\u0301"), "no decomposed character left");
});

test("full-width spaces and indents: separate paragraphs, no doubled indent, no code block", () => {
  const doc = load("2024-03-01/p1/spaces/index.html");
  assert.is(doc.querySelector("h1")!.text.trim(), "全角　空格");
  assert.is(doc.querySelectorAll("pre").length, 0);
  const ps = paragraphs(doc);
  for (const p of ["第一段。", "第二段。", "缩进的第三段。", "制表符缩进的第四段。"]) assert.ok(ps.includes(p), `${p} in ${JSON.stringify(ps)}`);
});

test("an article of 5 MB builds whole", () => {
  const html = readFileSync(join(site, "2024-03-01/p1/big/index.html"), "utf8");
  assert.ok(Buffer.byteLength(html) > 5 * 1024 * 1024);
  assert.ok(html.includes("全文最后一段的标记。"));
  console.log(`  (build of the edge-case archive with the 5 MB article: ${seconds.toFixed(1)} s)`);
});

test("a title of 10,000 characters: whole on its page, cut in <title>, lists and links", () => {
  const doc = load("2024-03-01/p1/long/index.html");
  assert.is(doc.querySelector("h1")!.text.trim(), longTitle);
  const title = doc.querySelector("title")!.text;
  assert.ok(title.length < SHORT_TITLE_MAX + 40, `<title> is ${title.length} characters`);
  assert.ok(title.startsWith(longTitle.slice(0, 50)));
  const edition = load("2024-03-01/p1/index.html");
  const headline = edition.querySelectorAll(".headline a").map((a) => a.text.trim()).find((t) => t.startsWith(longTitle.slice(0, 50)))!;
  assert.ok(headline.length <= SHORT_TITLE_MAX && headline.endsWith("…"), `${headline.length}`);
  const next = load("2024-03-01/p1/after/index.html").querySelector('a[rel="prev"]')!.text;
  assert.ok(next.length <= SHORT_TITLE_MAX, `${next.length}`);
});

test.run();
