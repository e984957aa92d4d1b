/**
 * File hashes (src/files/file-hashes.ts): a file whose stamp (size, time, inode) is the
 * one remembered is not read again; a rewritten file is, even at the same size; a hard
 * link of a remembered file is remembered; the store keeps only what the last build used.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createHash } from "node:crypto";
import { linkSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FileHashes } from "../../src/files/file-hashes.ts";
import { tempDir } from "../helpers/site.ts";

const sha = (content: Buffer) => createHash("sha256").update(content).digest("hex");

test("remembered hashes are used while the file is unchanged, and only then", () => {
  const dir = tempDir("file-hashes");
  const store = join(dir, "cache", "hashes.json");
  const a = join(dir, "a.txt");
  const b = join(dir, "b.txt");
  writeFileSync(a, "第一版");
  writeFileSync(b, "第二版");
  const first = FileHashes.open(store);
  assert.is(first.hashOf("a.txt", a, statSync(a), sha), sha(readFileSync(a)));
  first.hashOf("b.txt", b, statSync(b), sha);
  assert.is(first.hashed, 2);
  first.save();

  // A new output: a.txt linked from the old one, b.txt rewritten with the same size.
  const linked = join(dir, "a-linked.txt");
  linkSync(a, linked);
  writeFileSync(b, "第三版");
  utimesSync(b, new Date(), new Date(Date.now() + 5000));
  const second = FileHashes.open(store);
  let read = 0;
  const counting = (c: Buffer) => (read++, sha(c));
  assert.is(second.hashOf("a.txt", linked, statSync(linked), counting), sha(readFileSync(a)), "the linked file's remembered hash");
  assert.is(read, 0, "a linked, unchanged file is not read");
  assert.is(second.hashOf("b.txt", b, statSync(b), counting), sha(Buffer.from("第三版")), "a rewritten file is hashed again");
  assert.is(read, 1);
  second.save();
  // JSON Lines, a file a line, of what this build used.
  assert.equal(readFileSync(store, "utf8").trim().split("\n").map((l) => (JSON.parse(l) as [string])[0]).sort(), ["a.txt", "b.txt"]);

  // A damaged store is an empty one.
  writeFileSync(store, "{ not json");
  const third = FileHashes.open(store);
  third.hashOf("a.txt", a, statSync(a), sha);
  assert.is(third.hashed, 1);
});

test.run();
