/**
 * The header search box is an ARIA combobox (list autocomplete): role, expanded
 * state and the active result as aria-activedescendant; ↓/↑ move through every
 * result in the panel, Enter opens the active one, Esc closes the list. Needs
 * Chromium (skipped without it, required under CI=true). axe finds nothing in
 * the open list, light and dark.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Browser } from "playwright-core";
import { join } from "node:path";
import type { AxeResults } from "axe-core";
import { browserGate, launchChromium, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildInto, ROOT, SAMPLE_CONTENT } from "../helpers/site.ts";

const gate = browserGate(test);
let browser: Browser;
let server: StaticServer;

test.before(async () => {
  if (!gate.available) return;
  server = await serveStatic(buildInto(SAMPLE_CONTENT), { prefix: "/banmian/" });
  browser = await launchChromium();
});

test.after(async () => {
  await browser?.close();
  await server?.close();
});

gate.test("↓/↑ walk every result, Enter opens the active one, Esc closes", async () => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(`${server.url}index.html`);
  const box = page.locator("#site-q");
  assert.is(await box.getAttribute("role"), "combobox");
  assert.is(await box.getAttribute("aria-expanded"), "false");
  await box.fill("职工");
  await page.locator("#site-search-panel [data-search-status]").filter({ hasText: "职工" }).waitFor();
  assert.is(await box.getAttribute("aria-expanded"), "true");
  const listId = (await box.getAttribute("aria-controls"))!;
  assert.is(await page.locator(`#${listId}`).getAttribute("role"), "listbox");
  const options = page.locator(`#${listId} [role="option"]`);
  const count = await options.count();
  assert.ok(count >= 3, `${count} results`);
  const activeTitle = async () => {
    const id = await box.getAttribute("aria-activedescendant");
    return id ? page.locator(`#${id} .result-title`).textContent() : null;
  };
  const titles = await page.locator(`#${listId} .result-title`).allTextContents();
  for (let i = 0; i < count; i++) {
    await box.press("ArrowDown");
    assert.is(await activeTitle(), titles[i], `↓ ${i + 1}`);
  }
  await box.press("ArrowDown");
  assert.is(await activeTitle(), titles[count - 1], "stays on the last");
  await box.press("ArrowUp");
  assert.is(await activeTitle(), titles[count - 2]);
  assert.ok(await page.evaluate(() => document.activeElement?.id === "site-q"), "focus stays in the box");
  assert.is(await page.locator(`#${listId} [aria-selected="true"]`).count(), 1);
  await box.press("Escape");
  assert.ok(await page.locator("#site-search-panel").isHidden());
  assert.is(await box.getAttribute("aria-expanded"), "false");
  assert.is(await box.getAttribute("aria-activedescendant"), null);
  await box.fill("露营");
  await page.locator("#site-search-panel [data-search-status]").filter({ hasText: "露营" }).waitFor();
  const first = await page.locator(`#${listId} .result-title`).first().textContent();
  await box.press("ArrowDown");
  await box.press("Enter");
  await page.waitForURL(/index\.html\?q=/u);
  assert.is(await page.locator("h1").textContent(), first);
  await context.close();
});

gate.test("axe: the open list with an active result, light and dark", async () => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  await context.addInitScript({ path: join(ROOT, "node_modules/axe-core/axe.min.js") });
  const page = await context.newPage();
  await page.goto(`${server.url}index.html`);
  await page.fill("#site-q", "职工");
  await page.locator("#site-search-panel [data-search-status]").filter({ hasText: "职工" }).waitFor();
  await page.press("#site-q", "ArrowDown");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const { violations } = await page.evaluate(() => (globalThis as unknown as { axe: { run(d: Document, o: object): Promise<AxeResults> } }).axe.run(document, { resultTypes: ["violations"] }));
    assert.equal(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 80)).join(" | ")}`), [], scheme);
  }
  await context.close();
});

gate.test("Back from an article opened from the panel shows the panel again, with the result opened active", async () => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(`${server.url}index.html`);
  const box = page.locator("#site-q");
  await box.fill("职工");
  await page.locator("#site-search-panel [data-search-status]").filter({ hasText: "职工" }).waitFor();
  const titles = await page.locator("#site-search-panel .result-title").allTextContents();
  assert.ok(titles.length >= 2);
  await box.press("ArrowDown");
  await box.press("ArrowDown");
  await box.press("Enter");
  await page.waitForURL(/q=/u);
  assert.is(await page.locator("h1").textContent(), titles[1]);
  await page.goBack();
  await page.locator("#site-search-panel .result-title").first().waitFor({ timeout: 10_000 });
  assert.is(await box.inputValue(), "职工");
  assert.is(await box.getAttribute("aria-expanded"), "true");
  assert.equal(await page.locator("#site-search-panel .result-title").allTextContents(), titles);
  const id = await box.getAttribute("aria-activedescendant");
  assert.is(id && (await page.locator(`#${id} .result-title`).textContent()), titles[1], "the result opened is the active one");
  await context.close();
});

test.run();
