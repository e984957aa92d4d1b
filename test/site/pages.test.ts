import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { loadArchive } from "../../src/content/load-archive.ts";
import { buildInto, htmlPages, SAMPLE_CONTENT } from "../helpers/site.ts";

const archive = loadArchive(SAMPLE_CONTENT);
const site = buildInto(SAMPLE_CONTENT);
const load = (file: string): HTMLElement => parse(readFileSync(join(site, file), "utf8"));
const text = (el: HTMLElement | null) => el?.text.trim() ?? null;
const headlines = (doc: HTMLElement) => doc.querySelectorAll(".headline a").map((a) => a.text.trim());

test("every page declares Chinese and carries a title and a stylesheet", () => {
  for (const file of htmlPages(site)) {
    const doc = load(file);
    assert.is(doc.querySelector("html")!.getAttribute("lang"), "zh-CN", file);
    assert.ok(text(doc.querySelector("title")), file);
    // 404.html is served at any address: its script adds the stylesheet once it knows the site root.
    if (file === "404.html") assert.match(doc.querySelector("head script")!.text, "assets/site.css");
    else assert.ok(doc.querySelector('link[rel="stylesheet"]'), file);
  }
});

test("home shows the latest edition with every page and headline in order", () => {
  const latest = archive.editions[0]!;
  const doc = load("index.html");
  assert.is(text(doc.querySelector("h1")), latest.dateLabel);
  assert.equal(headlines(doc), latest.pages.flatMap((p) => p.articles.map((a) => a.title)));
});

test("edition and page views list their articles in print order", () => {
  for (const edition of archive.editions) {
    const doc = load(`${edition.url}index.html`);
    assert.equal(doc.querySelectorAll(".print-page h2").map((h) => h.text.trim()), edition.pages.map((p) => p.label));
    for (const page of edition.pages) assert.equal(headlines(load(`${page.url}index.html`)), page.articles.map((a) => a.title));
  }
  const unplaced = archive.pages.flatMap((p) => p.unplaced);
  assert.ok(unplaced.length > 0, "the sample keeps its unplaced line");
  assert.match(load(`${archive.pages[0]!.url}index.html`).text, unplaced[0]!.text);
});

test("article pages show every printed part", () => {
  for (const a of archive.articles) {
    const doc = load(`${a.url}index.html`);
    const page = doc.querySelector("article")!;
    assert.is(text(page.querySelector("h1")), a.title);
    assert.is(text(page.querySelector(".kicker")), a.kicker ?? null, `${a.slug} kicker`);
    assert.is(text(page.querySelector(".subtitle")), a.subtitle ?? null, `${a.slug} subtitle`);
    assert.is(text(page.querySelector(".byline")), a.byline ?? null, `${a.slug} byline`);
    assert.is(text(page.querySelector(".column")), a.column ?? null, `${a.slug} column`);
    assert.is(page.querySelector(".reading-tip p:last-child")?.text.trim() ?? null, a.readingTip ?? null);
    assert.is(page.querySelector("figcaption")?.childNodes[0]?.text.trim() ?? null, a.caption ?? null);
    assert.is(text(page.querySelector(".credit")), a.credit ?? null);
    assert.is(text(page.querySelector(".affiliation")), a.affiliation ? `（作者单位：${a.affiliation}）` : null);
    assert.equal(page.querySelectorAll(".body h2").map((h) => h.text.trim()), a.blocks.filter((b) => b.kind === "subhead").map((b) => b.text));
    assert.is(page.querySelectorAll(".body > p").length, a.blocks.filter((b) => b.kind === "paragraph").length);
    assert.is(page.querySelectorAll(".gap").length, a.blocks.filter((b) => b.kind === "gap").length);
    assert.is(Boolean(page.querySelector(".ending-note")), a.ending !== "complete", `${a.slug} ending`);
    assert.match(text(page.querySelector(".where"))!, a.edition.dateLabel);
    assert.match(text(page.querySelector(".where"))!, a.printPage.label);
    assert.equal(doc.querySelectorAll(".crumbs li").map((li) => li.text.trim()), [a.edition.dateLabel, a.printPage.label, a.title]);
    assert.is(text(doc.querySelector('a[rel="prev"]')), a.prev?.title ?? null);
    assert.is(text(doc.querySelector('a[rel="next"]')), a.next?.title ?? null);
  }
});

