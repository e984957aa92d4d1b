/**
 * The offline manifest tree of a built site: every file is found through the root,
 * its group and sub-group with its real hash and size, ranges list what they hold,
 * and the root lists groups, not the files of editions or index parts.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildInto, listFiles, SAMPLE_CONTENT } from "../helpers/site.ts";
import { MANIFEST_FILE, groupOf, hashText, manifestPath, type ManifestNode, type RootManifest } from "../../src/offline/manifest-format.ts";
import { ManifestTree } from "../../src/offline/manifest-tree.ts";

const site = buildInto(SAMPLE_CONTENT);
const hash = (bytes: Buffer) => {
  const d = createHash("sha256").update(bytes).digest();
  return hashText(d.buffer.slice(d.byteOffset, d.byteOffset + d.byteLength));
};
const root = JSON.parse(readFileSync(join(site, MANIFEST_FILE), "utf8")) as RootManifest;
/** The site's tree, its manifests read from disk (each checked against its parent) and logged in `read`. */
const treeOf = (read: string[] = []) =>
  new ManifestTree(root, async (chain, expected) => {
    const bytes = readFileSync(join(site, manifestPath(chain)));
    assert.is(hash(bytes), expected, `${chain.join("/")} has the hash its parent lists`);
    read.push(chain.join("/"));
    return JSON.parse(bytes.toString("utf8")) as ManifestNode;
  });
const tree = treeOf();
const files = listFiles(site)
  .map((f) => f.split("\\").join("/"))
  .filter((f) => !f.startsWith("offline/") && ![MANIFEST_FILE, "sw.js", "search/documents.json"].includes(f));

test("every file of the site is found through the tree with its hash and size", async () => {
  assert.ok(files.length > 30);
  for (const f of files) {
    const bytes = readFileSync(join(site, f));
    assert.equal(await tree.entry(f), [hash(bytes), bytes.length], f);
  }
  assert.is(root.count, files.length);
  assert.is((await tree.files("*")).size, files.length);
});

test("the root lists the shell and the pages that span the archive, and groups for the rest", () => {
  const own = Object.keys(root.files);
  for (const f of ["index.html", "archive/index.html", "search/index/meta.js", "offline.html", "assets/site.js"]) assert.ok(own.includes(f), f);
  assert.not.ok(own.some((f) => f.startsWith("2023-06/") || f.startsWith("search/index/docs/") || f.startsWith("columns/新闻特写")), own.join(" "));
  assert.ok(root.groups["e-2023"] && root.groups["i-docs"] && root.groups["i-postings"], Object.keys(root.groups).join(" "));
  assert.is(root.bytes, files.reduce((sum, f) => sum + readFileSync(join(site, f)).length, 0));
});

test("an index segment's folders are groups of their own, chunked like the base's", () => {
  const dirs = root.dirs;
  assert.equal(groupOf("search/index/docs/1234.js", dirs), ["i-docs", "1"]);
  assert.equal(groupOf("search/index/recent/docs/1234.js", dirs), ["i-recent-docs", "1"]);
  assert.equal(groupOf("search/index/recent/postings/7.js", dirs), ["i-recent-postings", "0"]);
  assert.equal(groupOf("search/index/recent/facts.js", dirs)[0], "i-recent");
  assert.equal(groupOf("search/index/meta.js", dirs), []);
});

test("a month's range holds the root's files and its editions' files, read from its own manifests only", async () => {
  const read: string[] = [];
  const month = await treeOf(read).files("e-2023/2023-06");
  assert.equal(read.sort(), ["e-2023", "e-2023/2023-06"]);
  assert.equal([...month.keys()].sort(), files.filter((f) => f.startsWith("2023-06/") || root.files[f]).sort());
  assert.is((await tree.files("e-2023/2023-07")).size, Object.keys(root.files).length, "a month without editions holds only the root's files");
});

test.run();
