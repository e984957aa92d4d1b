/**
 * 404.html as a web server serves it: in place of a missing address at any depth,
 * at a domain root and under a sub-path, and with --site-url; its stylesheet
 * applies, its CSP lets its one inline script run, and 回到首页 leads to the home
 * page. Needs Chromium (skipped without it, required under CI=true).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { browserGate, launchChromium, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildInto, SAMPLE_CONTENT } from "../helpers/site.ts";

const gate = browserGate(test);
let browser: Browser;
const servers: StaticServer[] = [];
let site = "";
let published = "";

test.before(async () => {
  if (!gate.available) return;
  site = buildInto(SAMPLE_CONTENT);
  published = buildInto(SAMPLE_CONTENT, ["--site-url", "https://example.org/banmian/"]);
  browser = await launchChromium();
});

test.after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

/** Opens `missing` (a path under the server's prefix) as a server configured with 404.html would answer it. */
async function openMissing(dir: string, prefix: string, missing: string) {
  const server = await serveStatic(dir, { prefix, notFoundPage: "404.html" });
  servers.push(server);
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && !/404/u.test(m.text()) && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  const url = new URL(missing, server.url).href;
  const response = await page.goto(url);
  assert.is(response?.status(), 404);
  await page.waitForFunction(() => [...document.styleSheets].some((s) => { try { return s.cssRules.length > 0; } catch { return false; } }));
  const home = await page.locator("main a", { hasText: "回到首页" }).evaluate((a) => (a as HTMLAnchorElement).href);
  await page.waitForFunction(() => document.querySelector('script[src$="assets/site.js"]') !== null);
  const script = await page.evaluate(() => (document.querySelector('script[src$="assets/site.js"]') as HTMLScriptElement).src);
  await page.locator("main a", { hasText: "回到首页" }).click();
  await page.waitForURL(`${server.url}index.html`);
  const brand = await page.locator(".brand").textContent();
  await context.close();
  return { server, home, script, brand, problems };
}

for (const [prefix, missing] of [["/", "missing.html"], ["/", "a/b/c/missing/"], ["/banmian/", "nope"], ["/banmian/", "2023-06/page-unknown/gone/deeper/index.html"]] as const) {
  gate.test(`404 at ${prefix}${missing}: styled, and 回到首页 leads home`, async () => {
    const r = await openMissing(site, prefix, missing);
    assert.is(r.home, `${r.server.url}index.html`);
    assert.is(r.script, `${r.server.url}assets/site.js`);
    assert.ok(r.brand, "the home page opened");
    assert.equal(r.problems, []);
  });
}

gate.test("built with --site-url, 404.html knows its root without asking the server", async () => {
  const r = await openMissing(published, "/banmian/", "x/y/z");
  assert.is(r.home, `${r.server.url}index.html`);
  assert.match(readFileSync(join(published, "404.html"), "utf8"), 'data-site-root="/banmian/"');
});

test.run();
