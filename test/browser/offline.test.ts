/**
 * Offline reading in Chromium: what was read keeps working with the network off,
 * "save the whole archive" makes every page and search work offline, a new build
 * replaces the offline copy as one version, and the app is installable, at the
 * domain root and under a sub-path. A page view reads no offline manifest, and an
 * update after a new edition downloads only what changed (checked with the log of
 * every request the server got).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, writeFileSync, cpSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { browserGate, chromiumPath, CHROMIUM_ARGS, launchChromium, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildInto, listFiles, runBuild, tempDir, ROOT, SAMPLE_CONTENT } from "../helpers/site.ts";
import { loadArchive } from "../../src/content/load-archive.ts";

interface Judged {
  queries: { q: string; relevant: string[] }[];
  negative: string[];
}
const judged = JSON.parse(readFileSync(join(ROOT, "test/fixtures/queries/seed-dev.json"), "utf8")) as Judged;
const articles = loadArchive(SAMPLE_CONTENT).articles;
const ARTICLE = articles[1]!;
const UNVISITED = articles[2]!;

const gate = browserGate(test);
let browser: Browser;
let site: string;
const servers: StaticServer[] = [];

test.before(async () => {
  if (!gate.available) return;
  site = buildInto(SAMPLE_CONTENT);
  browser = await launchChromium();
});

test.after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

async function serve(dir: string, prefix: string): Promise<string> {
  const server = await serveStatic(dir, { prefix });
  servers.push(server);
  return server.url;
}

/** Serves `dir` through a proxy that logs the site path of every request it forwards, whoever sends it. */
async function serveLogged(dir: string, prefix: string): Promise<{ base: string; log: string[] }> {
  const target = await serveStatic(dir, { prefix });
  servers.push(target);
  const log: string[] = [];
  const { port: targetPort } = new URL(target.origin);
  const proxy = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (path.startsWith(prefix)) log.push(path.slice(prefix.length));
    const forward = httpRequest({ host: "127.0.0.1", port: targetPort, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((done) => proxy.listen(0, "127.0.0.1", () => done()));
  servers.push({ url: "", origin: "", close: () => new Promise<void>((done) => { proxy.close(() => done()); proxy.closeAllConnections(); }) });
  return { base: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}${encodeURI(prefix)}`, log };
}

/** Adds an edition of `date` to `content`: one page with two articles, titled `${title}1` and 2. */
function addEdition(content: string, date = "2023-07-01", title = "新一期稿件"): void {
  const edition = join(content, date);
  mkdirSync(join(edition, "01"), { recursive: true });
  writeFileSync(join(edition, "edition.json"), JSON.stringify({ date: { value: date, status: "stated" } }));
  writeFileSync(join(edition, "01", "page.json"), JSON.stringify({ number: { value: 1, status: "stated" }, name: { value: "要闻", status: "stated" } }));
  for (const [i, a] of articles.slice(0, 2).entries()) {
    const source = readFileSync(join(SAMPLE_CONTENT, a.file), "utf8");
    writeFileSync(join(edition, "01", `${a.slug}.md`), source.replace(`title: ${a.title}`, `title: ${title}${i + 1}`));
  }
}

const isManifest = (path: string) => path === "offline-manifest.json" || path.startsWith("offline/");

/** Asks to save the whole archive, checks the size it states first, and waits until it is saved. */
async function saveAll(page: Page): Promise<void> {
  const status = page.locator("[data-offline-status]");
  await page.click("[data-offline-save]");
  await status.filter({ hasText: "保存全站需下载" }).waitFor();
  assert.match((await status.textContent()) ?? "", /约 \d+ KB/u);
  await page.click("[data-offline-save]");
  await status.filter({ hasText: "已保存，断网也能阅读和检索" }).waitFor({ timeout: 30_000 });
}

/** Opens `url` and waits until the service worker controls the page. */
async function visitControlled(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
  });
  return page;
}

/** Polls an async condition in the page (waitForFunction does not await promises). */
async function until(page: Page, condition: (arg: string) => Promise<boolean>, arg: string, timeout = 30_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(condition, arg))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${condition.toString()}`);
    await page.waitForTimeout(200);
  }
}

async function search(page: Page, q: string): Promise<string[]> {
  await page.fill("#site-q", q);
  await page.locator("#site-search-panel [data-search-status]").filter({ hasText: q }).waitFor({ timeout: 10_000 });
  return page.locator("#site-search-panel .result-title").allTextContents();
}

