import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { RESERVED_EDITION_NAMES } from "../../src/content/reserved-names.ts";
import { join } from "node:path";
import { loadArchive } from "../../src/content/load-archive.ts";
import { ContentErrors } from "../../src/content/errors.ts";
import { runBuild, tempDir } from "../helpers/site.ts";
import { writeArchive, article, EDITION, PAGE } from "../helpers/archive.ts";

function errorsOf(dir: string): ContentErrors {
  try {
    loadArchive(dir);
  } catch (e) {
    if (e instanceof ContentErrors) return e;
    throw e;
  }
  throw new Error("expected content errors");
}

const broken = () =>
  writeArchive({
    "2024-03-01/edition.json": { date: { value: "2024-13-45", status: "stated" } },
    "2024-03-01/p1/page.json": PAGE,
    "2024-03-01/p1/no-title.md": article("order: 1"),
    "2024-03-01/p1/unknown-field.md": article("title: 标题\norder: 2\nautor: 张三"),
    "2024-03-01/p1/first.md": article("title: 一\norder: 3\nslug: same"),
    "2024-03-01/p1/second.md": article("title: 二\norder: 4\nslug: same"),
    "2024-03-01/p1/empty.md": article("title: 空\norder: 5", "  \n"),
    "2024-03-01/p1/good.md": article("title: 好\norder: 6"),
  });

test("every error of every file is listed at once, naming file and field", () => {
  const { errors } = errorsOf(broken());
  const has = (file: string, field: string) => errors.some((e) => e.file === file && e.field === field);
  assert.ok(has("2024-03-01/edition.json", "date.value"), "malformed date");
  assert.ok(has("2024-03-01/p1/no-title.md", "title"), "missing title");
  assert.ok(has("2024-03-01/p1/unknown-field.md", "autor"), "unknown field");
  assert.ok(has("2024-03-01/p1/second.md", "slug") || has("2024-03-01/p1/first.md", "slug"), "duplicate slug");
  assert.ok(has("2024-03-01/p1/empty.md", "body"), "empty body");
  assert.not.ok(errors.some((e) => e.file.endsWith("good.md")), "a good article raises nothing");
  assert.is(errors.length, 5);
});

test("impossible dates, bad folder names and stray files are errors too", () => {
  const { errors } = errorsOf(
    writeArchive({
      "2023-02-29/edition.json": { date: { value: "2023-02-29", status: "stated" } },
      "2023-02-29/P 1/page.json": PAGE,
      "2023-02-29/stray.md": article("title: x\norder: 1"),
    }),
  );
  assert.ok(errors.some((e) => e.field === "date.value" && /real calendar date/u.test(e.message)));
  assert.ok(errors.some((e) => e.file.endsWith("P 1") && e.field === "folder name"));
  assert.ok(errors.some((e) => e.file === "2023-02-29/stray.md"));
});

test("an inferred or unknown fact needs its reason", () => {
  const { errors } = errorsOf(
    writeArchive({
      "x/edition.json": { date: { value: "2023-06", status: "inferred" } },
      "x/p/page.json": { number: { value: null, status: "unknown" }, name: { value: null, status: "unknown", note: "未印" } },
      "x/p/a.md": article("title: t\norder: 1\nending: breaks-off"),
    }),
  );
  assert.ok(errors.some((e) => e.file === "x/edition.json" && e.field === "date.note"));
  assert.ok(errors.some((e) => e.file === "x/p/page.json" && e.field === "number.note"));
  assert.ok(errors.some((e) => e.file === "x/p/a.md" && e.field === "endingNote"));
});

test("a failed build reports every error and leaves the previous site untouched", () => {
  const out = join(tempDir("prev"), "_site");
  mkdirSync(out);
  writeFileSync(join(out, "index.html"), "previous build");
  const r = runBuild(["--content", broken(), "--out", out]);
  assert.is.not(r.status, 0);
  for (const needle of ["no-title.md: title", "unknown-field.md: autor", "edition.json: date.value", "empty.md: body", ": slug"]) {
    assert.ok(r.stderr.includes(needle), `stderr names ${needle}:\n${r.stderr}`);
  }
  assert.is(readFileSync(join(out, "index.html"), "utf8"), "previous build");
  assert.equal(readdirSync(out), ["index.html"]);
  assert.equal(readdirSync(join(out, "..")), ["_site"], "no staging folder is left behind");
});

test("a good archive loads and builds", () => {
  const dir = writeArchive({ "2024-03-01/edition.json": EDITION, "2024-03-01/p1/page.json": PAGE, "2024-03-01/p1/a.md": article("title: 好\norder: 1") });
  const archive = loadArchive(dir);
  assert.is(archive.articles.length, 1);
  assert.is(archive.articles[0]!.url, "2024-03-01/p1/a/");
  const out = join(tempDir("ok"), "_site");
  const r = runBuild(["--content", dir, "--out", out]);
  assert.is(r.status, 0, r.stderr);
  assert.ok(existsSync(join(out, "2024-03-01/p1/a/index.html")));
});

