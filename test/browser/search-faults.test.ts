/**
 * Search faults in the browser, over http: a new build published under an open page
 * (the page goes on answering from the new build, never from parts of two), also while
 * an old service worker still serves its copy of the old build's meta part; a postings
 * or docs part missing, truncated, corrupt or answered with an HTML page, and a meta part
 * of another format version (the box says so within 2 s, and goes on answering the
 * queries that do not need the part); a truncated search worker (a message, not
 * 正在载入检索索引… for ever).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { browserGate, launchChromium, serveStatic } from "../helpers/browser.ts";
import { postingsPartOf } from "../helpers/index-parts.ts";
import { buildInto, tempDir, SAMPLE_CONTENT } from "../helpers/site.ts";
import { article } from "../helpers/archive.ts";
import { ANALYZER_VERSION } from "../../src/search/analysis/analyzer.ts";
import { INDEX_DIR, META_PART, docsPartName, partFile, unwrapPart } from "../../src/search/format/index-format.ts";
import { decodeMeta, validateMeta } from "../../src/search/format/meta.ts";
import { nodePartSource } from "../../src/search/build/node-part-source.ts";
import { SearchEngine } from "../../src/search/query/query-engine.ts";

const ARTICLE = "2023-06/page-unknown/huoyan-lan/index.html";
const STATUS = "#site-search-panel [data-search-status]";
const TITLES = "#site-search-panel .result-title";
/** What the reader must be told within this long of typing. */
const NOTICE_MS = 2000;

const gate = browserGate(test);
let browser: Browser;
let site: string;

test.before(async () => {
  if (!gate.available) return;
  site = buildInto(SAMPLE_CONTENT);
  browser = await launchChromium();
});

test.after(async () => {
  await browser?.close();
});

/** Types `q` into the header box and waits for the status line to settle on an answer or a message. */
async function typeQuery(page: Page, q: string): Promise<{ status: string; titles: string[]; ms: number }> {
  // Forget the last answer's state, so that only this query's answer or message ends the wait.
  await page.evaluate((selector) => {
    const el = document.querySelector<HTMLElement>(selector);
    if (el) {
      el.dataset.state = "";
      el.textContent = "";
    }
  }, STATUS);
  const started = Date.now();
  await page.fill("#site-q", q);
  const status = page.locator(STATUS);
  await page.waitForFunction(
    ([selector, query]) => {
      const el = document.querySelector<HTMLElement>(selector!);
      return Boolean(el && (el.dataset.state === "error" || el.textContent!.includes(query!)));
    },
    [STATUS, q] as const,
    { timeout: 15_000 },
  );
  return { status: (await status.textContent()) ?? "", titles: await page.locator(TITLES).allTextContents(), ms: Date.now() - started };
}

/** The titles of a query's results as the Node engine gives them over a built site. */
async function expectedTitles(dir: string, q: string): Promise<string[]> {
  const engine = await SearchEngine.open(nodePartSource(dir));
  const results = await engine.results(await engine.search(q), 0, 8);
  return results.map((r) => r.title);
}

const indexFile = (dir: string, part: string) => join(dir, INDEX_DIR, partFile(part));


let republished: string | undefined;
/** The sample with an edition before its own added: every article of the sample gets another number. */
function nextBuild(): string {
  if (republished) return republished;
  const content = join(tempDir("republish"), "content");
  cpSync(SAMPLE_CONTENT, content, { recursive: true });
  const edition = join(content, "2023-05-01");
  cpSync(join(content, "2023-06/page-unknown/page.json"), join(edition, "p1/page.json"));
  writeFileSync(join(edition, "edition.json"), JSON.stringify({ date: { value: "2023-05-01", status: "stated" } }));
  writeFileSync(join(edition, "p1/xiongmao-youju.md"), article("title: 熊猫邮局开张\norder: 1", "熊猫邮局今天开张，职工们排队寄出第一封信。"));
  return (republished = buildInto(content));
}

/** Words of both builds, and one (熊猫邮局) of the new build only. */
const REPUBLISHED_QUERIES = ["火焰蓝", "熊猫邮局", "职工", "消防"];

