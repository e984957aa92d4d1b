/**
 * Characters XML forbids (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F,
 * U+FFFE, U+FFFF, lone surrogates) never reach feed.xml or sitemap.xml: on every
 * path into the archive (raw in a file, YAML and JSON escapes, Markdown
 * character references; titles, bodies, names, notes, unplaced lines) they are a
 * content error naming the file.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeArchive, article, EDITION, PAGE, contentErrorsOf } from "../helpers/archive.ts";
import { buildInto } from "../helpers/site.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/u;

const errorsOf = contentErrorsOf;

const forbidden = [0x00, 0x01, 0x08, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f, 0xfffe, 0xffff, 0xd800, 0xdfff];
const hex = (c: number) => c.toString(16).padStart(4, "0");

const good = { "2024-03-01/edition.json": EDITION, "2024-03-01/p1/page.json": PAGE, "2024-03-01/p1/ok.md": article("title: 好\norder: 1") };

/** Each way a character can get into the archive, as the files that carry it and the file the error must name. */
const PATHS: [string, (c: number) => Record<string, string | object>, string][] = [
  ["YAML escape in a title", (c) => ({ "2024-03-01/p1/a.md": article(`title: "标题\\u${hex(c)}"\norder: 2`) }), "2024-03-01/p1/a.md"],
  ["YAML escape in a byline", (c) => ({ "2024-03-01/p1/a.md": article(`title: 标题\norder: 2\nbyline: "本报记者 张\\u${hex(c)}三"`) }), "2024-03-01/p1/a.md"],
  ["YAML escape in a person's name", (c) => ({ "2024-03-01/p1/a.md": article(`title: 标题\norder: 2\npeople: [{ name: "张\\u${hex(c)}", role: 记者 }]`) }), "2024-03-01/p1/a.md"],
  ["JSON escape in a column", (c) => ({ "2024-03-01/p1/a.md": `---json\n{ "title": "标题", "order": 2, "column": "栏目\\u${hex(c)}" }\n---\n\n正文。\n` }), "2024-03-01/p1/a.md"],
  ["JSON escape in the edition's note", (c) => ({ "2024-03-01/edition.json": JSON.stringify({ ...EDITION, note: "备注\\u" }).replace("\\\\u", `\\u${hex(c)}`) }), "2024-03-01/edition.json"],
  ["JSON escape in an unplaced line", (c) => ({ "2024-03-01/p1/page.json": JSON.stringify({ ...PAGE, unplaced: [{ text: "行\\u", reason: "无主" }] }).replace("\\\\u", `\\u${hex(c)}`) }), "2024-03-01/p1/page.json"],
  ["a character reference in the body", (c) => ({ "2024-03-01/p1/a.md": article("title: 标题\norder: 2", `正文&#x${hex(c)};正文`) }), "2024-03-01/p1/a.md"],
];

test("every path for a character XML forbids ends in a content error naming the file", () => {
  for (const [how, files, file] of PATHS) {
    for (const c of forbidden) {
      const errors = errorsOf(writeArchive({ ...good, ...files(c) }));
      // markdown-it itself turns some references (NUL, surrogates, U+FFFF…) into U+FFFD, which is fine text.
      if (how.includes("reference") && errors.length === 0) continue;
      assert.ok(errors.some((e) => e.file === file), `${how}, U+${hex(c)}: ${JSON.stringify(errors)}`);
    }
  }
});

test("raw in a file: every forbidden character but the surrogates (which UTF-8 cannot carry) is refused", () => {
  for (const c of forbidden.filter((c) => c < 0xd800 || c > 0xdfff)) {
    const raw = String.fromCharCode(c);
    const errors = errorsOf(
      writeArchive({
        ...good,
        "2024-03-01/p1/title.md": article(`title: 标题${raw}\norder: 2`),
        "2024-03-01/p1/body.md": article("title: 标题\norder: 3", `正文${raw}正文`),
        "2024-03-01/p1/quoted.md": article(`title: '标题${raw}'\norder: 4`),
      }),
    );
    for (const name of ["title", "body", "quoted"]) assert.ok(errors.some((e) => e.file === `2024-03-01/p1/${name}.md`), `${name}, U+${hex(c)}: ${JSON.stringify(errors)}`);
  }
});

test("the feed and sitemap of an archive with tabs, CRLF and unusual but allowed characters hold nothing XML forbids", () => {
  const site = buildInto(
    writeArchive({
      ...good,
      "2024-03-01/p1/a.md": article("title: \"制表\\t符 \\u2028 \\u00a0 😀\"\norder: 2\ncolumn: 栏目", "正文\t制表\n\n&#x2028;第二段 &amp; &lt;b&gt;").replace(/\n/gu, "\r\n"),
    }),
  );
  for (const file of ["feed.xml", "sitemap.xml"]) {
    const xml = readFileSync(join(site, file), "utf8");
    assert.not.match(xml, XML_FORBIDDEN, file);
    assert.not.ok(xml.includes("\r"), `${file} has no CR`);
  }
});

test.run();