test("article pages carry title, description, OpenGraph and NewsArticle JSON-LD", () => {
  for (const a of archive.articles) {
    const doc = load(`${a.url}index.html`);
    assert.ok(text(doc.querySelector("title"))!.startsWith(a.title));
    assert.is(doc.querySelector('meta[name="description"]')!.getAttribute("content"), a.description);
    assert.ok(a.description.length >= 20, `${a.slug} has a real description`);
    assert.is(doc.querySelector('meta[property="og:title"]')!.getAttribute("content"), a.title);
    assert.is(doc.querySelector('meta[property="og:type"]')!.getAttribute("content"), "article");
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.innerHTML) as Record<string, unknown>;
    assert.is(ld["@type"], "NewsArticle");
    assert.is(ld.headline, a.title);
    // The sample's date is inferred to the month: no datePublished is claimed.
    assert.is(ld.datePublished, a.edition.date && /^\d{4}-\d{2}-\d{2}$/u.test(a.edition.date) ? a.edition.date : undefined);
  }
});

test("archive, column and person pages list what they should", () => {
  // The sample's one edition is dated only to the month: its month page lists it, on no day of the grid.
  const month = load("archive/2023/06/index.html");
  assert.equal(month.querySelectorAll(".edition-main .editions > li > a").map((a) => a.text.trim()), archive.editions.map((e) => e.dateLabel));
  assert.is(month.querySelectorAll(".month-grid td.has-edition").length, 0);
  assert.equal(load("archive/index.html").querySelectorAll(".archive-months a").map((a) => a.text.trim()), ["6月"]);
  assert.ok(archive.columns.length > 0 && archive.people.length > 0);
  for (const listing of [...archive.columns, ...archive.people]) {
    assert.equal(headlines(load(`${listing.url}index.html`)), listing.articles.map((a) => a.title), listing.name);
  }
  const people = load("people/index.html").querySelectorAll(".listings a").map((a) => a.text.trim());
  assert.equal(people, archive.people.map((p) => p.name));
  assert.ok(people.includes("黄宗治"), "the photographer of the caption credit is listed");
});

test("feed has an entry per article, the sitemap a URL per page", () => {
  const feed = parse(readFileSync(join(site, "feed.xml"), "utf8"));
  assert.equal(feed.querySelectorAll("entry > title").map((t) => t.text), archive.articles.map((a) => a.title));
  const sitemap = readdirSync(site).filter((f) => /^sitemap.*\.xml$/u.test(f)).map((f) => readFileSync(join(site, f), "utf8")).join("\n");
  for (const url of [...archive.articles, ...archive.pages, ...archive.editions].map((x) => x.url)) assert.match(sitemap, `<loc>${url}index.html</loc>`);
});

test("aria-current marks only the current item: the masthead only on its own pages, one per navigation", () => {
  const own: Record<string, string> = { "index.html": "首页", "archive/index.html": "往期", "columns/index.html": "栏目", "people/index.html": "作者" };
  for (const file of htmlPages(site)) {
    const doc = load(file);
    const current = doc.querySelectorAll('.masthead [aria-current="page"]').map((a) => a.text.trim());
    assert.equal(current, own[file] ? [own[file]] : [], file);
    for (const nav of doc.querySelectorAll("nav")) assert.ok(nav.querySelectorAll("[aria-current]").length <= 1, `${file}: one current item per navigation`);
  }
});

test("template text uses full-width punctuation: no half-width bracket or colon beside Chinese", () => {
  for (const file of htmlPages(site)) {
    const doc = load(file);
    // Article text and editors' notes are shown as written: only what the templates add is checked.
    const asWritten = ".body, .byline, .kicker, .subtitle, .headline, #title, figcaption, .reading-tip, .unplaced q, .fact-note, .crumbs li:last-child, .prev-next a, .affiliation, script";
    doc.querySelectorAll(asWritten).forEach((el) => el.remove());
    const text = doc.querySelector("body")!.text;
    assert.not.match(text, /[\u4e00-\u9fff][(:]|[)][\u4e00-\u9fff]|\([\u4e00-\u9fff]/u, file);
    assert.not.match(text.replace(/\s*\n\s*/gu, "\n"), /[^\s]  +[^\s]/u, `${file}: no double spaces`);
  }
  assert.is(load("2023-06/index.html").querySelector("h1")!.text.trim(), "2023年6月（推断）");
  const article = load(`${archive.articles.find((a) => a.affiliation)!.url}index.html`);
  assert.match(article.querySelector(".affiliation")!.text, /^（作者单位：.+）$/u);
  assert.match(article.querySelector(".where .role")!.text, /^（.+）$/u);
});

test("the 404 page exists and leads home", () => {
  const doc = load("404.html");
  assert.ok(doc.querySelector('a[href="index.html"]'));
});

test.run();
