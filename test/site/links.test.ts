import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { parse } from "node-html-parser";
import { buildInto, htmlPages, SAMPLE_CONTENT } from "../helpers/site.ts";

const site = buildInto(SAMPLE_CONTENT);
const pages = htmlPages(site);

/** Every URL a page refers to: links, stylesheets, scripts, images, icons. */
function references(file: string): string[] {
  const root = parse(readFileSync(join(site, file), "utf8"));
  return root.querySelectorAll("[href], [src]").map((el) => el.getAttribute("href") ?? el.getAttribute("src") ?? "");
}

test("the sample builds every kind of page", () => {
  for (const f of ["index.html", "archive/index.html", "columns/index.html", "people/index.html", "404.html", "feed.xml", "sitemap.xml", "2023-06/index.html", "2023-06/page-unknown/index.html", "columns/新闻特写/index.html", "people/李丰/index.html"]) {
    assert.ok(existsSync(join(site, f)), f);
  }
  assert.is(pages.filter((p) => /^2023-06\/page-unknown\/[^/]+\/index\.html$/u.test(p)).length, 9, "nine article pages");
});

test("every internal link and asset of every page resolves to a file, and none starts with /", () => {
  const broken: string[] = [];
  let checked = 0;
  for (const page of pages) {
    for (const ref of references(page)) {
      if (/^(https?:|mailto:|data:)/u.test(ref)) continue;
      if (ref.startsWith("/")) broken.push(`${page}: root-relative ${ref}`);
      const path = decodeURIComponent(ref.split("#")[0]!.split("?")[0]!);
      if (path === "") continue; // same-page fragment
      const target = normalize(join(dirname(join(site, page)), path));
      if (!target.startsWith(site) || !existsSync(target) || !statSync(target).isFile()) broken.push(`${page}: ${ref}`);
      checked++;
    }
  }
  assert.ok(checked > pages.length * 5, `checked ${checked} references`);
  assert.equal(broken, []);
});

test("links in the feed and sitemaps are relative to the site root and resolve", () => {
  for (const file of ["feed.xml", "sitemap.xml", "sitemap-lists.xml", "sitemap-2023.xml"]) {
    const xml = readFileSync(join(site, file), "utf8");
    const refs = [...xml.matchAll(/<link[^>]*href="([^"]+)"|<loc>([^<]+)<\/loc>/gu)].map((m) => m[1] ?? m[2]!);
    assert.ok(refs.length >= (file === "sitemap.xml" ? 2 : 9), `${file} has links`);
    for (const ref of refs) {
      assert.not.ok(ref.startsWith("/"), ref);
      assert.ok(existsSync(join(site, decodeURIComponent(ref))), `${file}: ${ref}`);
    }
  }
});

test("with --site-url, the feed and sitemap use absolute URLs under it, pages stay relative", () => {
  const published = buildInto(SAMPLE_CONTENT, ["--site-url", "https://example.org/archive/"]);
  assert.match(readFileSync(join(published, "sitemap.xml"), "utf8"), "<loc>https://example.org/archive/sitemap-2023.xml</loc>");
  assert.match(readFileSync(join(published, "sitemap-2023.xml"), "utf8"), "<loc>https://example.org/archive/2023-06/index.html</loc>");
  assert.match(readFileSync(join(published, "feed.xml"), "utf8"), 'href="https://example.org/archive/feed.xml"');
  assert.not.match(readFileSync(join(published, "index.html"), "utf8"), "example.org/archive/2023");
});

test.run();