async function readWhatWasVisited(base: string): Promise<void> {
  const context = await browser.newContext();
  const page = await visitControlled(context, `${base}index.html`);
  await page.goto(`${base}${ARTICLE.url}index.html`);
  const before = await search(page, "消防装备");
  assert.ok(before.includes("向最美的“火焰蓝”致敬"));
  await context.setOffline(true);
  await page.reload();
  assert.is(await page.locator("h1").textContent(), ARTICLE.title);
  assert.equal(await search(page, "消防装备"), before, "a search whose parts were loaded works offline");
  await page.goto(`${base}${UNVISITED.url}index.html`);
  assert.match(await page.title(), "离线");
  assert.match((await page.locator("main").textContent()) ?? "", "还没有保存");
  assert.ok(await page.locator('link[rel="stylesheet"]').evaluate((l: HTMLLinkElement) => l.sheet !== null), "the offline page is styled");
  await context.close();
}

async function saveWholeArchive(base: string): Promise<void> {
  const context = await browser.newContext();
  const page = await visitControlled(context, `${base}index.html`);
  await saveAll(page);
  await context.setOffline(true);
  for (const a of articles) {
    await page.goto(`${base}${a.url}index.html`);
    assert.is(await page.locator("h1").textContent(), a.title);
  }
  for (const { q, relevant } of judged.queries) {
    const titles = await search(page, q);
    for (const title of relevant) assert.ok(titles.includes(title), `${q} offline: ${JSON.stringify(titles)}`);
  }
  for (const q of judged.negative) assert.equal(await search(page, q), [], q);
  await page.goto(`${base}search/index.html?q=${encodeURIComponent("职工")}`);
  await page.locator("[data-search-page] .result-title").first().waitFor();
  await context.close();
}

async function newBuildReplacesOldCopy(prefix: string): Promise<void> {
  const content = join(tempDir("v2"), "content");
  cpSync(SAMPLE_CONTENT, content, { recursive: true });
  const out = join(tempDir("live"), "_site");
  assert.is(runBuild(["--content", content, "--out", out]).status, 0);
  const base = await serve(out, prefix);
  const context = await browser.newContext();
  const page = await visitControlled(context, `${base}index.html`);
  await saveAll(page);

  // Publish a new build with one article changed.
  const file = join(content, ARTICLE.editionId, "page-unknown", `${ARTICLE.slug}.md`);
  writeFileSync(file, readFileSync(file, "utf8").replace(`title: ${ARTICLE.title}`, "title: 新版标题"));
  assert.is(runBuild(["--content", content, "--out", out]).status, 0);

  // The next online visit finds the new service worker, which installs the new build and takes over.
  const version = (JSON.parse(readFileSync(join(out, "offline-manifest.json"), "utf8")) as { version: string }).version;
  await page.goto(`${base}index.html`);
  await until(page, async (name) => JSON.stringify(await caches.keys()) === JSON.stringify([name]), `banmian-${version}`);
  await context.setOffline(true);
  for (const a of articles) {
    await page.goto(`${base}${a.url}index.html`);
    assert.is(await page.locator("h1").textContent(), a.slug === ARTICLE.slug ? "新版标题" : a.title);
    // What the offline copy holds is byte for byte the new build's page.
    const served = await page.evaluate((url) => fetch(url).then((r) => r.text()), `${base}${a.url}index.html`);
    assert.ok(served === readFileSync(join(out, a.url, "index.html"), "utf8"), `${a.url} is the new build's`);
  }
  assert.ok((await search(page, "新版标题")).includes("新版标题"), "the new index is offline too");
  await context.close();
}

for (const [where, prefix] of [["at the domain root", "/"], ["under a sub-path", "/archive/"]] as const) {
  gate.test(`${where}: what was read works offline; an unvisited page shows the offline page`, async () => {
    await readWhatWasVisited(await serve(site, prefix));
  });
  gate.test(`${where}: saving the whole archive makes every article and query work offline`, async () => {
    await saveWholeArchive(await serve(site, prefix));
  });
  gate.test(`${where}: a new build replaces the offline copy as one version`, async () => {
    await newBuildReplacesOldCopy(prefix);
  });
}

gate.test("a page view requests no offline manifest, before and after the service worker controls it", async () => {
  const { base, log } = await serveLogged(site, "/");
  const context = await browser.newContext();
  const fromPages: string[] = [];
  context.on("request", (r) => {
    if (!r.serviceWorker()) fromPages.push(new URL(r.url()).pathname.slice(1));
  });
  const page = await visitControlled(context, `${base}index.html`);
  await until(page, async (name) => (await caches.keys()).includes(name), `banmian-${(JSON.parse(readFileSync(join(site, "offline-manifest.json"), "utf8")) as { version: string }).version}`);
  assert.ok(log.includes("offline-manifest.json"), "the service worker reads the root when it installs");
  for (const url of [`${ARTICLE.url}index.html`, "index.html", `${UNVISITED.url}index.html`]) await page.goto(`${base}${url}`);
  await page.locator("[data-offline-status]").filter({ hasText: "保存" }).waitFor();
  assert.ok(fromPages.includes(`${UNVISITED.url}index.html`), "the page requests are logged");
  assert.equal(fromPages.filter(isManifest), [], "no page asks for a manifest");
  await context.close();
});

