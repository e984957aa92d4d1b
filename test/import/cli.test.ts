/**
 * Import CLI: `npm run import` as an editor runs it. Bad input (no file, an empty
 * file, a binary file, another encoding, a date that is not a date, a bad page
 * number, an unknown option) gets one clear message, exit code 2, and nothing
 * written. Existing articles are replaced only with --force; edition.json never;
 * articles the import would not write block it. --page names the page folder.
 * A path the import would write that is a folder, or lies under a file, stops
 * it with nothing written; the report goes with the drafts by default; dates
 * and page numbers given on the command line are recorded as inferred.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadArchive } from "../../src/content/load-archive.ts";
import { ROOT, tempDir } from "../helpers/site.ts";

const FIXTURES = join(ROOT, "test/fixtures/import");
const SMALL = join(FIXTURES, "small-page.txt");

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function runImport(args: string[], cwd = ROOT): Run {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts/import.ts"), ...args], { cwd, encoding: "utf8" });
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

const fresh = () => tempDir("import-cli");

function refuses(args: (dir: string) => string[], message: RegExp) {
  const dir = fresh();
  const r = runImport(args(dir));
  assert.is(r.status, 2, `exit code 2\n${r.stderr}`);
  assert.match(r.stderr, message);
  assert.equal(readdirSync(dir), [], "nothing written");
}

const out = (dir: string) => ["--out", join(dir, "content"), "--report", join(dir, "report.md")];

test("no page file: exit 2, usage", () => refuses((d) => ["--date", "2024-03-01", ...out(d)], /give the page file/));
test("two page files: exit 2", () => refuses((d) => [SMALL, SMALL, "--date", "2024-03-01", ...out(d)], /one page file/));
test("a missing file: exit 2", () => refuses((d) => [join(d, "nope.txt"), "--date", "2024-03-01", ...out(d)], /does not exist/));
test("an empty file: exit 2", () => refuses((d) => [join(FIXTURES, "empty.txt"), "--date", "2024-03-01", ...out(d)], /is empty/));
test("a binary file: exit 2", () => refuses((d) => [join(FIXTURES, "binary.txt"), "--date", "2024-03-01", ...out(d)], /not a text file \(it contains NUL bytes\)/));
test("GB 18030 text: exit 2, says how to convert", () => refuses((d) => [join(FIXTURES, "gb18030.txt"), "--date", "2024-03-01", ...out(d)], /not valid UTF-8.*iconv/));
test("no --date: exit 2", () => refuses((d) => [SMALL, ...out(d)], /--date YYYY-MM-DD is required/));
test("a date that is not a date: exit 2", () => refuses((d) => [SMALL, "--date", "2023-02-30", ...out(d)], /2023-02-30: is not a real calendar date/));
test("a date in another form: exit 2", () => refuses((d) => [SMALL, "--date", "2023/6/1", ...out(d)], /write the date as YYYY-MM-DD/));
test("a bad page number: exit 2", () => {
  refuses((d) => [SMALL, "--date", "2024-03-01", "--page", "0", ...out(d)], /--page 0: give the page number/);
  refuses((d) => [SMALL, "--date", "2024-03-01", "--page", "A3", ...out(d)], /--page A3/);
});
test("an unknown option: exit 2", () => refuses((d) => [SMALL, "--date", "2024-03-01", "--outdir", d], /Unknown option '--outdir'/));
test("a report inside the content folder: exit 2", () => refuses((d) => [SMALL, "--date", "2024-03-01", "--out", d, "--report", join(d, "2024-03-01", "r.md")], /cannot go inside the content folder/));

test("a UTF-8 BOM is fine; --page names the folder and the slugs", () => {
  const dir = fresh();
  const r = runImport([join(FIXTURES, "bom.txt"), "--date", "2024-03-01", "--page", "3", ...out(dir)]);
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /Imported 1 articles/);
  const archive = loadArchive(join(dir, "content"));
  const a = archive.articles[0]!;
  assert.is(a.title, "城市书房开进产业园区"); // no BOM in the title
  assert.is(a.byline, "本报讯(记者王晓明 通讯员李建国)");
  assert.is(a.file, "2024-03-01/03/p03-a01.md");
  // Given on the command line, not printed on the page: inferred, with a note saying where it came from.
  assert.is(archive.pages[0]!.number.value, 3);
  assert.is(archive.pages[0]!.number.status, "inferred");
  assert.match(archive.pages[0]!.number.note ?? "", /命令行指定（--page）/);
  assert.is(archive.editions[0]!.date.value, "2024-03-01");
  assert.is(archive.editions[0]!.date.status, "inferred");
  assert.match(archive.editions[0]!.date.note ?? "", /命令行指定（--date）/);
  assert.ok(existsSync(join(dir, "report.md")));
});

test("--report - prints the report and writes none", () => {
  const dir = fresh();
  const r = runImport([SMALL, "--date", "2024-03-01", "--out", join(dir, "content"), "--report", "-"]);
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /# Import report/);
  assert.match(r.stdout, /## Line map/);
  assert.equal(readdirSync(dir), ["content"]);
});

test("the default report goes with the drafts, not beside the page file; the build skips it", () => {
  const dir = fresh();
  mkdirSync(join(dir, "in"));
  const input = join(dir, "in", "page.txt");
  writeFileSync(input, readFileSync(SMALL));
  const r = runImport([input, "--date", "2024-03-01", "--page", "2", "--out", join(dir, "content")]);
  assert.is(r.status, 0, r.stderr);
  assert.equal(readdirSync(join(dir, "in")), ["page.txt"], "nothing beside the input");
  const report = join(dir, "content/2024-03-01/02/.import-report.md");
  assert.match(readFileSync(report, "utf8"), /^# Import report/);
  assert.match(r.stdout, /Report: .*content\/2024-03-01\/02\/\.import-report\.md/);
  assert.is(loadArchive(join(dir, "content")).articles.length, 1);
  // Imported again with --force, the report is replaced, not taken for an article of another import.
  const again = runImport([input, "--date", "2024-03-01", "--page", "2", "--out", join(dir, "content"), "--force"]);
  assert.is(again.status, 0, again.stderr);
});

test("existing articles are replaced only with --force; edition.json never", () => {
  const dir = fresh();
  const args = [SMALL, "--date", "2024-03-01", ...out(dir)];
  assert.is(runImport(args).status, 0);
  const article = join(dir, "content/2024-03-01/page-unknown/a01.md");
  const edition = join(dir, "content/2024-03-01/edition.json");
  const edited = readFileSync(article, "utf8").replace("书房实行全天开放", "书房实行全天开放(编辑改过)");
  writeFileSync(article, edited);
  writeFileSync(edition, JSON.stringify({ date: { value: "2024-03-01", status: "stated" }, note: "编辑写的说明" }));

  const again = runImport(args);
  assert.is(again.status, 2);
  assert.match(again.stderr, /nothing was written: these files exist and would be replaced:[\s\S]*a01\.md[\s\S]*--force/);
  assert.is(readFileSync(article, "utf8"), edited, "the edited article was not touched");

  const forced = runImport([...args, "--force"]);
  assert.is(forced.status, 0, forced.stderr);
  assert.not.match(readFileSync(article, "utf8"), /编辑改过/);
  assert.match(readFileSync(edition, "utf8"), /编辑写的说明/, "edition.json is never replaced");
  assert.match(readFileSync(join(dir, "report.md"), "utf8"), /edition\.json` existed and was left as it was/);
});

test("articles in the page folder that the import would not write block it, even with --force", () => {
  const dir = fresh();
  const args = [SMALL, "--date", "2024-03-01", ...out(dir)];
  assert.is(runImport(args).status, 0);
  const other = join(dir, "content/2024-03-01/page-unknown/other.md");
  writeFileSync(other, "---\ntitle: 另一篇\norder: 9\n---\n\n正文。\n");
  const r = runImport([...args, "--force"]);
  assert.is(r.status, 2);
  assert.match(r.stderr, /holds articles this import would not write[\s\S]*other\.md/);
  assert.ok(existsSync(other));
});

/** A file name that, printed raw, would end the message's line and write a forged one in red. */
const FORGED = "page\n\u001b[31mimport: 0 errors, all clear\u001b[0m";

