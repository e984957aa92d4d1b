import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "node-html-parser";
import { buildInto } from "../helpers/site.ts";
import { writeArchive, article, EDITION, PAGE } from "../helpers/archive.ts";

// Article text is data: markup, quotes, template syntax and a closing script tag must come out as the same text.
const EVIL = `<script>alert(1)</script> "引号" 'x' </script><!-- {{ 7*7 }} {% raw %} & ${"$"}{x}`;
const content = writeArchive({
  "2024-03-01/edition.json": EDITION,
  "2024-03-01/p1/page.json": PAGE,
  "2024-03-01/p1/evil.md": article(
    [`title: ${JSON.stringify(`标题${EVIL}`)}`, `kicker: ${JSON.stringify(`引题${EVIL}`)}`, `subtitle: ${JSON.stringify(`副题${EVIL}`)}`, `byline: ${JSON.stringify(`本报记者 张三${EVIL}`)}`, `column: ${JSON.stringify(`栏目${EVIL}`)}`, `readingTip: ${JSON.stringify(`提示${EVIL}`)}`, "order: 1"].join("\n"),
    `正文${EVIL}\n\n## 小标题${EVIL}`,
  ),
});
const site = buildInto(content);
const html = readFileSync(join(site, "2024-03-01/p1/evil/index.html"), "utf8");
const doc = parse(html);

test("no script from article text reaches the page", () => {
  // Only the site's own script file, and the JSON-LD data block.
  const scripts = doc.querySelectorAll("script");
  assert.equal(scripts.map((s) => s.getAttribute("type") ?? s.getAttribute("src")), ["../../../assets/site.js", "application/ld+json"]);
  assert.is(scripts[0]!.innerHTML, "");
  assert.not.match(html, "<script>alert");
  assert.not.match(html, "<!-- {{");
});

test("text renders intact in the page, templates unevaluated", () => {
  assert.is(doc.querySelector("h1")!.text, `标题${EVIL}`);
  assert.is(doc.querySelector(".kicker")!.text, `引题${EVIL}`);
  assert.is(doc.querySelector(".subtitle")!.text, `副题${EVIL}`);
  assert.is(doc.querySelector(".byline")!.text, `本报记者 张三${EVIL}`);
  assert.is(doc.querySelector(".body p")!.text, `正文${EVIL}`);
  assert.is(doc.querySelector(".body h2")!.text, `小标题${EVIL}`);
  assert.not.match(html, "49");
});

test("attributes hold the text intact", () => {
  assert.is(doc.querySelector('meta[property="og:title"]')!.getAttribute("content"), `标题${EVIL}`);
  assert.is(doc.querySelector("title")!.text.split(" · ")[0], `标题${EVIL}`);
  assert.ok(doc.querySelector('meta[name="description"]')!.getAttribute("content")!.startsWith("提示<script>"));
});

test("JSON-LD cannot be closed by article text and parses back to the text", () => {
  const raw = doc.querySelector('script[type="application/ld+json"]')!.innerHTML;
  assert.not.match(raw, "</script");
  assert.not.match(raw, "<");
  const data = JSON.parse(raw) as { headline: string; articleSection: string; author: { name: string }[] };
  assert.is(data.headline, `标题${EVIL}`);
  assert.is(data.articleSection, `栏目${EVIL}`);
});

test("the feed escapes the text and keeps it intact", () => {
  const xml = readFileSync(join(site, "feed.xml"), "utf8");
  assert.not.match(xml, "<script>");
  const entry = parse(xml).querySelector("entry")!;
  assert.is(entry.querySelector("title")!.text, `标题${EVIL}`);
  // The body is HTML carried as escaped text: once unescaped it is the rendered, still-escaped article.
  assert.match(entry.querySelector("content")!.text, "&lt;script&gt;alert(1)");
});

test("listing pages escape the text too", () => {
  for (const file of ["index.html", "2024-03-01/index.html", "2024-03-01/p1/index.html"]) {
    const page = readFileSync(join(site, file), "utf8");
    assert.not.match(page, "<script>alert", file);
    assert.is(parse(page).querySelector(".headline a")!.text, `标题${EVIL}`, file);
  }
});

test.run();
