/**
 * Navigation as a reader of a 数字报 uses it, on a small archive written by the
 * test: four editions over three months (one dated only to the month), pages
 * with 版次 and 版名, and a column long enough to be paginated. Checks
 * 上一期/下一期, the page list, 上一版/下一版, 上一篇/下一篇 across pages, dates
 * with weekdays, the calendar and the archive by month, and the column's pages.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join, posix } from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { buildInto, tempDir } from "../helpers/site.ts";

const content = tempDir("nav-content");
const fact = (value: unknown, status = "stated") => ({ value, status, ...(status === "stated" ? {} : { note: "测试" }) });

/** Writes an edition with `pages` pages of `perPage` articles; article titles say where they are. */
function edition(id: string, date: unknown, status: string, pages: { number: number; name: string; articles: number; column?: string }[]) {
  mkdirSync(join(content, id), { recursive: true });
  writeFileSync(join(content, id, "edition.json"), JSON.stringify({ date: fact(date, status) }));
  pages.forEach((p, i) => {
    const dir = join(content, id, String(i + 1).padStart(2, "0"));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "page.json"), JSON.stringify({ number: fact(p.number), name: fact(p.name) }));
    for (let k = 1; k <= p.articles; k++) {
      const column = p.column ? `column: ${p.column}\n` : "";
      writeFileSync(join(dir, `p${p.number}a${k}.md`), `---\ntitle: ${id} 第${p.number}版 第${k}篇\n${column}order: ${k}\n---\n\n正文${k}。\n`);
    }
  });
}
edition("2023-05", "2023-05", "inferred", [{ number: 1, name: "要闻", articles: 1 }]);
edition("2023-06-12", "2023-06-12", "stated", [
  { number: 1, name: "要闻", articles: 2 },
  { number: 2, name: "工会新闻", articles: 2 },
  { number: 3, name: "副刊", articles: 1 },
]);
edition("2023-06-14", "2023-06-14", "stated", [{ number: 1, name: "要闻", articles: 2 }]);
edition("2023-07-01", "2023-07-01", "stated", [{ number: 1, name: "要闻", articles: 120, column: "长栏目" }]);

const site = buildInto(content);
/** Pages are parsed with the file they came from, so links can be resolved to a path from the site root. */
const origin = new WeakMap<HTMLElement, string>();
const load = (file: string): HTMLElement => {
  const doc = parse(readFileSync(join(site, file), "utf8"));
  origin.set(doc, file);
  return doc;
};
const resolveHref = (doc: HTMLElement, href: string) => decodeURIComponent(posix.normalize(posix.join(posix.dirname(origin.get(doc)!), href)));
const linkTo = (doc: HTMLElement, selector: string) => {
  const href = doc.querySelector(selector)?.getAttribute("href");
  return href == null ? null : resolveHref(doc, href);
};
const stepLink = (doc: HTMLElement, nav: string, cls: string) => linkTo(doc, `${nav} .${cls} a`);

test("every date carries its weekday; a date known only to the month says so", () => {
  assert.is(load("2023-06-12/index.html").querySelector("h1")!.text.trim(), "2023年6月12日 星期一");
  assert.is(load("2023-07-01/index.html").querySelector("h1")!.text.trim(), "2023年7月1日 星期六");
  assert.is(load("2023-05/index.html").querySelector("h1")!.text.trim(), "2023年5月（推断）");
});

test("上一期/下一期 on edition, page and article views lead to the editions before and after", () => {
  for (const file of ["2023-06-12/index.html", "2023-06-12/02/index.html", "2023-06-12/02/p2a1/index.html"]) {
    const doc = load(file);
    assert.is(stepLink(doc, ".edition-nav", "step-prev"), "2023-05/index.html", file);
    assert.is(stepLink(doc, ".edition-nav", "step-next"), "2023-06-14/index.html", file);
  }
  const newest = load("2023-07-01/index.html");
  assert.is(stepLink(newest, ".edition-nav", "step-next"), null);
  assert.match(newest.querySelector(".edition-nav .step-next")!.text, "已是最新一期");
  assert.match(load("2023-05/index.html").querySelector(".edition-nav .step-prev")!.text, "已是最早一期");
});

test("the page list names every page by 版次 and 版名 and marks only the page being read", () => {
  const names = (doc: HTMLElement) => doc.querySelectorAll(".page-list a").map((a) => a.text.replace(/\s+/gu, " ").trim());
  const expected = ["第1版 要闻", "第2版 工会新闻", "第3版 副刊"];
  assert.equal(names(load("2023-06-12/index.html")), expected);
  const page = load("2023-06-12/02/index.html");
  assert.equal(names(page), expected);
  assert.equal(page.querySelectorAll(".page-list [aria-current]").map((a) => a.text.trim()), ["第2版 工会新闻"]);
  assert.equal(load("2023-06-12/03/p3a1/index.html").querySelectorAll(".page-list [aria-current]").map((a) => a.text.trim()), ["第3版 副刊"]);
  assert.is(load("2023-06-12/index.html").querySelectorAll(".page-list [aria-current]").length, 0);
});