/** A copy of the first build, served, with a fresh browser context; both are closed however `run` ends. */
async function onLiveCopy(run: (live: string, server: Awaited<ReturnType<typeof serveStatic>>, context: BrowserContext) => Promise<void>): Promise<void> {
  const live = join(tempDir("live"), "site");
  cpSync(site, live, { recursive: true });
  const server = await serveStatic(live);
  const context = await browser.newContext();
  try {
    await run(live, server, context);
  } finally {
    await context.close();
    await server.close();
  }
}

gate.test("a new build published under an open page: words of both builds are found, from the new build", () => onLiveCopy(async (live, server, context) => {
  const next = nextBuild();
  const page = await context.newPage();
  await page.goto(server.url + ARTICLE);
  // The page opens the index of the first build (its meta part and the parts of 消防).
  assert.equal((await typeQuery(page, "消防")).titles, await expectedTitles(site, "消防"));

  rmSync(live, { recursive: true });
  cpSync(next, live, { recursive: true });
  for (const q of REPUBLISHED_QUERIES) {
    const { titles, status } = await typeQuery(page, q);
    assert.equal(titles, await expectedTitles(next, q), `${q}: ${status}`);
    assert.ok(titles.length > 0, q);
  }
}));

gate.test("an old service worker that keeps its cached meta after a new build: results of the new build, without a reload", () => onLiveCopy(async (live, server, context) => {
  const next = nextBuild();
  const page = await context.newPage();
  await page.goto(server.url + ARTICLE);
  const controlled = () =>
    page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
      return navigator.serviceWorker.controller!.scriptURL;
    });
  const worker = await controlled();
  assert.equal((await typeQuery(page, "消防")).titles, await expectedTitles(site, "消防"));
  const metaUrl = new URL(`${INDEX_DIR}/${partFile(META_PART)}`, server.url).href;
  const oldMeta = readFileSync(indexFile(site, META_PART), "utf8");
  const cachedMeta = () => page.evaluate(async (url) => (await caches.match(url))?.text(), metaUrl);
  assert.is(await cachedMeta(), oldMeta, "the old worker keeps the meta part of the first build");

  // The new build goes up with the old worker script, so the browser finds no new
  // worker to install: the old one stays in control with its copy of the old meta.
  rmSync(live, { recursive: true });
  cpSync(next, live, { recursive: true });
  cpSync(join(site, "sw.js"), join(live, "sw.js"));
  const pages = [page, await context.newPage()];
  await pages[1]!.goto(server.url + ARTICLE);
  for (const [i, p] of pages.entries()) {
    for (const q of REPUBLISHED_QUERIES) {
      const { titles, status } = await typeQuery(p, q);
      assert.equal(titles, await expectedTitles(next, q), `page ${i + 1}, ${q}: ${status}`);
      assert.ok(titles.length > 0, q);
    }
  }
  assert.is(await controlled(), worker);
  assert.is(await cachedMeta(), oldMeta, "the old worker was still serving its copy");
}));

/** A copy of the site served with one file changed, and a page open on it. */
async function withChanged(file: string, change: (text: string) => string | null, run: (page: Page) => Promise<void>): Promise<void> {
  const dir = join(tempDir("fault"), "site");
  cpSync(site, dir, { recursive: true });
  const path = join(dir, file);
  const text = readFileSync(path, "utf8");
  const changed = change(text);
  if (changed === null) rmSync(path);
  else writeFileSync(path, changed);
  const server = await serveStatic(dir);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(server.url + ARTICLE);
    await run(page);
  } finally {
    await context.close();
    await server.close();
  }
}

const FAULTS: Record<string, (text: string) => string | null> = {
  missing: () => null,
  truncated: (t) => t.slice(0, Math.floor(t.length / 2)),
  corrupt: (t) => `${t.slice(0, t.length >> 1)}\u0000\u00ff\u0000${t.slice((t.length >> 1) + 3)}`,
  "an HTML page": () => "<!doctype html><html lang=en><title>Page not found</title><p>Sorry.</p></html>\n",
};