gate.test("after a new edition, updating a saved archive downloads only the new and changed files and manifests", async () => {
  const content = join(tempDir("v3"), "content");
  cpSync(SAMPLE_CONTENT, content, { recursive: true });
  // Two editions to begin with: a new edition changes the pages of the one before it
  // (its 下一期), so the edition before that is the one whose files must not change.
  addEdition(content, "2023-07-01", "前一期稿件");
  const out = join(tempDir("edition"), "_site");
  assert.is(runBuild(["--content", content, "--out", out]).status, 0);
  const before = join(tempDir("before"), "_site");
  cpSync(out, before, { recursive: true });
  const { base, log } = await serveLogged(out, "/archive/");
  const context = await browser.newContext();
  const page = await visitControlled(context, `${base}index.html`);
  await saveAll(page);

  addEdition(content, "2023-07-02");
  assert.is(runBuild(["--content", content, "--out", out]).status, 0);
  const version = (JSON.parse(readFileSync(join(out, "offline-manifest.json"), "utf8")) as { version: string }).version;

  log.length = 0;
  await page.goto(`${base}index.html`);
  await until(page, async (name) => JSON.stringify(await caches.keys()) === JSON.stringify([name]), `banmian-${version}`);
  const requested = new Set(log);
  const same = (path: string) => {
    try {
      return readFileSync(join(before, path)).equals(readFileSync(join(out, path)));
    } catch {
      return false;
    }
  };
  const files = listFiles(out).map((f) => f.split("\\").join("/"));
  const newEdition = files.filter((f) => f.startsWith("2023-07-02/"));
  assert.ok(newEdition.length >= 4, "the new edition has its pages");
  for (const f of newEdition) assert.ok(requested.has(f), `the new edition's ${f} is downloaded`);
  const unchanged = files.filter((f) => same(f) && f !== "index.html");
  assert.ok(unchanged.some((f) => f.startsWith("2023-06/")), "the old edition's pages did not change");
  for (const f of unchanged) assert.not.ok(requested.has(f), `${f} did not change and is not downloaded again`);
  for (const f of requested) assert.ok(f === "index.html" || f === "sw.js" || !same(f), `${f} is new or changed`);
  assert.ok(requested.has("offline-manifest.json") && requested.has("offline/e-2023/2023-07-02.json"));
  assert.not.ok(requested.has("offline/e-2023/2023-06.json"), "the old edition's manifest is not read again");

  await context.setOffline(true);
  await page.goto(`${base}2023-07-02/01/${articles[0]!.slug}/index.html`);
  assert.is(await page.locator("h1").textContent(), "新一期稿件1");
  assert.ok((await search(page, "新一期稿件2")).includes("新一期稿件2"), "the new edition is searchable offline");
  await context.close();
});

gate.test("saving one month shows its size first and keeps that month's editions, and only those, offline", async () => {
  const content = join(tempDir("months"), "content");
  cpSync(SAMPLE_CONTENT, content, { recursive: true });
  addEdition(content);
  const out = join(tempDir("months-site"), "_site");
  assert.is(runBuild(["--content", content, "--out", out]).status, 0);
  const { base } = await serveLogged(out, "/");
  const context = await browser.newContext();
  const page = await visitControlled(context, `${base}index.html`);
  const status = page.locator("[data-offline-status]");
  await page.click("[data-offline-save]");
  await status.filter({ hasText: "保存全站需下载" }).waitFor();
  await page.selectOption("[data-offline-range]", "e-2023");
  await status.filter({ hasText: "保存2023年需下载" }).waitFor();
  await page.locator("[data-offline-month]").waitFor({ state: "visible" });
  const months = await page.locator("[data-offline-month] option").allTextContents();
  assert.equal(months.map((m) => m.replace(/\(.*\)$/u, "")), ["全年", "2023年7月", "2023年6月"]);
  await page.selectOption("[data-offline-month]", "e-2023/2023-07");
  const july = listFiles(out).map((f) => f.split("\\").join("/")).filter((f) => f.startsWith("2023-07-01/"));
  const root = JSON.parse(readFileSync(join(out, "offline-manifest.json"), "utf8")) as { files: Record<string, [string, number]> };
  await status.filter({ hasText: `保存2023年7月需下载约` }).waitFor();
  assert.match((await status.textContent()) ?? "", `（${july.length + Object.keys(root.files).length} 个文件`);
  await page.click("[data-offline-save]");
  await status.filter({ hasText: "2023年7月的" }).waitFor({ timeout: 30_000 });
  assert.match((await status.textContent()) ?? "", "已保存，断网也能阅读");
  await page.reload();
  await status.filter({ hasText: "已保存2023年7月" }).waitFor();
  await context.setOffline(true);
  await page.goto(`${base}2023-07-01/01/${articles[1]!.slug}/index.html`);
  assert.is(await page.locator("h1").textContent(), "新一期稿件2");
  await page.goto(`${base}archive/index.html`);
  assert.not.match(await page.title(), "离线", "the pages that span the archive are saved with it");
  await page.goto(`${base}${UNVISITED.url}index.html`);
  assert.match(await page.title(), "离线", "June was not saved");
  await context.close();
});