test("a date range must be in order and include the edition's date", () => {
  const edition = (date: string, earliest: string, latest?: string) => ({ date: { value: date, status: "inferred", note: "推断" }, dateRange: { earliest, ...(latest ? { latest } : {}) } });
  const page = (id: string) => ({ [`${id}/p/page.json`]: PAGE, [`${id}/p/a.md`]: article("title: 甲\norder: 1") });
  const { errors } = errorsOf(
    writeArchive({
      "inverted/edition.json": edition("2024-03", "2024-03-20", "2024-03-10"),
      ...page("inverted"),
      "excludes/edition.json": edition("2024-03", "2024-04-01", "2024-04-30"),
      ...page("excludes"),
      "open-ended/edition.json": edition("2024-03-05", "2024-03-06"),
      ...page("open-ended"),
      "fine/edition.json": edition("2024-03", "2024-03-01", "2024-03-31"),
      ...page("fine"),
      "fine-month/edition.json": edition("2024", "2024-02", "2024-03"),
      ...page("fine-month"),
    }),
  );
  assert.equal(
    errors.map((e) => `${e.file} ${e.field}`),
    ["excludes/edition.json dateRange", "inverted/edition.json dateRange", "open-ended/edition.json dateRange"],
  );
  assert.match(errors[1]!.message, /after/u);
  assert.match(errors[0]!.message, /excludes/u);
});

test("an edition without pages and a page without articles or unplaced lines are errors", () => {
  const { errors } = errorsOf(
    writeArchive({
      "2024-03-01/edition.json": EDITION,
      "2024-03-01/p1/page.json": PAGE,
      "2024-03-01/p1/a.md": article("title: 甲\norder: 1"),
      "2024-03-01/p2/page.json": PAGE,
      "2024-03-01/p3/page.json": { ...PAGE, unplaced: [{ text: "□王晓明", reason: "无正文" }] },
      "2024-03-02/edition.json": { date: { value: "2024-03-02", status: "stated" } },
    }),
  );
  assert.equal(
    errors.map((e) => e.file),
    ["2024-03-01/p2", "2024-03-02"],
  );
  assert.match(errors[0]!.message, /no articles/u);
  assert.match(errors[1]!.message, /no pages/u);
});

test("edition folders named like the site's own folders are errors", () => {
  const files: Record<string, string | object> = {};
  for (const name of RESERVED_EDITION_NAMES) {
    files[`${name}/edition.json`] = EDITION;
    files[`${name}/p1/page.json`] = PAGE;
    files[`${name}/p1/a.md`] = article("title: 甲\norder: 1");
  }
  const { errors } = errorsOf(writeArchive(files));
  assert.equal(errors.map((e) => `${e.file} ${e.field}`), RESERVED_EDITION_NAMES.map((n) => `${n} folder name`));
  for (const name of ["archive", "assets", "columns", "people", "search"]) assert.ok(RESERVED_EDITION_NAMES.includes(name), name);
});

test("every error is reported, however many a file or folder has", () => {
  const { errors } = errorsOf(
    writeArchive({
      "Bad Edition/edition.json": { date: { value: "2024-02-30", status: "inferred" } },
      "Bad Edition/p1/page.json": { number: { value: 0, status: "inferred" }, name: { value: null, status: "unknown", note: "未印" } },
      "Bad Edition/p1/a.md": article("order: first\nending: breaks-off\nautor: 张三"),
      "Bad Edition/p1/b.md": article("title: 乙\norder: 2\nslug: a"),
    }),
  );
  const lines = errors.map((e) => `${e.file} ${e.field}`).sort();
  assert.equal(lines, [
    "Bad Edition folder name",
    "Bad Edition/edition.json date.note",
    "Bad Edition/edition.json date.value",
    "Bad Edition/p1/a.md autor",
    "Bad Edition/p1/a.md endingNote",
    "Bad Edition/p1/a.md order",
    "Bad Edition/p1/a.md title",
    "Bad Edition/p1/b.md slug",
    "Bad Edition/p1/page.json number.note",
    "Bad Edition/p1/page.json number.value",
  ]);
});

test("a GBK article beside BOM, CRLF and duplicate-slug articles: every file with an error is named", () => {
  const dir = writeArchive({
    "2024-03-01/edition.json": `\uFEFF${JSON.stringify(EDITION)}`,
    "2024-03-01/p1/page.json": PAGE,
    "2024-03-01/p1/bom.md": `\uFEFF${article("title: 甲\norder: 1\nslug: same")}`,
    "2024-03-01/p1/crlf.md": article("title: 乙\norder: 2\nslug: same").replace(/\n/gu, "\r\n"),
    "2024-03-01/p2/page.json": PAGE,
    "2024-03-01/p2/same.md": article("title: 丙\norder: 1"),
  });
  writeFileSync(join(dir, "2024-03-01/p1/gbk.md"), Buffer.concat([Buffer.from("---\ntitle: "), Buffer.from([0xb1, 0xea, 0xcc, 0xe2]), Buffer.from("\norder: 3\nslug: same\n---\n\n正文\n")]));
  const { errors } = errorsOf(dir);
  assert.equal(errors.map((e) => `${e.file} ${e.field}`), ["2024-03-01/p1/crlf.md slug", "2024-03-01/p1/gbk.md -", "2024-03-01/p2/same.md slug"]);
});

test.run();