/** `q` needs the broken part and gets the message in time; `other` does not, and gets its results. */
async function noticeThenWorks(page: Page, what: string, q: string, other: string, notice: RegExp): Promise<void> {
  // The worker started and the index opened, as for a reader who has searched before (the
  // first query also pays for starting the worker, which a loaded test machine makes slow).
  await typeQuery(page, WARM_UP);
  const failed = await typeQuery(page, q);
  assert.match(failed.status, notice, `${what}: ${failed.status}`);
  assert.equal(failed.titles, [], what);
  assert.ok(failed.ms < NOTICE_MS + 500, `${what}: the message came after ${failed.ms} ms`);
  const ok = await typeQuery(page, other);
  assert.equal(ok.titles, await expectedTitles(site, other), `${what}: ${other} still works (${ok.status})`);
  assert.ok(ok.titles.length > 0);
}

/** A query that opens the index and needs neither the postings nor the docs parts the tests break. */
const WARM_UP = "zzzz";
const PART_NOTICE = /检索出错：检索索引的一部分无法载入/u;

/** The postings parts a CJK word needs: those of its bigrams, and of its last character as a prefix. */
function partsOf(dir: string, word: string): Set<string> {
  const chars = [...word];
  const terms = chars.slice(1).map((c, i) => chars[i]! + c);
  const last = chars[chars.length - 1]!;
  return new Set([...terms, last, `${last}\uffff`].map((t) => postingsPartOf(dir, t).part));
}

gate.test("a postings part missing, truncated, corrupt or an HTML page: a message within 2 s; other queries still work", async () => {
  const part = postingsPartOf(site, "职工").part;
  const other = ["火焰蓝", "消防", "露营", "献血", "常州", "海南"].find((w) => !partsOf(site, w).has(part));
  assert.ok(other, "a query that needs none of 职工's parts");
  assert.is.not(postingsPartOf(site, WARM_UP).part, part);
  for (const [what, change] of Object.entries(FAULTS)) {
    await withChanged(join(INDEX_DIR, partFile(part)), change, (page) => noticeThenWorks(page, `postings ${what}`, "职工", other!, PART_NOTICE));
  }
});

gate.test("a docs part missing, truncated, corrupt or an HTML page: a message, never 'found 8, showing 0'", async () => {
  const engine = await SearchEngine.open(nodePartSource(site));
  const shown = new Set((await engine.search("火焰蓝")).hits.map((h) => h.doc));
  const doc = (await engine.search("职工")).hits.slice(0, 8).find((h) => !shown.has(h.doc))!.doc;
  for (const [what, change] of Object.entries(FAULTS)) {
    await withChanged(join(INDEX_DIR, partFile(docsPartName(doc))), change, (page) => noticeThenWorks(page, `docs ${what}`, "职工", "火焰蓝", PART_NOTICE));
  }
});

gate.test("a meta part of another format version: the box says the search is unavailable, within 2 s", async () => {
  await withChanged(join(INDEX_DIR, partFile(META_PART)), (t) => t.replace(/"version":\d+/u, '"version":99'), async (page) => {
    await page.focus("#site-q"); // starts the worker and opens the index, which fails
    await page.waitForTimeout(1000);
    const { status, ms } = await typeQuery(page, "职工");
    assert.match(status, /检索暂时不可用/u);
    assert.ok(ms < NOTICE_MS + 500, `after ${ms} ms`);
  });
});

gate.test("a truncated search worker: a message, not 正在载入检索索引… for ever", async () => {
  await withChanged("assets/search-worker.js", (t) => t.slice(0, Math.floor(t.length / 2)), async (page) => {
    await page.focus("#site-q"); // starts the worker, which fails before the first query
    await page.waitForTimeout(300);
    for (const q of ["职工", "火焰蓝"]) {
      const { status, ms } = await typeQuery(page, q);
      assert.match(status, /检索暂时不可用/u, q);
      assert.ok(ms < NOTICE_MS + 500, `${q}: after ${ms} ms`);
    }
  });
});

test.run();
