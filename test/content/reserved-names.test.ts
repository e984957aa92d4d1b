/**
 * Reserved names: every folder the build writes at the site's root, other than
 * the editions', is on the reserved list, so no edition can be named like it.
 * Checked against a real build, so a page or an after-build step that adds a
 * folder fails here until the list (and the README) names it.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { RESERVED_EDITION_NAMES } from "../../src/content/reserved-names.ts";
import { loadArchive } from "../../src/content/load-archive.ts";
import { slug } from "../../src/content/schema.ts";
import { buildInto, SAMPLE_CONTENT, ROOT } from "../helpers/site.ts";
import { readFileSync } from "node:fs";

test("every root folder the build writes, but the editions, is reserved", () => {
  const site = buildInto(SAMPLE_CONTENT);
  const editions = new Set(loadArchive(SAMPLE_CONTENT).editions.map((e) => e.id));
  const written = readdirSync(site).filter((name) => !editions.has(name));
  // A name an edition folder could have: a slug (no dot) or a folder.
  const collidable = written.filter((name) => slug.safeParse(name).success || statSync(join(site, name)).isDirectory()).sort();
  assert.ok(collidable.length >= 5, `the build wrote its own folders: ${written.join(", ")}`);
  for (const name of collidable) assert.ok(RESERVED_EDITION_NAMES.includes(name), `${name}/ is written by the build but not reserved`);
});

test("the README lists every reserved name", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  for (const name of RESERVED_EDITION_NAMES) assert.ok(readme.includes(`\`${name}\``), `README names ${name}`);
});

test.run();
