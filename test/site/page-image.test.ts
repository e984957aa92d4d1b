/**
 * A page with its printed image in the built site: the image and PDF beside the
 * page, each region a link to its article over an image of the file's size, the
 * offline manifest listing both files, and a page without an image as before.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "node-html-parser";
import { buildInto } from "../helpers/site.ts";
import { writeArchive, article, EDITION, PAGE } from "../helpers/archive.ts";
import { schematicPage } from "../../tools/schematic-page.ts";
import { ManifestTree } from "../../src/offline/manifest-tree.ts";
import { MANIFEST_FILE, manifestPath, type ManifestNode, type RootManifest } from "../../src/offline/manifest-format.ts";

const drawn = schematicPage(["yi", "er"], 400, 560);
const PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
const content = writeArchive({
  "2024-03-01/edition.json": EDITION,
  "2024-03-01/p1/page.json": { ...PAGE, image: "p1.png", pdf: "p1.pdf", regions: drawn.regions },
  "2024-03-01/p1/yi.md": article("title: 第一篇<b>\norder: 1"),
  "2024-03-01/p1/er.md": article("title: 第二篇\norder: 2"),
  "2024-03-01/p1/p1.pdf": PDF,
  "2024-03-01/p2/page.json": { ...PAGE, number: { value: 2, status: "stated" } },
  "2024-03-01/p2/san.md": article("title: 第三篇\norder: 1"),
});
writeFileSync(join(content, "2024-03-01/p1/p1.png"), drawn.png);
const site = buildInto(content);
const html = (path: string) => parse(readFileSync(join(site, path), "utf8"));

test("the image and the PDF are copied beside the page, byte for byte", () => {
  assert.equal(readFileSync(join(site, "2024-03-01/p1/p1.png")), drawn.png);
  assert.is(readFileSync(join(site, "2024-03-01/p1/p1.pdf"), "utf8"), PDF);
});

test("the page view shows the image at its size, each region a link to an article that exists", () => {
  const page = html("2024-03-01/p1/index.html");
  const img = page.querySelector(".page-image img")!;
  const here = (href: string) => join(site, "2024-03-01/p1", href);
  assert.equal(readFileSync(here(img.getAttribute("src")!)), drawn.png, "the image links the copied file");
  assert.is(img.getAttribute("width"), String(drawn.width));
  assert.is(img.getAttribute("height"), String(drawn.height));
  assert.is(page.querySelector(".page-regions")?.getAttribute("viewBox"), `0 0 ${drawn.width} ${drawn.height}`);
  const links = page.querySelectorAll(".page-regions a");
  assert.is(links.length, drawn.regions.length);
  for (const a of links) assert.ok(existsSync(here(a.getAttribute("href")!)), a.getAttribute("href"));
  // Article text is data: the title is escaped in the region's name.
  assert.is(links[0]!.getAttribute("aria-label"), "第一篇<b>");
  assert.ok(!readFileSync(join(site, "2024-03-01/p1/index.html"), "utf8").includes("第一篇<b>"));
  const headlineLinks = page.querySelectorAll(".page-articles .headline a").map((a) => a.getAttribute("href"));
  assert.equal(links.map((a) => a.getAttribute("href")), headlineLinks, "the article list is the same links, in the same order here");
  const pdf = page.querySelector('.page-image figcaption a[type="application/pdf"]');
  assert.is(pdf && readFileSync(here(pdf.getAttribute("href")!), "utf8"), PDF, "a link to the PDF");
});

test("a page without an image looks as before", () => {
  const page = html("2024-03-01/p2/index.html");
  assert.is(page.querySelector(".page-image"), null);
  assert.is(page.querySelector(".page-view"), null);
  assert.ok(page.querySelector(".headlines"));
});

test("the offline manifest lists the image and the PDF", async () => {
  const root = JSON.parse(readFileSync(join(site, MANIFEST_FILE), "utf8")) as RootManifest;
  const tree = new ManifestTree(root, async (chain) => JSON.parse(readFileSync(join(site, manifestPath(chain)), "utf8")) as ManifestNode);
  for (const f of ["2024-03-01/p1/p1.png", "2024-03-01/p1/p1.pdf"]) assert.is((await tree.entry(f))?.[1], readFileSync(join(site, f)).length, f);
});

test.run();
