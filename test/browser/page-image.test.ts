/**
 * The page view with its printed page's image, in Chromium: each region lies over
 * its article's place on the image at phone and desktop widths, the image fits a
 * phone's screen, the regions are reached with Tab and outlined on focus, and
 * Enter on one opens its article. Needs Chromium (skipped without it, required
 * under CI=true).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { browserGate, launchChromium, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildInto, tempDir } from "../helpers/site.ts";
import { writeSampleWithPageImage } from "../../tools/sample-with-page-image.ts";

const gate = browserGate(test);
const PAGE = "2023-06/page-unknown/";
let browser: Browser;
let server: StaticServer;
let regions: { article: string; rect: [number, number, number, number] }[] = [];
let size = { width: 0, height: 0 };

test.before(async () => {
  if (!gate.available) return;
  const content = writeSampleWithPageImage(join(tempDir("content"), "content"));
  const data = JSON.parse(readFileSync(join(content, PAGE, "page.json"), "utf8")) as { regions: typeof regions };
  regions = data.regions;
  const png = readFileSync(join(content, PAGE, "page.png"));
  size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  server = await serveStatic(buildInto(content));
  browser = await launchChromium();
});

test.after(async () => {
  await browser?.close();
  await server?.close();
});

for (const [name, viewport] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1280, height: 900 }]] as const) {
  gate.test(`${name}: each region covers its article's place on the image, which fits the screen`, async () => {
    const context = await browser.newContext({ viewport, serviceWorkers: "block" });
    const page = await context.newPage();
    await page.goto(new URL(PAGE, server.url).href);
    await page.locator(".page-image img").evaluate((img: HTMLImageElement) => img.decode());
    const img = (await page.locator(".page-image img").boundingBox())!;
    assert.ok(img.width <= viewport.width, `image ${img.width} px wide in a ${viewport.width} px window`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no sideways scrolling");
    const scale = img.width / size.width;
    for (const [i, r] of regions.entries()) {
      // The polygon's own geometry on screen (its bounding client rect would include the stroke).
      const box = await page.locator(".page-regions polygon").nth(i).evaluate((p: SVGPolygonElement) => {
        const b = p.getBBox();
        const m = p.getScreenCTM()!;
        return { x: m.a * b.x + m.e, y: m.d * b.y + m.f, width: m.a * b.width, height: m.d * b.height };
      });
      const [x, y, w, h] = r.rect;
      const near = (a: number, b: number) => Math.abs(a - b) <= 1.5;
      assert.ok(near(box.x, img.x + x * scale) && near(box.y, img.y + y * scale) && near(box.width, w * scale) && near(box.height, h * scale), `region of ${r.article}: ${JSON.stringify(box)} vs ${JSON.stringify([img.x + x * scale, img.y + y * scale, w * scale, h * scale])}`);
      const href = await page.locator(".page-regions a").nth(i).getAttribute("href");
      assert.ok(href?.includes(`/${r.article}/`), `region ${i} links ${r.article}: ${href}`);
    }
    await context.close();
  });
}

gate.test("Tab reaches the regions, focus outlines one, and Enter opens its article", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(new URL(PAGE, server.url).href);
  const first = page.locator(".page-regions a").first();
  const stroke = () => first.locator("polygon").evaluate((p) => getComputedStyle(p).stroke);
  const unfocused = await stroke();
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await first.evaluate((a) => a === document.activeElement);
  }
  assert.ok(reached, "the first region is reached with Tab");
  const focused = await stroke();
  assert.is.not(focused, unfocused, `outlined on focus (${unfocused} → ${focused})`);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname.includes(`/${regions[0]!.article}/`));
  assert.ok((await page.locator("h1").textContent())?.trim());
  await context.close();
});

test.run();
