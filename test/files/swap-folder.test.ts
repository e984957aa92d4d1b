/**
 * swapFolder: the finished folder takes the target's place and the old one is gone; with
 * no target it is simply moved in; when moving it in fails, the old target is back.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { swapFolder } from "../../src/files/swap-folder.ts";
import { tempDir } from "../helpers/site.ts";

function folder(path: string, text: string): string {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, "file.txt"), text);
  return path;
}

test("replaces an existing folder and removes the old one", () => {
  const dir = tempDir("swap");
  const target = folder(join(dir, "target"), "old");
  swapFolder(folder(join(dir, "staged"), "new"), target, join(dir, "aside"));
  assert.is(readFileSync(join(target, "file.txt"), "utf8"), "new");
  assert.equal(readdirSync(dir), ["target"]);
});

test("moves the folder in when there is no target yet", () => {
  const dir = tempDir("swap");
  swapFolder(folder(join(dir, "staged"), "new"), join(dir, "target"), join(dir, "aside"));
  assert.is(readFileSync(join(dir, "target/file.txt"), "utf8"), "new");
  assert.equal(readdirSync(dir), ["target"]);
});

test("puts the old folder back when the new one cannot be moved in", () => {
  const dir = tempDir("swap");
  const target = folder(join(dir, "target"), "old");
  assert.throws(() => swapFolder(join(dir, "missing"), target, join(dir, "aside")), /ENOENT/u);
  assert.is(readFileSync(join(target, "file.txt"), "utf8"), "old");
  assert.not.ok(existsSync(join(dir, "aside")));
});

test.run();
