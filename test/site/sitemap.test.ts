/**
 * Sitemaps and feed at archive scale: sitemap.xml is a sitemap index of files of
 * bounded size, grouped by year so that a new edition changes only the last file
 * of its year and the index, every page is listed exactly once, and the feed holds
 * only the latest articles. The limit is made small to cut a small archive into
 * many files; the protocol's own limits are checked on an archive above them.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "node-html-parser";
import { article, writeArchive, PAGE } from "../helpers/archive.ts";
import { buildInto } from "../helpers/site.ts";
import { loadArchive } from "../../src/content/load-archive.ts";
import { sitemapFiles, SITEMAP_URL_LIMIT } from "../../src/site/sitemap-files.ts";
import type { Archive } from "../../src/content/model.ts";

const LIMIT = 10;
const editionFiles = (date: string, n: number) => ({
  [`${date}/edition.json`]: { date: { value: date, status: "stated" } },
  [`${date}/01/page.json`]: PAGE,
  ...Object.fromEntries(Array.from({ length: n }, (_, i) => [`${date}/01/a${i + 1}.md`, article(`title: ${date}第${i + 1}篇\norder: ${i + 1}`)])),
});
const files = { ...editionFiles("2023-12-30", 15), ...editionFiles("2023-12-31", 15), ...editionFiles("2024-01-01", 15), ...editionFiles("2024-01-02", 15) };
const content = writeArchive(files);
const grown = writeArchive({ ...files, ...editionFiles("2024-01-03", 8) });

function build(dir: string): string {
  process.env.BANMIAN_SITEMAP_LIMIT = String(LIMIT);
  try {
    return buildInto(dir);
  } finally {
    delete process.env.BANMIAN_SITEMAP_LIMIT;
  }
}
const site = build(content);
const sitemaps = (dir: string) => readdirSync(dir).filter((f) => /^sitemap.*\.xml$/u.test(f)).sort();
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => decodeURIComponent(m[1]!));

test("sitemap.xml is an index of sitemap files, each within the limit, listing every page once", () => {
  const index = readFileSync(join(site, "sitemap.xml"), "utf8");
  assert.match(index, '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
  const listed = locs(index);
  assert.equal([...listed].sort(), sitemaps(site).filter((f) => f !== "sitemap.xml"));
  assert.ok(listed.length > 4, `${listed.length} files`);
  const urls: string[] = [];
  for (const file of listed) {
    const xml = readFileSync(join(site, file), "utf8");
    assert.match(xml, '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const here = locs(xml);
    assert.ok(here.length >= 1 && here.length <= LIMIT, `${file}: ${here.length} URLs`);
    urls.push(...here);
  }
  const archive = loadArchive(content);
  const expected = [...archive.editions, ...archive.pages, ...archive.articles, ...archive.columns, ...archive.people].map((x) => `${x.url}index.html`);
  expected.push("index.html", "archive/index.html", "columns/index.html", "people/index.html");
  assert.equal([...urls].sort(), expected.sort(), "every page exactly once");
  assert.ok(listed.includes("sitemap-2023-2.xml") && listed.includes("sitemap-2024-4.xml"), listed.join(" "));
  assert.ok(locs(readFileSync(join(site, "sitemap-2024.xml"), "utf8"))[0] === "2024-01-01/index.html", "a year's files start from its oldest edition");
});

test("a new edition changes only the last sitemap file of its year and the index", () => {
  const after = build(grown);
  const changed = sitemaps(after).filter((f) => {
    try {
      return readFileSync(join(site, f), "utf8") !== readFileSync(join(after, f), "utf8");
    } catch {
      return true;
    }
  });
  assert.equal(changed, ["sitemap-2024-4.xml", "sitemap-2024-5.xml", "sitemap.xml"]);
  assert.equal(locs(readFileSync(join(after, "sitemap-2024-5.xml"), "utf8")).length, 2 * 17 + 10 - 4 * LIMIT);
});

test("the feed holds only the latest articles", () => {
  const entries = parse(readFileSync(join(site, "feed.xml"), "utf8")).querySelectorAll("entry > title").map((t) => t.text);
  const articles = loadArchive(content).articles;
  assert.ok(articles.length > 50);
  assert.equal(entries, articles.slice(0, 50).map((a) => a.title));
});

test("at the protocol's limit, an archive of 130,000 pages is cut into files of at most 50,000 URLs and 50 MB", () => {
  const editions: { id: string; url: string; sortKey: string }[] = [];
  const pages: { editionId: string; url: string; articles: { url: string }[] }[] = [];
  const start = Date.parse("2020-01-01T00:00:00Z");
  for (let d = 0; d < 1000; d++) {
    const id = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    editions.unshift({ id, url: `${id}/`, sortKey: id });
    pages.push({ editionId: id, url: `${id}/01/`, articles: Array.from({ length: 128 }, (_, i) => ({ url: `${id}/01/a-rather-long-article-slug-${i}/` })) });
  }
  const archive = { editions, pages, articles: [], columns: [], people: [] } as unknown as Archive;
  const out = sitemapFiles(archive, SITEMAP_URL_LIMIT);
  assert.ok(out.length < 50_000);
  const years = out.filter((f) => f.file.startsWith("sitemap-2020"));
  assert.equal(years.map((f) => f.file), ["sitemap-2020.xml"], "366 editions of 130 URLs fit one file");
  assert.ok(out.some((f) => f.file === "sitemap-2021.xml") && out.length === 4, out.map((f) => f.file).join(" "));
  const big = sitemapFiles(archive, 20_000);
  for (const f of [...out, ...big]) {
    assert.ok(f.paths.length <= SITEMAP_URL_LIMIT);
    const bytes = f.paths.reduce((sum, p) => sum + `  <url><loc>https://example.org/a-long-sub-path/archive/${p}</loc></url>\n`.length, 200);
    assert.ok(bytes < 50 * 1024 * 1024, `${f.file}: ${bytes} bytes`);
  }
  assert.equal(big.filter((f) => f.file.startsWith("sitemap-2020")).map((f) => [f.file, f.paths.length]), [["sitemap-2020.xml", 20_000], ["sitemap-2020-2.xml", 20_000], ["sitemap-2020-3.xml", 366 * 130 - 40_000]]);
});

test.run();
