/**
 * Chinese typography of what the site itself writes: no half-width , : ; ( ) ! ?
 * beside a Chinese character, in the built pages (of an archive whose own text has
 * no such punctuation, so whatever is found came from the templates) and in the
 * bundled browser code, whose strings become the search and offline status lines.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildInto, listFiles } from "../helpers/site.ts";
import { writeArchive, article } from "../helpers/archive.ts";

const HALF_WIDTH_BESIDE_CJK = /.{0,12}(?:\p{Script=Han}[,:;()!?]|[,:;()!?]\p{Script=Han}).{0,12}/gu;

// Facts of every status, a column, people and a note: the templates' words around them all show.
const content = writeArchive({
  "2024-03-01/edition.json": { date: { value: "2024-03-01", status: "stated" }, paper: { name: "工人日报", status: "inferred", note: "据版式推断" } },
  "2024-03-01/01/page.json": { number: { value: 1, status: "inferred", note: "据页码推断" }, name: { value: "要闻", status: "stated" }, unplaced: [{ text: "一行残字", reason: "无法归入" }] },
  "2024-03-01/01/yi.md": article("title: 第一篇\norder: 1\ncolumn: 工会新闻\nbyline: 本报记者 张三 通讯员 李四\nreadingTip: 阅读提示\nending: breaks-off\nendingNote: 下文不在本版", "正文第一段\n\n## 小标题\n\n正文第二段"),
  "2024-03-01/01/er.md": article("title: 第二篇\norder: 2\nbyline: □王五", "正文"),
  "2024-02/edition.json": { date: { value: "2024-02", status: "inferred", note: "只知月份" } },
  "2024-02/unknown/page.json": { number: { value: null, status: "unknown", note: "版次不详" }, name: { value: null, status: "unknown", note: "版名不详" } },
  "2024-02/unknown/san.md": article("title: 第三篇\norder: 1", "正文"),
});
const site = buildInto(content);

function findings(files: string[]): string[] {
  // A character reference's closing ; (&lt;正文) is markup, not punctuation.
  const text = (f: string) => readFileSync(join(site, f), "utf8").replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/giu, " ");
  return files.flatMap((f) => [...text(f).matchAll(HALF_WIDTH_BESIDE_CJK)].map((m) => `${f}: …${m[0]}…`));
}

test("the built pages and feeds add no half-width punctuation beside Chinese", () => {
  const pages = listFiles(site).filter((f) => /\.(html|xml|webmanifest)$/u.test(f));
  assert.ok(pages.length > 10, `${pages.length} pages`);
  const found = findings(pages);
  assert.equal(found, [], found.join("\n"));
});

test("the bundled browser code (search and offline status lines) has none either", () => {
  const scripts = listFiles(site).filter((f) => f.endsWith(".js"));
  assert.ok(scripts.includes(join("assets", "site.js")), scripts.join(" "));
  const found = findings(scripts);
  assert.equal(found, [], found.join("\n"));
});

test("the check finds what it looks for", () => {
  assert.is("检索暂时不可用:索引".match(HALF_WIDTH_BESIDE_CJK)?.length, 1);
  assert.is("（推断）：全角".match(HALF_WIDTH_BESIDE_CJK), null);
});

test.run();