/** The message shows `name` with its control characters escaped, as content errors do, and holds none raw. */
function escapedIn(stderr: string, name: string): void {
  assert.ok(stderr.includes("page\\n\\u001b[31mimport: 0 errors, all clear\\u001b[0m"), `escaped name in:\n${stderr}`);
  assert.not.ok(stderr.includes("\u001b"), "no raw escape character");
  assert.not.ok(stderr.split("\n").some((line) => line.startsWith("\u001b[31m") || line.startsWith("import: 0 errors")), `no forged line: ${name}`);
}

test("a page file name with control characters is escaped in the message", () => {
  const dir = fresh();
  const r = runImport([join(dir, `${FORGED}.txt`), "--date", "2024-03-01", ...out(dir)]);
  assert.is(r.status, 2);
  assert.match(r.stderr, /does not exist/);
  escapedIn(r.stderr, "missing page file");
});

test("an article name with control characters in the page folder is escaped in the list", () => {
  const dir = fresh();
  const args = [SMALL, "--date", "2024-03-01", ...out(dir)];
  assert.is(runImport(args).status, 0);
  writeFileSync(join(dir, `content/2024-03-01/page-unknown/${FORGED}.md`), "---\ntitle: 另一篇\norder: 9\n---\n\n正文。\n");
  const r = runImport([...args, "--force"]);
  assert.is(r.status, 2);
  assert.match(r.stderr, /holds articles this import would not write/);
  escapedIn(r.stderr, "article in the page folder");
});

