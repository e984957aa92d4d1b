/**
 * Folders: every entry of an archive is loaded or reported. A symbolic link is
 * followed when it stays inside the content folder; a link out of it, a dangling
 * link, a loop, a FIFO, a folder named like an article and a folder inside a page
 * folder are content errors, never silently skipped.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, symlinkSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { loadArchive } from "../../src/content/load-archive.ts";
import { writeArchive, article, EDITION, PAGE, expectContentErrors } from "../helpers/archive.ts";
import { buildInto, listFiles } from "../helpers/site.ts";

const errorsOf = expectContentErrors;

const twoEditions = () =>
  writeArchive({
    "2024-03-01/edition.json": EDITION,
    "2024-03-01/p1/page.json": PAGE,
    "2024-03-01/p1/a.md": article("title: 甲\norder: 1"),
    "2024-03-01/p1/b.md": article("title: 乙\norder: 2"),
    "2024-03-02/edition.json": { date: { value: "2024-03-02", status: "stated" } },
  });

test("a page folder linked from inside the archive is built with every article", () => {
  const dir = twoEditions();
  symlinkSync(join(dir, "2024-03-01/p1"), join(dir, "2024-03-02/p1"));
  const archive = loadArchive(dir);
  assert.equal(archive.articles.map((a) => a.id).sort(), ["2024-03-01/p1/a", "2024-03-01/p1/b", "2024-03-02/p1/a", "2024-03-02/p1/b"]);
  const site = buildInto(dir);
  const pages = listFiles(site).filter((f) => f.startsWith("2024-03-02/"));
  assert.equal(pages, ["2024-03-02/index.html", "2024-03-02/p1/a/index.html", "2024-03-02/p1/b/index.html", "2024-03-02/p1/index.html"]);
});

test("links out of the archive, dangling links and loops are errors naming the file", () => {
  const dir = twoEditions();
  mkdirSync(join(dir, "2024-03-02/p1"));
  symlinkSync("/etc/passwd", join(dir, "2024-03-02/p1/passwd.md"));
  symlinkSync(join(dir, "nothing-here.md"), join(dir, "2024-03-02/p1/dangling.md"));
  symlinkSync("loop.md", join(dir, "2024-03-02/p1/loop.md"));
  symlinkSync("/etc", join(dir, "2024-03-02/p2"));
  const errors = errorsOf(dir);
  const message = (file: string) => errors.find((e) => e.file === file)?.message ?? "";
  assert.match(message("2024-03-02/p1/passwd.md"), /out of the content folder/u);
  assert.match(message("2024-03-02/p1/dangling.md"), /dangling/u);
  assert.match(message("2024-03-02/p1/loop.md"), /loop/u);
  assert.match(message("2024-03-02/p2"), /out of the content folder/u);
});

test("a FIFO, a folder named x.md and a folder inside a page folder are errors", () => {
  const dir = twoEditions();
  const fifo = spawnSync("mkfifo", [join(dir, "2024-03-01/p1/pipe.md")]);
  assert.is(fifo.status, 0, "mkfifo made the pipe");
  mkdirSync(join(dir, "2024-03-01/p1/x.md"));
  mkdirSync(join(dir, "2024-03-01/p1/extra"));
  const errors = errorsOf(dir);
  const message = (file: string) => errors.find((e) => e.file === file)?.message ?? "";
  assert.match(message("2024-03-01/p1/pipe.md"), /FIFO/u);
  assert.match(message("2024-03-01/p1/x.md"), /is a folder/u);
  assert.match(message("2024-03-01/p1/extra"), /folder inside a page folder/u);
});

test("an edition.json that is a folder is an error, not a missing or unreadable file", () => {
  const dir = writeArchive({ "2024-03-01/p1/page.json": PAGE, "2024-03-01/p1/a.md": article("title: 甲\norder: 1") });
  mkdirSync(join(dir, "2024-03-01/edition.json"));
  const errors = errorsOf(dir);
  assert.equal(errors, [{ file: "2024-03-01/edition.json", field: "-", message: "is a folder, not a file" }]);
});

test.run();
