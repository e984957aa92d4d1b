/**
 * Accessibility: axe-core in headless Chromium over the built sample (its page
 * given a schematic page image, tools/sample-with-page-image.ts), served
 * over HTTP under a sub-path (as on a project host), CSP in force. Every rule on
 * one page of each kind and on every article page in the light colour scheme;
 * the colour rules again in the dark scheme. Needs Debian's chromium (skipped
 * without it, required under CI=true).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import type { AxeResults, Result, RunOptions } from "axe-core";
import type { Browser, Page } from "playwright-core";
import { browserGate, fail, launchChromium, pageUrl, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildInto, htmlPages, tempDir, ROOT } from "../helpers/site.ts";
import { writeSampleWithPageImage } from "../../tools/sample-with-page-image.ts";

const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");
const SCHEMES = ["light", "dark"] as const;
type Scheme = (typeof SCHEMES)[number];
/** Rules whose outcome depends on the colour scheme; the dark run checks only these. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/**
 * The pages to check: every article, and the first page of every other kind
 * (person, column, edition, edition page); pages of their own kind (home,
 * archive, listings, 404, anything added later) are all kept.
 */
function pagesToCheck(all: string[]): string[] {
  const kind = (file: string): string => {
    const parts = file.split("/");
    if (parts[0] === "people" && parts.length === 3) return "person";
    if (parts[0] === "columns" && parts.length === 3) return "column";
    if (/^\d{4}/u.test(parts[0]!)) {
      if (parts.length === 2) return "edition";
      if (parts.length === 3) return "edition page";
    }
    return file; // articles and one-of-a-kind pages
  };
  const seen = new Set<string>();
  return all.filter((file) => {
    const k = kind(file);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function report(file: string, scheme: Scheme, violations: Result[]): string {
  const lines = [`${violations.length} axe violation(s) on ${file} (${scheme}):`];
  for (const v of violations) {
    lines.push(`  ${v.id} [${v.impact ?? "?"}]: ${v.help}  ${v.helpUrl}`);
    for (const node of v.nodes) {
      lines.push(`    - ${node.target.map(String).join(" ")}  ${node.html.replace(/\s+/gu, " ").slice(0, 160)}`);
      const why = (node.failureSummary ?? "").split("\n").slice(1).join(" ").trim();
      if (why) lines.push(`      ${why}`);
    }
  }
  return lines.join("\n");
}

const gate = browserGate(test);

if (!gate.available) {
  gate.test("axe: the sample site (light, and colours in dark)", () => {});
} else {
  let site = "";
  let pages: string[] = [];
  let buildError: unknown;
  try {
    // The sample with a schematic page image, so the page view is checked with its image and regions.
    site = buildInto(writeSampleWithPageImage(join(tempDir("content"), "content")));
    pages = pagesToCheck(htmlPages(site));
  } catch (err) {
    buildError = err;
  }

  interface Session {
    browser: Browser;
    server: StaticServer;
    page: Page;
    loadProblems: string[];
  }
  let session: Promise<Session> | undefined;
  // One browser, one server and one tab for the whole file, started by the first test.
  const ready = (): Promise<Session> =>
    (session ??= (async () => {
      const server = await serveStatic(site, { prefix: "/banmian/" });
      const browser = await launchChromium();
      const context = await browser.newContext({ colorScheme: "light" });
      // axe goes in as an init script (DevTools-injected, so the site's CSP `script-src 'self'`
      // does not apply to it): the pages keep their CSP, as visitors get them, and the
      // stylesheet check below proves the CSP lets the site's own stylesheet through.
      await context.addInitScript({ path: AXE });
      const page = await context.newPage();
      const loadProblems: string[] = [];
      page.on("requestfailed", (r) => loadProblems.push(`${r.url()}: ${r.failure()?.errorText ?? "failed"}`));
      page.on("response", (r) => {
        if (r.status() >= 400) loadProblems.push(`${r.url()}: HTTP ${r.status()}`);
      });
      // Anything the page's own CSP refuses (inline styles or scripts, other origins) would be lost for visitors too.
      page.on("console", (m) => {
        if (m.type() === "error" && /Content Security Policy/iu.test(m.text())) loadProblems.push(`CSP: ${m.text()}`);
      });
      page.on("pageerror", (err) => loadProblems.push(`script error: ${err.message}`));
      return { browser, server, page, loadProblems };
    })());

  test.after(async () => {
    if (!session) return;
    const s = await session.catch(() => undefined);
    await s?.browser.close();
    await s?.server.close();
  });

  test("the sample builds; every kind of page is checked, and every article", () => {
    if (buildError !== undefined) throw buildError;
    for (const f of ["index.html", "archive/index.html", "2023-06/index.html"]) assert.ok(pages.includes(f), f);
    assert.ok(pages.some((p) => /^columns\/[^/]+\/index\.html$/u.test(p)), "a column page");
    assert.ok(pages.some((p) => /^people\/[^/]+\/index\.html$/u.test(p)), "a person page");
    const articles = htmlPages(site).filter((p) => /^\d{4}[^/]*\/[^/]+\/[^/]+\/index\.html$/u.test(p));
    assert.ok(articles.length > 0, "article pages");
    for (const a of articles) assert.ok(pages.includes(a), a);
  });

  const runAxe = (page: Page, options: RunOptions): Promise<AxeResults> =>
    page.evaluate((opts) => (globalThis as unknown as { axe: { run(ctx: Document, o: RunOptions): Promise<AxeResults> } }).axe.run(document, opts), options);

  for (const file of pages) {
    test(`axe: ${file} (light, and colours in dark)`, async () => {
      const { server, page, loadProblems } = await ready();
      loadProblems.length = 0;
      await page.emulateMedia({ colorScheme: "light" });
      const response = await page.goto(pageUrl(server, file), { waitUntil: "load" });
      assert.is(response?.status(), 200, `${file} is served`);
      assert.equal(loadProblems, [], `${file} loads all its resources, within its CSP`);
      // Without the stylesheet, the contrast checks would measure browser defaults.
      const styled = await page.evaluate(() => [...document.styleSheets].some((s) => s.cssRules.length > 0));
      assert.ok(styled, `${file} has its stylesheet applied`);

      const failures: string[] = [];
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        const dark = await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches);
        assert.is(dark, scheme === "dark", `${file} renders in the ${scheme} scheme`);
        const options: RunOptions = { resultTypes: ["violations"] };
        if (scheme === "dark") options.runOnly = { type: "rule", values: COLOUR_RULES };
        const { violations } = await runAxe(page, options);
        if (violations.length > 0) failures.push(report(file, scheme, violations));
      }
      if (failures.length > 0) fail(failures.join("\n"));
    });
  }
}

test.run();
