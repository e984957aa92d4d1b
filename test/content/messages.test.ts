/**
 * Error messages: a file name or value from the archive cannot forge a line of
 * the error list or send escapes to the terminal, and a failed build prints its
 * clean message only, without Eleventy's stack trace (with or without --quiet).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ContentErrors, escapeControls } from "../../src/content/errors.ts";
import { writeArchive, article, EDITION, PAGE } from "../helpers/archive.ts";
import { runBuild, tempDir, ROOT } from "../helpers/site.ts";

const FORGED = "evil\n  2024-03-01/p1/forged.md: title: forged line\u001b[2K\u001b[31m.md";

test("control characters in file names, fields and messages are escaped", () => {
  const message = new ContentErrors([{ file: FORGED, field: "ti\ntle", message: "value \u001b[0m\r\u0085\u202e" }]).message;
  assert.is(message.split("\n").length, 2, message);
  assert.not.match(message, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/u);
  assert.ok(message.includes("evil\\n  2024-03-01/p1/forged.md"), message);
  assert.ok(message.includes("\\u001b[2K"));
  assert.is(escapeControls("标题\t正文"), "标题\\t正文");
});

function brokenArchive(): string {
  const dir = writeArchive({ "2024-03-01/edition.json": EDITION, "2024-03-01/p1/page.json": PAGE, "2024-03-01/p1/a.md": article("order: 1") });
  writeFileSync(join(dir, "2024-03-01/p1", FORGED.replace(/\//gu, "_")), article("title: x\norder: 2"));
  return dir;
}

test("a failed build prints the clean message only, one line per error, with --quiet", () => {
  const out = join(tempDir("msg"), "_site");
  const r = runBuild(["--content", brokenArchive(), "--out", out]);
  assert.is(r.status, 1);
  assert.is(r.stdout, "");
  const lines = r.stderr.trimEnd().split("\n");
  assert.equal(lines.slice(0, 2), [`Build failed; ${out} was left as it was.`, "2 content errors:"], r.stderr);
  assert.is(lines.length, 4, r.stderr);
  assert.not.match(r.stderr, /\u001b|\[11ty\]|stack trace|    at /u);
});

test("without --quiet, too: npm run build prints no stack trace", () => {
  const out = join(tempDir("msg"), "_site");
  const r = spawnSync("npm", ["run", "-s", "build", "--", "--content", brokenArchive(), "--out", out], { cwd: ROOT, encoding: "utf8" });
  assert.is(r.status, 1);
  assert.not.match(r.stdout + r.stderr, /\[11ty\]|stack trace|    at /u, r.stdout + r.stderr);
  assert.ok(r.stderr.includes("2 content errors:"), r.stderr);
});

test.run();
