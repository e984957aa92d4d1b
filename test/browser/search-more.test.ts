/**
 * The search page reaches every result: on an archive of 130 articles that all
 * contain the query, it shows 50, and 再显示 adds 50 at a time until all are
 * shown, moving focus to the first result not seen before; the person filter
 * is in pinyin order. Needs Chromium
 * (skipped without it, required under CI=true).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Browser } from "playwright-core";
import { browserGate, launchChromium, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildInto } from "../helpers/site.ts";
import { writeArchive, article, EDITION, PAGE } from "../helpers/archive.ts";

const COUNT = 130;
const gate = browserGate(test);
let browser: Browser;
let server: StaticServer;

test.before(async () => {
  if (!gate.available) return;
  const files: Record<string, string | object> = { "2024-03-01/edition.json": EDITION, "2024-03-01/01/page.json": PAGE };
  // Three bylines whose pinyin order (安, 李, 张) differs from code-point order (安, 张, 李).
  const bylines = ["本报记者 张三", "本报记者 安娜", "本报记者 李四"];
  for (let i = 1; i <= COUNT; i++) {
    const byline = i <= bylines.length ? `\nbyline: ${bylines[i - 1]}` : "";
    files[`2024-03-01/01/a${i}.md`] = article(`title: 第${i}篇职工新闻\norder: ${i}${byline}`, `职工服务站第${i}次开放。`);
  }
  server = await serveStatic(buildInto(writeArchive(files)), { prefix: "/archive/" });
  browser = await launchChromium();
});

test.after(async () => {
  await browser?.close();
  await server?.close();
});

gate.test("再显示 reaches every result, 50 at a time, and focus moves to the first new one", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}search/index.html?q=${encodeURIComponent("职工")}`);
  const results = page.locator("[data-search-page] .result-title");
  const more = page.locator("[data-search-next]");
  await page.locator("[data-search-page] [data-search-status]").filter({ hasText: `找到 ${COUNT} 篇` }).waitFor();
  assert.is(await results.count(), 50);
  assert.match((await more.textContent()) ?? "", "共 130 篇");
  await more.click();
  await page.waitForFunction(() => document.querySelectorAll("[data-search-page] .result").length === 100);
  const focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
  assert.is(focused, (await results.nth(50).textContent()) ?? "", "focus is on the 51st result");
  await more.click();
  await page.waitForFunction((n) => document.querySelectorAll("[data-search-page] .result").length === n, COUNT);
  assert.ok(await more.isHidden(), "no button once every result is shown");
  assert.is(new Set(await results.allTextContents()).size, COUNT);
  // The person filter lists people in pinyin order, as the site's own listing does.
  const people = await page.locator("select[name=person] option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  assert.equal(people, ["安娜", "李四", "张三"]);
  // A new query starts again at 50.
  await page.fill("#site-q", "服务站");
  await page.locator("[data-search-page] [data-search-status]").filter({ hasText: "服务站" }).waitFor();
  assert.is(await results.count(), 50);
  await context.close();
});

gate.test("Back from an article restores the search page's results, as many as were shown, and its scroll position", async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 700 } });
  const page = await context.newPage();
  await page.goto(`${server.url}search/index.html?q=${encodeURIComponent("职工")}`);
  const results = page.locator("[data-search-page] .result-title");
  await page.locator("[data-search-page] [data-search-status]").filter({ hasText: `找到 ${COUNT} 篇` }).waitFor();
  await page.locator("[data-search-next]").click();
  await page.waitForFunction(() => document.querySelectorAll("[data-search-page] .result").length === 100);
  const target = results.nth(79);
  await target.scrollIntoViewIfNeeded();
  const title = (await target.textContent()) ?? "";
  const top = await target.evaluate((el) => el.getBoundingClientRect().top);
  await target.click();
  await page.waitForURL(/\/a\d+\//u);
  await page.goBack();
  await page.waitForFunction(() => document.querySelectorAll("[data-search-page] .result").length === 100, undefined, { timeout: 10_000 });
  // The result the reader opened is where it was on the screen.
  await page.waitForFunction(
    ([t, y]) => {
      const el = [...document.querySelectorAll("[data-search-page] .result-title")].find((e) => e.textContent === t);
      return el !== undefined && Math.abs(el.getBoundingClientRect().top - (y as number)) < 4;
    },
    [title, top] as const,
    { timeout: 5000 },
  );
  await context.close();
});

test.run();
