import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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

test.run();