/** Every file under `dir` with its content (folders as "/"), to show that a refused import changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(e.parentPath, e.name);
    out[path.slice(dir.length)] = e.isDirectory() ? "/" : readFileSync(path, "utf8");
  }
  return out;
}

/** Runs `args` after `prepare` has set up `dir`; the import must be refused with `message` and leave `dir` as it was. */
function refusedUnchanged(prepare: (dir: string) => void, args: (dir: string) => string[], message: RegExp) {
  const dir = fresh();
  prepare(dir);
  const before = snapshot(dir);
  const r = runImport(args(dir));
  assert.is(r.status, 2, `exit code 2\n${r.stdout}\n${r.stderr}`);
  assert.match(r.stderr, message);
  assert.not.match(r.stderr, /\n\s+at /, "no stack trace");
  assert.equal(snapshot(dir), before, "nothing written");
}

test("--report naming a folder: exit 2, nothing written", () =>
  refusedUnchanged(
    (d) => mkdirSync(join(d, "reports")),
    (d) => [SMALL, "--date", "2024-03-01", "--out", join(d, "content"), "--report", join(d, "reports")],
    /nothing was written:\n.*reports is a folder, not a file/,
  ));

test("--report under a file: exit 2, nothing written", () =>
  refusedUnchanged(
    (d) => writeFileSync(join(d, "notes.txt"), "x"),
    (d) => [SMALL, "--date", "2024-03-01", "--out", join(d, "content"), "--report", join(d, "notes.txt", "report.md")],
    /notes\.txt is a file, so .*report\.md cannot be written under it/,
  ));

test("an article path that is a folder, with --force: exit 2, nothing written", () =>
  refusedUnchanged(
    (d) => {
      assert.is(runImport([SMALL, "--date", "2024-03-01", ...out(d)]).status, 0);
      const article = join(d, "content/2024-03-01/page-unknown/a01.md");
      rmSync(article);
      mkdirSync(article);
    },
    (d) => [SMALL, "--date", "2024-03-01", ...out(d), "--force"],
    /a01\.md is a folder, not a file/,
  ));

test("an edition.json that is a folder is an error, not skipped", () =>
  refusedUnchanged(
    (d) => mkdirSync(join(d, "content/2024-03-01/edition.json"), { recursive: true }),
    (d) => [SMALL, "--date", "2024-03-01", ...out(d)],
    /edition\.json is a folder, not a file/,
  ));

test("a content folder that is a file: exit 2, nothing written", () =>
  refusedUnchanged(
    (d) => writeFileSync(join(d, "content"), "x"),
    (d) => [SMALL, "--date", "2024-03-01", ...out(d)],
    /content is a file, so .* cannot be written under it/,
  ));

test("an input over the size limit is refused before it is read", () =>
  refusedUnchanged(
    (d) => {
      writeFileSync(join(d, "big.txt"), "");
      truncateSync(join(d, "big.txt"), 10 * 1024 * 1024 + 1);
    },
    (d) => [join(d, "big.txt"), "--date", "2024-03-01", ...out(d)],
    /big\.txt is 10,485,761 bytes, over the importer's limit of 10 MB \(10,485,760 bytes\)/,
  ));

test("an existing content folder without the edition is filled in", () => {
  const dir = fresh();
  mkdirSync(join(dir, "content"), { recursive: true });
  const r = runImport([SMALL, "--date", "2024-03-01", ...out(dir)]);
  assert.is(r.status, 0, r.stderr);
  assert.ok(existsSync(join(dir, "content/2024-03-01/page-unknown/page.json")));
});

test.run();
