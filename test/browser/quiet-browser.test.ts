/**
 * The browser the tests and the benchmark drive (tools/chromium.ts, with its flags): a
 * fresh context opens its page and nothing else. Headless Chromium otherwise loads its
 * omnibox popup's WebUI for every new window, in a renderer of its own, right after the
 * page loads, which would compete with every cold query the benchmark times. (Without
 * the --disable-features flag this test fails: the WebUI is listed as a browser_ui
 * target.)
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Browser } from "playwright-core";
import { browserGate, launchChromium } from "../helpers/browser.ts";

const gate = browserGate(test);
let browser: Browser;

test.before(async () => {
  if (gate.available) browser = await launchChromium();
});

test.after(async () => {
  await browser?.close();
});

gate.test("a fresh context opens no browser UI beside its page", async () => {
  for (let round = 0; round < 2; round++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("data:text/html,<title>quiet</title>");
    await page.waitForTimeout(200);
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = (await cdp.send("Target.getTargets", { filter: [{}] } as never)) as { targetInfos: { type: string; url: string }[] };
    await cdp.detach();
    assert.ok(targetInfos.some((t) => t.type === "page" && t.url.startsWith("data:")), "the page itself is listed");
    assert.equal(targetInfos.filter((t) => t.type === "browser_ui").map((t) => t.url), [], "browser UI targets");
    await context.close();
  }
});

test.run();
