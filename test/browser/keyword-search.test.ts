/**
 * The same answers in Chromium's search box as in the CLI: the seed set over the sample
 * archive and keyword queries (typed together, spaced, reversed, traditional) over 1,000
 * corpus articles, typed into the header box and compared, list for list, with
 * scripts/search.ts; a query no article holds whole shows its partial matches apart,
 * labelled, with what each lacks; the search page sorts by date and takes a date range
 * from its URL.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { browserGate, launchChromium, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildInto, tempDir, ROOT, SAMPLE_CONTENT } from "../helpers/site.ts";
import { INDEX_DIR, META_PART, RECENT_DIR, partFile, unwrapPart, type MetaFile } from "../../src/search/format/index-format.ts";
import { corpusFile } from "../helpers/corpus.ts";
import { readCorpus, writeCorpusArchive } from "../../src/content/corpus.ts";

const PANEL_LIMIT = 8;
const seed = JSON.parse(readFileSync(join(ROOT, "test/fixtures/queries/seed-dev.json"), "utf8")) as { queries: { q: string }[]; negative: string[] };
const keywords = JSON.parse(readFileSync(join(ROOT, "test/fixtures/queries/corpus-keyword-dev.json"), "utf8")) as { queries: { q: string }[] };

const gate = browserGate(test);
let browser: Browser;
const servers: StaticServer[] = [];

test.before(async () => {
  if (gate.available) browser = await launchChromium();
});
test.after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

/** The CLI's titles for each query (first `limit`). */
function cliTitles(site: string, queries: readonly string[], args: string[] = []): string[][] {
  const file = join(tempDir("queries"), "queries.txt");
  writeFileSync(file, queries.join("\n") + "\n");
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts/search.ts"), "--site", site, "--limit", String(PANEL_LIMIT), ...args, "--queries", file], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 });
  assert.is(r.status, 0, r.stderr);
  return r.stdout.trim().split("\n").map((l) => (JSON.parse(l) as { results: Array<{ title: string }> }).results.map((x) => x.title));
}

async function typeQuery(page: Page, q: string, selector = ".result-title"): Promise<string[]> {
  await page.fill("#site-q", q);
  await page.locator("#site-search-panel [data-search-status]").filter({ hasText: `“${q.trim()}”` }).waitFor();
  return page.locator(`#site-search-panel ${selector}`).allTextContents();
}

async function boxTitles(site: string, queries: readonly string[]): Promise<string[][]> {
  const server = await serveStatic(site);
  servers.push(server);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + "archive/index.html");
  const out: string[][] = [];
  for (const q of queries) out.push(await typeQuery(page, q));
  await context.close();
  return out;
}

gate.test("the seed set: the search box lists what the CLI lists", async () => {
  const site = buildInto(SAMPLE_CONTENT);
  const queries = [...seed.queries.map((x) => x.q), ...seed.negative];
  assert.equal(await boxTitles(site, queries), cliTitles(site, queries));
});

const news = corpusFile("news.jsonl");
if (!news) {
  test.skip("keyword queries in the search box (corpus/news.jsonl not found)", () => {});
} else {
  gate.test("keyword queries over 1,000 corpus articles: the search box lists what the CLI lists; partial matches apart, labelled; the search page by date", async () => {
    const content = join(tempDir("corpus"), "content");
    writeCorpusArchive(readCorpus(news, 1000), content);
    // In shards of 300 articles, so the index is a base and a recent segment (src/build/index-plan.ts) the page joins.
    const site = buildInto(content, ["--shard-articles", "300"]);
    const meta = unwrapPart(META_PART, readFileSync(join(site, INDEX_DIR, partFile(META_PART)), "utf8")) as MetaFile;
    assert.equal(meta.segments.map((s) => s.dir), [RECENT_DIR, ""], "a segmented index");
    const queries = keywords.queries.map((x) => x.q);
    const box = await boxTitles(site, queries);
    assert.equal(box, cliTitles(site, queries));
    assert.ok(box.filter((l) => l.length > 0).length > 20, "the comparison means something only if many queries find articles");

    const server = servers.at(-1)!;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url + "archive/index.html");
    // A word of many articles typed together with one found nowhere.
    const partialQuery = "新闻联播䶮䶵";
    assert.equal(await typeQuery(page, partialQuery), []);
    const partial = await page.locator("#site-search-panel [data-partial-results] .partial-title").allTextContents();
    assert.equal(partial, cliTitles(site, [partialQuery], ["--partial"])[0]);
    assert.ok(partial.length > 0);
    assert.match((await page.locator("#site-search-panel .partial-heading").textContent()) ?? "", /部分相符/);
    assert.match((await page.locator("#site-search-panel .result-lacks").first().textContent()) ?? "", /缺少/);
    // A full match afterwards: the partial section is gone.
    assert.ok((await typeQuery(page, "新闻联播")).length > 0);
    assert.is(await page.locator("#site-search-panel [data-partial-results]").count(), 0);

    await page.goto(`${server.url}search/index.html?q=${encodeURIComponent("新闻联播")}&sort=oldest&from=2024-03&to=2024`);
    await page.locator("[data-search-page] [data-search-status]").filter({ hasText: "找到" }).waitFor();
    const titles = await page.locator("[data-search-page] .result-title").allTextContents();
    assert.equal(titles, cliTitles(site, ["新闻联播"], ["--limit", "50", "--sort", "oldest", "--from", "2024-03", "--to", "2024"])[0]);
    assert.equal(await page.locator("select[name=sort]").inputValue(), "oldest");
    assert.equal(await page.locator("input[name=from]").inputValue(), "2024-03");
    await context.close();
  });
}

test.run();
