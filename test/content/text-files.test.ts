/**
 * Text files: every file of an archive must be UTF-8 text without control
 * characters other than tab and line breaks; anything else is a content error
 * naming the file and the byte offset, never mojibake on the site. A UTF-8 BOM
 * and CRLF line endings are accepted everywhere.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadArchive } from "../../src/content/load-archive.ts";
import { writeArchive, article, EDITION, PAGE, expectContentErrors } from "../helpers/archive.ts";

const errorsOf = expectContentErrors;

const base = () => writeArchive({ "2024-03-01/edition.json": EDITION, "2024-03-01/p1/page.json": PAGE, "2024-03-01/p1/good.md": article("title: 好\norder: 1") });

/** 标题 and 正文 in GBK; the test checks the bytes decode as such. */
const GBK_TITLE = Buffer.from([0xb1, 0xea, 0xcc, 0xe2]);
const GBK_BODY = Buffer.from([0xd5, 0xfd, 0xce, 0xc4]);

test("the GBK bytes are GBK for the text they stand for", () => {
  assert.is(new TextDecoder("gbk").decode(GBK_TITLE), "标题");
  assert.is(new TextDecoder("gbk").decode(GBK_BODY), "正文");
});

test("a GBK article and a GBK edition.json are errors naming the file and the byte offset", () => {
  const dir = base();
  const head = Buffer.from("---\ntitle: ");
  writeFileSync(join(dir, "2024-03-01/p1/gbk.md"), Buffer.concat([head, GBK_TITLE, Buffer.from("\norder: 2\n---\n\n"), GBK_BODY, Buffer.from("\n")]));
  const json = Buffer.from('{ "date": { "value": "2024-03-01", "status": "stated" }, "note": "');
  writeFileSync(join(dir, "2024-03-01/edition.json"), Buffer.concat([json, GBK_BODY, Buffer.from('" }')]));
  const errors = errorsOf(dir);
  const gbk = errors.find((e) => e.file === "2024-03-01/p1/gbk.md");
  assert.ok(gbk, JSON.stringify(errors));
  assert.match(gbk.message, new RegExp(`not UTF-8.*byte ${head.length}\\b.*line 2`, "u"));
  const edition = errors.find((e) => e.file === "2024-03-01/edition.json");
  assert.ok(edition, JSON.stringify(errors));
  assert.match(edition.message, new RegExp(`not UTF-8.*byte ${json.length}\\b`, "u"));
});

test("NUL bytes, other control characters and a binary file with front matter are errors with the byte offset", () => {
  const dir = base();
  const nulBody = article("title: 空字节\norder: 2", "正文\u0000正文");
  writeFileSync(join(dir, "2024-03-01/p1/nul.md"), nulBody);
  writeFileSync(join(dir, "2024-03-01/p1/ff.md"), article("title: 换页\norder: 3", "一段\f二段"));
  writeFileSync(join(dir, "2024-03-01/p1/cr.md"), article("title: 回车\norder: 4", "老式\r换行"));
  // A PNG's first bytes after a valid header: 0x89 is not UTF-8.
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
  const binaryHead = Buffer.from(article("title: 图片\norder: 5", ""));
  writeFileSync(join(dir, "2024-03-01/p1/binary.md"), Buffer.concat([binaryHead, png]));
  const errors = errorsOf(dir);
  const of = (name: string) => errors.find((e) => e.file === `2024-03-01/p1/${name}`)?.message ?? "";
  assert.match(of("nul.md"), new RegExp(`NUL.*byte ${Buffer.byteLength(nulBody.slice(0, nulBody.indexOf("\u0000")))}\\b`, "u"));
  assert.match(of("ff.md"), /U\+000C/u);
  assert.match(of("cr.md"), /carriage return/u);
  assert.match(of("binary.md"), new RegExp(`not UTF-8.*byte ${binaryHead.length}\\b`, "u"));
  assert.is(errors.length, 4, JSON.stringify(errors));
});

test("control characters written as YAML, JSON or character-reference escapes are errors naming the field", () => {
  const dir = writeArchive({
    "2024-03-01/edition.json": { ...EDITION, note: "备注\u000b" },
    "2024-03-01/p1/page.json": { ...PAGE, name: { value: "要闻\u0000", status: "stated" } },
    "2024-03-01/p1/title.md": article('title: "退格\\b标题"\norder: 1'),
    "2024-03-01/p1/tags.md": article('title: 标签\norder: 2\ntags: ["\\x1b[31m红"]'),
    "2024-03-01/p1/surrogate.md": article('title: "\\ud800"\norder: 3'),
    "2024-03-01/p1/entity.md": article("title: 实体\norder: 4", "一段&#12;二段"),
    "2024-03-01/p1/fffe.md": article('title: "\\uFFFE"\norder: 5'),
  });
  const errors = errorsOf(dir);
  const has = (file: string, field: string, pattern: RegExp) => errors.some((e) => e.file === file && e.field === field && pattern.test(e.message));
  assert.ok(has("2024-03-01/edition.json", "note", /U\+000B/u), JSON.stringify(errors));
  assert.ok(has("2024-03-01/p1/page.json", "name.value", /NUL/u));
  assert.ok(has("2024-03-01/p1/title.md", "title", /U\+0008/u));
  assert.ok(has("2024-03-01/p1/tags.md", "tags.0", /U\+001B/u));
  assert.ok(has("2024-03-01/p1/surrogate.md", "title", /lone surrogate/u));
  assert.ok(has("2024-03-01/p1/entity.md", "body", /U\+000C/u));
  assert.ok(has("2024-03-01/p1/fffe.md", "title", /U\+FFFE/u));
});

test("a UTF-8 BOM and CRLF line endings are accepted in edition.json, page.json and articles", () => {
  const dir = writeArchive({
    "2024-03-01/edition.json": `\uFEFF${JSON.stringify(EDITION, null, 2).replace(/\n/gu, "\r\n")}`,
    "2024-03-01/p1/page.json": `\uFEFF${JSON.stringify(PAGE, null, 2).replace(/\n/gu, "\r\n")}`,
    "2024-03-01/p1/a.md": `\uFEFF${article("title: 甲\norder: 1\ncolumn: 栏目", "第一段\n\n第二段")}`.replace(/\n/gu, "\r\n"),
    "2024-03-01/p1/b.md": article("title: 乙\norder: 2\ncolumn: 栏目", "制表符\t正文"),
  });
  const archive = loadArchive(dir);
  const a = archive.articles.find((x) => x.slug === "a")!;
  assert.is(a.title, "甲");
  assert.equal(a.blocks.map((b) => b.text), ["第一段", "第二段"]);
  assert.is(archive.columns.length, 1, "the CRLF article's column is the same column");
  assert.is(archive.editions[0]!.date.value, "2024-03-01");
  assert.ok(readFileSync(join(dir, "2024-03-01/edition.json"))[0] === 0xef, "the file on disk does start with a BOM");
});

test.run();
