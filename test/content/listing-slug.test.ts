/**
 * Listing slugs: a column's or person's page folder stays within what file
 * systems allow (255 bytes a name) whatever the name's length, and two names
 * never share a folder, not even on a case-insensitive file system.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { listingSlug, LISTING_SLUG_BYTES } from "../../src/content/listing-slug.ts";
import { loadArchive } from "../../src/content/load-archive.ts";
import { writeArchive, article, EDITION, PAGE } from "../helpers/archive.ts";
import { buildInto } from "../helpers/site.ts";

const LONG = "很长的栏目名称".repeat(15); // 105 characters, 315 bytes

test("a long name gets a bounded slug, and two long names sharing their start get two", () => {
  const used = new Set<string>();
  const a = listingSlug(`${LONG}甲`, used);
  const b = listingSlug(`${LONG}乙`, used);
  assert.ok(Buffer.byteLength(a) <= LISTING_SLUG_BYTES, `${Buffer.byteLength(a)} bytes`);
  assert.ok(Buffer.byteLength(b) <= LISTING_SLUG_BYTES);
  assert.is.not(a, b);
  assert.ok(a.startsWith("很长的栏目名称"), "the slug stays readable");
  assert.is(listingSlug("新闻特写", new Set()), "新闻特写", "short names are unchanged");
});

test("names that differ only in case or punctuation get different slugs", () => {
  const used = new Set<string>();
  const slugs = ["EAP", "eap", "a b", "a-b", "a-b-2"].map((n) => listingSlug(n, used));
  assert.is(new Set(slugs.map((s) => s.toLowerCase())).size, slugs.length, slugs.join(" "));
});

test("a column and a person named with 90 and more characters build", () => {
  const person = "欧阳".repeat(50);
  const dir = writeArchive({
    "2024-03-01/edition.json": EDITION,
    "2024-03-01/p1/page.json": PAGE,
    "2024-03-01/p1/a.md": article(`title: 甲\norder: 1\ncolumn: ${LONG}甲\npeople: [{ name: ${person}, role: 记者 }]`),
    "2024-03-01/p1/b.md": article(`title: 乙\norder: 2\ncolumn: ${LONG}乙`),
  });
  const archive = loadArchive(dir);
  const site = buildInto(dir);
  assert.is(archive.columns.length, 2);
  for (const listing of [...archive.columns, ...archive.people]) assert.ok(existsSync(join(site, listing.url, "index.html")), listing.url);
});

test.run();
