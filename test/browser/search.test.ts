/**
 * Search in the browser: the judged queries typed into the header box of a page,
 * over http at the root, under a sub-path, and from file://; the search page's URL
 * state and back button; highlighting on the article; loading, empty and error
 * states; article text shown as text; axe on the search page with results.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, rmSync, cpSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { browserGate, launchChromium, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildInto, tempDir, ROOT, SAMPLE_CONTENT } from "../helpers/site.ts";
import { writeArchive, article, EDITION, PAGE } from "../helpers/archive.ts";

interface Judged {
  queries: { q: string; relevant: string[] }[];
  negative: string[];
}
const judged = JSON.parse(readFileSync(join(ROOT, "test/fixtures/queries/seed-dev.json"), "utf8")) as Judged;
const ARTICLE = "2023-06/page-unknown/huoyan-lan/index.html";

const gate = browserGate(test);
let browser: Browser;
let site: string;
let root: StaticServer;
let sub: StaticServer;

test.before(async () => {
  if (!gate.available) return;
  site = buildInto(SAMPLE_CONTENT);
  root = await serveStatic(site);
  sub = await serveStatic(site, { prefix: "/archive/" });
  browser = await launchChromium();
});

test.after(async () => {
  await browser?.close();
  await root?.close();
  await sub?.close();
});

/** A page that records console errors (CSP refusals among them) and failed script loads. */
async function open(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(url);
  return { page, errors };
}

async function typeQuery(page: Page, q: string): Promise<string[]> {
  await page.fill("#site-q", q);
  const status = page.locator("#site-search-panel [data-search-status]");
  await status.filter({ hasText: q.trim() }).waitFor();
  return page.locator("#site-search-panel .result-title").allTextContents();
}

async function judgedQueries(base: string): Promise<void> {
  const context = await browser.newContext();
  const { page, errors } = await open(context, base + ARTICLE);
  for (const { q, relevant } of judged.queries) {
    const titles = await typeQuery(page, q);
    for (const title of relevant) assert.ok(titles.slice(0, 10).includes(title), `${q}: expected ${title} in ${JSON.stringify(titles)}`);
  }
  for (const q of judged.negative) {
    assert.equal(await typeQuery(page, q), [], q);
    assert.match(await page.locator("#site-search-panel [data-search-status]").textContent() ?? "", `没有找到与“${q}”相符的文章`);
  }
  assert.equal(errors.filter((e) => !/favicon/u.test(e)), []);
  await context.close();
}

gate.test("typing each judged query into the header box shows its articles (http, site root)", async () => {
  await judgedQueries(root.url);
});

gate.test("the same under a sub-path", async () => {
  await judgedQueries(sub.url);
});

gate.test("the same opened from disk (file://)", async () => {
  await judgedQueries(pathToFileURL(site).href + "/");
});

gate.test("the index loads on first use of the box, not on page view", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const loaded: string[] = [];
  page.on("request", (r) => loaded.push(new URL(r.url()).pathname));
  await page.goto(root.url + ARTICLE);
  await page.waitForLoadState("networkidle");
  assert.not.ok(loaded.some((p) => p.includes("/search/index/") || p.includes("search-worker")), loaded.join("\n"));
  await typeQuery(page, "消防");
  assert.ok(loaded.some((p) => p.includes("/search/index/meta")), "meta part loaded");
  assert.not.ok(loaded.some((p) => p.endsWith("documents.json")), "never the full documents");
  // The traditional→simplified table comes only with the first text that needs it.
  const simplified = await typeQuery(page, "医院");
  assert.ok(simplified.length > 0);
  assert.not.ok(loaded.some((p) => p.endsWith("/search-t2s.js")), "no table for a simplified query");
  assert.equal(await typeQuery(page, "醫院"), simplified);
  assert.ok(loaded.some((p) => p.endsWith("/assets/search-t2s.js")), "the table loaded for a traditional query");
  await context.close();
});

gate.test("clicking a result opens the article with the match highlighted and scrolled into view", async () => {
  for (const base of [root.url, pathToFileURL(site).href + "/"]) {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    const { page } = await open(context, base + "index.html");
    await typeQuery(page, "黄色预警");
    await page.locator("#site-search-panel .result-title").first().click();
    await page.waitForSelector("article mark");
    const marks = await page.locator("article mark").allTextContents();
    // Each word of the query is marked: 黄色预警 whole, and 预警 alone where it stands apart (红色预警).
    assert.ok(marks.includes("黄色预警") && marks.every((m) => ["黄色预警", "黄色", "预警"].includes(m)), JSON.stringify(marks));
    assert.ok(await page.locator("article mark").first().isVisible());
    const inView = await page.locator("article mark").first().evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    assert.ok(inView, "first match scrolled into view");
    await context.close();
  }
});

gate.test("a traditional-character query highlights the simplified text", async () => {
  const context = await browser.newContext();
  const { page } = await open(context, `${root.url}2023-06/page-unknown/guangzhou-shihua-zhigong-jiankang/index.html?q=${encodeURIComponent("醫院")}`);
  await page.waitForSelector("article mark");
  assert.equal(await page.locator("article mark").allTextContents(), ["医院"]);
  await context.close();
});

