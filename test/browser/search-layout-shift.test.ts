/**
 * The search page does not shift when its results arrive: the cumulative layout
 * shift, from Chromium's 'layout-shift' entries (those not after input), stays
 * under 0.1 (Lighthouse's "good") on a phone and a desktop, from the first paint
 * until the results are in. Needs Chromium (skipped without it, required under
 * CI=true).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Browser } from "playwright-core";
import { browserGate, launchChromium, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildInto, SAMPLE_CONTENT } from "../helpers/site.ts";

const gate = browserGate(test);
let browser: Browser;
let server: StaticServer;

test.before(async () => {
  if (!gate.available) return;
  server = await serveStatic(buildInto(SAMPLE_CONTENT));
  browser = await launchChromium();
});
test.after(async () => {
  await browser?.close();
  await server?.close();
});

for (const [name, viewport] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1350, height: 940 }]] as const) {
  gate.test(`${name}: the search page shifts by less than 0.1 while its results arrive`, async () => {
    const context = await browser.newContext({ viewport, serviceWorkers: "block" });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { shifts: { value: number; sources: string[] }[] };
      w.shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources: { node?: Node | null }[] }[]) {
          if (!e.hadRecentInput) w.shifts.push({ value: e.value, sources: e.sources.map((s) => (s.node instanceof Element ? `${s.node.tagName.toLowerCase()}.${s.node.className}` : String(s.node?.nodeName))) });
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(new URL("search/?q=职工", server.url).href);
    await page.locator(".search-page .results li").first().waitFor();
    // Let the last frames after the results land (status line, pager) be laid out.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.waitForTimeout(500);
    const shifts = await page.evaluate(() => (window as unknown as { shifts: { value: number; sources: string[] }[] }).shifts);
    const cls = shifts.reduce((sum, s) => sum + s.value, 0);
    console.log(`  ${name}: CLS ${cls.toFixed(4)} (${shifts.length} shifts)`);
    assert.ok(cls < 0.1, `CLS ${cls.toFixed(3)}: ${JSON.stringify(shifts)}`);
    await context.close();
  });
}

test.run();
