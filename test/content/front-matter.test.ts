import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readFrontMatter, FrontMatterError } from "../../src/content/front-matter.ts";
import { runBuild, tempDir } from "../helpers/site.ts";
import { writeArchive, article, EDITION, PAGE } from "../helpers/archive.ts";

/** Front matter in LANG whose evaluation would write `marker`: proof that code ran. */
function codeFrontMatter(lang: string, marker: string, bom = ""): string {
  const path = JSON.stringify(marker);
  return `${bom}---${lang}\n{ title: (require('fs').writeFileSync(${path}, 'ran'), '标题'), order: 2 }\n---\n\n正文。\n`;
}

const REFUSED_LANGUAGES = ["js", "javascript", "JS", " js ", "coffee", "coffeescript", "cson", "toml"];

test("front matter in a code language is refused and never evaluated", () => {
  for (const lang of REFUSED_LANGUAGES) {
    for (const bom of ["", "\uFEFF"]) {
      const marker = join(tempDir("fm"), "ran.txt");
      assert.throws(() => readFrontMatter(codeFrontMatter(lang, marker, bom)), (e: unknown) => e instanceof FrontMatterError, `---${lang} is refused`);
      assert.not.ok(existsSync(marker), `---${lang}${bom ? " after a BOM" : ""} ran no code`);
    }
  }
});

test("YAML and JSON front matter are read", () => {
  assert.equal(readFrontMatter("---\ntitle: 标题\norder: 1\n---\n正文").data, { title: "标题", order: 1 });
  assert.equal(readFrontMatter("---yaml\ntitle: 标题\n---\n正文").data, { title: "标题" });
  assert.equal(readFrontMatter('---json\n{ "title": "标题", "order": 1 }\n---\n正文').data, { title: "标题", order: 1 });
  assert.equal(readFrontMatter("\uFEFF---\ntitle: 标题\n---\n正文").content, "正文");
  // YAML's own tags that construct functions are not in the safe schema.
  assert.throws(() => readFrontMatter("---\ntitle: !!js/function 'function () { return 1 }'\n---\n"));
});

test("a build of an article with ---js fails naming the file and writes nothing", () => {
  const marker = join(tempDir("fm-build"), "pwned.txt");
  const content = writeArchive({
    "2024-03-01/edition.json": EDITION,
    "2024-03-01/p1/page.json": PAGE,
    "2024-03-01/p1/good.md": article("title: 好\norder: 1"),
    "2024-03-01/p1/evil.md": codeFrontMatter("js", marker),
  });
  const out = join(tempDir("fm-site"), "_site");
  mkdirSync(out);
  writeFileSync(join(out, "index.html"), "previous build");
  const r = runBuild(["--content", content, "--out", out]);
  assert.is.not(r.status, 0, "the build fails");
  assert.ok(r.stderr.includes("2024-03-01/p1/evil.md: front matter"), `stderr names the file and field:\n${r.stderr}`);
  assert.not.ok(existsSync(marker), "the front matter's code did not run");
  assert.is(readFileSync(join(out, "index.html"), "utf8"), "previous build");
});

test.run();