gate.test("the search page keeps query and filters in the URL, and the back button restores them", async () => {
  const context = await browser.newContext();
  const { page } = await open(context, `${root.url}search/index.html?q=${encodeURIComponent("职工")}`);
  const status = page.locator("[data-search-page] [data-search-status]");
  await status.filter({ hasText: "职工" }).waitFor();
  const first = await page.locator("[data-search-page] .result-title").allTextContents();
  assert.ok(first.length >= 3, "职工 is in most articles");
  await page.fill("#site-q", "露营");
  await page.press("#site-q", "Enter");
  await status.filter({ hasText: "露营" }).waitFor();
  assert.match(page.url(), `q=${encodeURIComponent("露营")}`);
  await page.selectOption("[data-search-filters] select[name=column]", "新闻特写");
  await page.waitForURL(/column=/u);
  await page.goBack();
  await page.waitForURL((u) => !u.search.includes("column="));
  await page.goBack();
  await status.filter({ hasText: "职工" }).waitFor();
  assert.is(await page.inputValue("#site-q"), "职工");
  assert.equal(await page.locator("[data-search-page] .result-title").allTextContents(), first);
  await context.close();
});

gate.test("filters browse the archive without a query, with counts", async () => {
  const context = await browser.newContext();
  const { page } = await open(context, `${root.url}search/index.html?person=${encodeURIComponent("李丰")}`);
  await page.locator("[data-search-page] .result-title").first().waitFor();
  assert.equal(await page.locator("[data-search-page] .result-title").allTextContents(), ["阵地向前移 服务更暖心"]);
  const option = await page.locator("select[name=column] option[value='新闻特写']").textContent();
  assert.match(option ?? "", /\(0\)$/u);
  await context.close();
});

gate.test("a slow index shows the loading state; a missing one, a message instead of a dead box", async () => {
  const context = await browser.newContext();
  await context.route("**/search/index/meta.js", async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  const { page } = await open(context, root.url + ARTICLE);
  await page.fill("#site-q", "消防");
  await page.locator("#site-search-panel [data-search-status]").filter({ hasText: "正在载入" }).waitFor();
  await page.locator("#site-search-panel .result-title").first().waitFor();
  await context.close();

  const broken = join(tempDir("broken"), "site");
  cpSync(site, broken, { recursive: true });
  rmSync(join(broken, "search/index"), { recursive: true });
  const server = await serveStatic(broken);
  for (const base of [server.url, pathToFileURL(broken).href + "/"]) {
    const c = await browser.newContext();
    const { page: p } = await open(c, base + ARTICLE);
    await p.fill("#site-q", "消防");
    await p.locator("#site-search-panel [data-search-status]").filter({ hasText: "检索暂时不可用" }).waitFor();
    await p.fill("#site-q", "消防员");
    await p.locator("#site-search-panel [data-search-status]").filter({ hasText: "检索暂时不可用" }).waitFor();
    await c.close();
  }
  await server.close();
});

gate.test("article text is shown as text in results, never run", async () => {
  const evil = "<img src=x onerror=alert(1)>";
  const content = writeArchive({
    "2024-03-01/edition.json": EDITION,
    "2024-03-01/p1/page.json": PAGE,
    "2024-03-01/p1/evil.md": article(`title: ${JSON.stringify(`标题${evil}`)}\norder: 1`, `正文里写着${evil}和检索词。`),
  });
  const evilSite = buildInto(content);
  for (const base of [pathToFileURL(evilSite).href + "/"]) {
    const context = await browser.newContext();
    const { page, errors } = await open(context, base + "index.html");
    await typeQuery(page, "检索词");
    assert.is(await page.locator("#site-search-panel img").count(), 0);
    assert.equal(await page.locator("#site-search-panel .result-title").allTextContents(), [`标题${evil}`]);
    assert.match(await page.locator("#site-search-panel .result-snippet").textContent() ?? "", evil);
    assert.equal(errors.filter((e) => e.startsWith("dialog")), []);
    await context.close();
  }
});

gate.test("the search page with results has no axe violations", async () => {
  const context = await browser.newContext();
  await context.addInitScript({ path: join(ROOT, "node_modules/axe-core/axe.min.js") });
  const { page } = await open(context, `${root.url}search/index.html?q=${encodeURIComponent("职工")}`);
  await page.locator("[data-search-page] .result-title").first().waitFor();
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    return (await axe.run()).violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  assert.equal(violations, []);
  // The header panel on another page, open with results.
  const { page: other } = await open(context, root.url + ARTICLE);
  await typeQuery(other, "职工");
  const panelViolations = await other.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }).axe;
    return (await axe.run()).violations.map((v) => v.id);
  });
  assert.equal(panelViolations, []);
  await context.close();
});

gate.test("the `/` key focuses the search box", async () => {
  const context = await browser.newContext();
  const { page } = await open(context, root.url + ARTICLE);
  await page.keyboard.press("/");
  assert.is(await page.evaluate(() => document.activeElement?.id), "site-q");
  await context.close();
});

test.run();
