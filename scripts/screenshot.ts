/**
 * Screenshot: photographs the page view with its printed page's image, on a phone
 * and a desktop, light and dark, in Debian's Chromium, from a build of the sample
 * with a schematic page image (tools/sample-with-page-image.ts). With --readme it
 * also writes docs/page-view.png, the README's picture of a page view.
 *
 *   npm run screenshot -- [--out DIR] [--readme]
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { buildSite, PROJECT_ROOT } from "../src/site/build-site.ts";
import { writeSampleWithPageImage } from "../tools/sample-with-page-image.ts";
import { launchChromium } from "../tools/chromium.ts";
import { serveStatic } from "../tools/static-server.ts";

const { values } = parseArgs({ options: { out: { type: "string", default: join(tmpdir(), "banmian-screenshots") }, readme: { type: "boolean", default: false } } });

const VIEWS = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 },
} as const;

const work = mkdtempSync(join(tmpdir(), "banmian-screenshot-"));
const content = writeSampleWithPageImage(join(work, "content"));
const site = join(work, "_site");
await buildSite({ contentDir: content, outDir: site });
const out = resolve(values.out);
mkdirSync(out, { recursive: true });
const server = await serveStatic(site);
const browser = await launchChromium();
try {
  for (const [name, view] of Object.entries(VIEWS)) {
    for (const scheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ ...view, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(`${server.url}2023-06/page-unknown/`);
      // Node types only here: the callback runs in the page, where the element is an HTMLImageElement.
      await page.locator(".page-image img").evaluate((img) => (img as unknown as { decode(): Promise<void> }).decode());
      // Hover the first region, so the picture shows how an article is outlined.
      await page.locator(".page-regions a").first().hover();
      const file = join(out, `page-${name}-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: name === "phone" });
      console.log(file);
      if (values.readme && name === "desktop" && scheme === "light") {
        const readme = join(PROJECT_ROOT, "docs/page-view.png");
        await page.screenshot({ path: readme, clip: { x: 40, y: 0, width: 1200, height: 760 } });
        console.log(readme);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