test("上一版/下一版 step through the edition's pages", () => {
  const first = load("2023-06-12/01/index.html");
  assert.is(stepLink(first, ".page-steps", "step-prev"), null);
  assert.is(stepLink(first, ".page-steps", "step-next"), "2023-06-12/02/index.html");
  const middle = load("2023-06-12/02/index.html");
  assert.is(stepLink(middle, ".page-steps", "step-prev"), "2023-06-12/01/index.html");
  assert.is(stepLink(middle, ".page-steps", "step-next"), "2023-06-12/03/index.html");
  assert.is(stepLink(load("2023-06-12/03/index.html"), ".page-steps", "step-next"), null);
});

test("上一篇/下一篇 run across pages through the whole edition", () => {
  const order = ["01/p1a1", "01/p1a2", "02/p2a1", "02/p2a2", "03/p3a1"];
  order.forEach((id, i) => {
    const doc = load(`2023-06-12/${id}/index.html`);
    const prev = order[i - 1];
    const next = order[i + 1];
    assert.is(linkTo(doc, 'a[rel="prev"]'), prev ? `2023-06-12/${prev}/index.html` : null, `${id} prev`);
    assert.is(linkTo(doc, 'a[rel="next"]'), next ? `2023-06-12/${next}/index.html` : null, `${id} next`);
  });
  // Crossing to another page names it.
  assert.match(load("2023-06-12/01/p1a2/index.html").querySelector(".prev-next .next")!.text, "第2版 · 工会新闻");
});

test("the calendar links the days that have an edition, month by month", () => {
  const june = load("archive/2023/06/index.html");
  const days = june.querySelectorAll(".month-grid td.has-edition a").map((a) => [a.text.trim(), resolveHref(june, a.getAttribute("href")!)]);
  assert.equal(days, [["12", "2023-06-12/index.html"], ["14", "2023-06-14/index.html"]]);
  // June 2023 begins on a Thursday: four empty cells in a Sunday-first grid.
  const firstWeek = june.querySelectorAll(".month-grid tbody tr")[0]!.querySelectorAll("td").map((td) => td.text.trim());
  assert.equal(firstWeek, ["", "", "", "", "1", "2", "3"]);
  assert.is(linkTo(june, ".calendar-nav .step-prev a"), "archive/2023/05/index.html");
  assert.is(linkTo(june, ".calendar-nav .step-next a"), "archive/2023/07/index.html");
  assert.equal(june.querySelectorAll(".month-links [aria-current]").map((a) => a.text.trim()), ["6月"]);
  // May's edition is known only to the month: listed, on no day.
  const may = load("archive/2023/05/index.html");
  assert.is(may.querySelectorAll(".month-grid td.has-edition").length, 0);
  assert.match(may.querySelector(".calendar-undated")!.text, "2023年5月（推断）");
  // The home page shows the latest month.
  const home = load("index.html");
  assert.equal(home.querySelectorAll(".month-grid td.has-edition a").map((a) => a.text.trim()), ["1"]);
});

test("the archive groups editions by year and month, with weekdays and counts", () => {
  const archive = load("archive/index.html");
  assert.equal(archive.querySelectorAll(".archive-months a").map((a) => a.text.trim()), ["7月", "6月", "5月"]);
  assert.match(archive.querySelector(".archive-year h2")!.text, "4 期 · 128 篇");
  const june = load("archive/2023/06/index.html").querySelectorAll(".edition-main .editions li").map((li) => li.text.replace(/\s+/gu, " ").trim());
  assert.equal(june, ["2023年6月12日 星期一 3 个版面 · 5 篇", "2023年6月14日 星期三 1 个版面 · 2 篇"]);
});

test("a long column is split into static pages that reach every article once", () => {
  const index = load("columns/长栏目/index.html");
  const older = load("columns/长栏目/page/1/index.html");
  assert.not.ok(existsSync(join(site, "columns/长栏目/page/2/index.html")), "the newest page is the index itself");
  const titles = (doc: HTMLElement) => doc.querySelectorAll(".headline a").map((a) => a.text.trim());
  // 120 articles: the oldest 50 on page 1, the newest 70 on the index.
  assert.is(titles(index).length, 70);
  assert.is(titles(older).length, 50);
  const all = [...titles(index), ...titles(older)];
  assert.is(new Set(all).size, 120);
  // In reading order (newest edition first, then print order): page 1 holds the list's last 50.
  assert.is(titles(index)[0], "2023-07-01 第1版 第1篇");
  assert.is(titles(index).at(-1), "2023-07-01 第1版 第70篇");
  assert.is(titles(older)[0], "2023-07-01 第1版 第71篇");
  assert.is(linkTo(index, ".pager .pager-step a"), "columns/长栏目/page/1/index.html", "下一页 leads to older articles");
  assert.is(older.querySelector(".pager .pager-step a")!.text.trim(), "上一页");
  assert.equal(older.querySelectorAll('.pager [aria-current="page"]').map((a) => a.text.trim()), ["1"]);
  // The column is not repeated on every item of its own page.
  assert.not.match(index.querySelector(".headlines")!.text, "长栏目");
});

test("the people index says so when no article has a byline", () => {
  const people = load("people/index.html");
  assert.is(people.querySelectorAll(".listings li").length, 0);
  assert.match(people.querySelector("main")!.text, "没有署名");
});

test.run();
