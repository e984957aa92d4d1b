/**
 * Write files: an import's files go in all together or not at all. When one
 * cannot be written, or cannot be moved in, the files already moved in are
 * taken out, the files they replaced are back as they were, the folders made
 * for them are gone, and no staging folder is left.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ImportWriteError, writeAllOrNothing } from "../../src/import/write-files.ts";
import { tempDir } from "../helpers/site.ts";

const tree = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

test("all files are written, in new folders, and no staging folder is left", () => {
  const dir = tempDir("write-files");
  writeAllOrNothing([
    { path: join(dir, "a/b/one.md"), content: "1" },
    { path: join(dir, "a/two.json"), content: "2" },
  ]);
  assert.equal(tree(dir), ["a", "a/b", "a/b/one.md", "a/two.json"]);
  assert.is(readFileSync(join(dir, "a/b/one.md"), "utf8"), "1");
});

test("a file that cannot be staged: nothing written, the folders made for it removed", () => {
  const dir = tempDir("write-files");
  writeFileSync(join(dir, "blocker"), "a file where a folder is needed");
  assert.throws(
    () =>
      writeAllOrNothing([
        { path: join(dir, "new/one.md"), content: "1" },
        { path: join(dir, "blocker/two.md"), content: "2" },
      ]),
    (e: Error) => e instanceof ImportWriteError && /nothing was written: .*blocker\/two\.md could not be written/.test(e.message),
  );
  assert.equal(tree(dir), ["blocker"]);
});

test("a file that cannot be moved in: the files moved in before it are taken out, those they replaced are back", () => {
  const dir = tempDir("write-files");
  writeFileSync(join(dir, "one.md"), "the editor's version");
  mkdirSync(join(dir, "two.md")); // a folder where the second file goes: moving it in fails
  assert.throws(
    () =>
      writeAllOrNothing([
        { path: join(dir, "one.md"), content: "the import's version" },
        { path: join(dir, "two.md"), content: "2" },
      ]),
    (e: Error) => e instanceof ImportWriteError && /two\.md could not be written \(it is not a file\)/.test(e.message),
  );
  assert.is(readFileSync(join(dir, "one.md"), "utf8"), "the editor's version");
  assert.equal(tree(dir), ["one.md", "two.md"]);
});

test.run();
