/**
 * The archive's identity comes from its content (content/archive.json): the
 * masthead, <title>, feed, web-app manifest and JSON-LD use it; a paper name
 * that is not stated is not claimed; without the file, _data/site.json's name
 * stands; a wrong file fails the build naming the file and the field.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "node-html-parser";
import { buildInto, runBuild, tempDir, ROOT, SAMPLE_CONTENT } from "../helpers/site.ts";
import { writeArchive, article, EDITION, PAGE } from "../helpers/archive.ts";

const siteJson = JSON.parse(readFileSync(join(ROOT, "_data/site.json"), "utf8")) as { name: string };
const base = { "2024-03-01/edition.json": EDITION, "2024-03-01/01/page.json": PAGE, "2024-03-01/01/a.md": article("title: 标题\norder: 1") };

function identityOf(site: string, articlePage = "2024-03-01/01/a/index.html") {
  const home = parse(readFileSync(join(site, "index.html"), "utf8"));
  const articleFile = readFileSync(join(site, articlePage), "utf8");
  const ld = JSON.parse(parse(articleFile).querySelector('script[type="application/ld+json"]')!.innerHTML) as { publisher: { name: string } };
  const manifest = JSON.parse(readFileSync(join(site, "manifest.webmanifest"), "utf8")) as { name: string; short_name: string };
  const feed = parse(readFileSync(join(site, "feed.xml"), "utf8"));
  return {
    brand: home.querySelector(".brand")!.text.trim(),
    title: home.querySelector("title")!.text.trim(),
    feed: feed.querySelector("feed > title")!.text,
    manifest: manifest.name,
    shortName: manifest.short_name,
    publisher: ld.publisher.name,
  };
}

test("the sample names itself from content/archive.json, and claims no paper name the page does not print", () => {
  const data = JSON.parse(readFileSync(join(SAMPLE_CONTENT, "archive.json"), "utf8")) as { title: string; paper: { name: null; status: string } };
  assert.is(data.paper.name, null);
  assert.is(data.paper.status, "unknown");
  const id = identityOf(buildInto(SAMPLE_CONTENT), "2023-06/page-unknown/huoyan-lan/index.html");
  assert.equal(id, { brand: data.title, title: data.title, feed: data.title, manifest: data.title, shortName: data.title, publisher: data.title });
});

test("a stated paper name is the masthead and the publisher", () => {
  const content = writeArchive({ ...base, "archive.json": { paper: { name: "工人日报", status: "stated" }, shortName: "工人", description: "职工的报纸。" } });
  const id = identityOf(buildInto(content));
  assert.equal(id, { brand: "工人日报", title: "工人日报", feed: "工人日报", manifest: "工人日报", shortName: "工人", publisher: "工人日报" });
});

test("an inferred paper name is marked as such, and not claimed as publisher", () => {
  const content = writeArchive({ ...base, "archive.json": { paper: { name: "工人日报", status: "inferred", note: "据作者单位推断" } } });
  const id = identityOf(buildInto(content));
  assert.is(id.brand, "工人日报（推断）");
  assert.is(id.publisher, "工人日报（推断）", "the publisher is the site, named as the masthead names it");
});

test("without archive.json the site is named by _data/site.json", () => {
  const id = identityOf(buildInto(writeArchive(base)));
  assert.is(id.brand, siteJson.name);
  assert.is(id.feed, siteJson.name);
});

test("a wrong archive.json fails the build, naming the file and each field", () => {
  const content = writeArchive({ ...base, "archive.json": { paper: { name: null, status: "unknown" }, titel: "错字" } });
  const r = runBuild(["--content", content, "--out", join(tempDir("out"), "_site")]);
  assert.is.not(r.status, 0);
  const out = r.stdout + r.stderr;
  assert.match(out, "archive.json: titel: Unrecognized key");
  assert.match(out, "archive.json: paper.note:");
});

test.run();