gate.test("a save interrupted by a server restart goes on by itself when the server is back, without a reload", async () => {
  const dir = join(tempDir("restart"), "site");
  cpSync(site, dir, { recursive: true });
  let server = await serveStatic(dir);
  const port = Number(new URL(server.origin).port);
  const context = await browser.newContext();
  const page = await visitControlled(context, `${server.url}index.html`);
  const status = page.locator("[data-offline-status]");
  await page.click("[data-offline-save]");
  await status.filter({ hasText: "保存全站需下载" }).waitFor();
  // The server goes away once the save has read the sizes, before it fetches the files.
  await server.close();
  await page.click("[data-offline-save]");
  await status.filter({ hasText: "下载中断" }).waitFor({ timeout: 15_000 });
  server = await serveStatic(dir, { port });
  try {
    // No `online` event comes (the browser was never offline): the retry timer resumes it.
    await status.filter({ hasText: "已保存，断网也能阅读和检索" }).waitFor({ timeout: 30_000 });
    await context.setOffline(true);
    await page.goto(`${server.url}${UNVISITED.url}index.html`);
    assert.is(await page.locator("h1").textContent(), UNVISITED.title, "an unvisited article was saved");
  } finally {
    await context.close();
    await server.close();
  }
});

gate.test("a damaged file on the server (a truncated search worker) does not stop the offline copy; saving names it", async () => {
  const dir = join(tempDir("damaged"), "site");
  cpSync(site, dir, { recursive: true });
  const worker = join(dir, "assets/search-worker.js");
  const text = readFileSync(worker, "utf8");
  writeFileSync(worker, text.slice(0, text.length >> 1));
  const base = await serve(dir, "/");
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}index.html`);
  const installed = await page.evaluate(() =>
    Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 20_000))]),
  );
  assert.ok(installed, "the service worker installs although one file of the shell does not match its hash");
  await page.goto(`${base}${ARTICLE.url}index.html`);
  const status = page.locator("[data-offline-status]");
  await page.click("[data-offline-save]");
  await status.filter({ hasText: "保存全站需下载" }).waitFor();
  await page.click("[data-offline-save]");
  await status.filter({ hasText: "未能保存" }).waitFor({ timeout: 30_000 });
  assert.match((await status.textContent()) ?? "", "服务器上有 1 个文件与本版清单不符（可能已损坏），未能保存：assets/search-worker.js");
  await context.setOffline(true);
  for (const a of [ARTICLE, UNVISITED]) {
    await page.goto(`${base}${a.url}index.html`);
    assert.is(await page.locator("h1").textContent(), a.title, `${a.url} was saved`);
  }
  assert.not.ok(await page.evaluate(async () => Boolean(await caches.match(new URL("assets/search-worker.js", location.origin + "/").href))), "the damaged file is not kept");
  await context.close();
});

gate.test("the app is installable under a sub-path", async () => {
  const base = await serve(site, "/archive/");
  // Installing is not offered in incognito, which every new browser context is: use a profile.
  const context = await chromium.launchPersistentContext(tempDir("profile"), { executablePath: chromiumPath()!, args: CHROMIUM_ARGS });
  const page = await visitControlled(context, `${base}index.html`);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: { errorId: string }[] };
  assert.equal(installabilityErrors.map((e) => e.errorId), []);
  const manifest = (await page.evaluate(async () => (await fetch(document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href)).json())) as { start_url: string; scope: string };
  assert.is(new URL(manifest.start_url, `${base}manifest.webmanifest`).href, `${base}index.html`);
  await context.close();
});

test.run();
