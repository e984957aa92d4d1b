import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { readCorpus, writeCorpusArchive } from "../../src/content/corpus.ts";
import { escapeMarkdown } from "../../src/content/markdown-escape.ts";
import { renderBody } from "../../src/content/markdown.ts";
import { loadArchive } from "../../src/content/load-archive.ts";
import { corpusFile, corpusTest } from "../helpers/corpus.ts";
import { tempDir } from "../helpers/site.ts";

test("escaped text renders back to itself", () => {
  for (const text of ["1. 第一条", "# 不是标题", "- 不是列表", "**加粗**与_下划线_", "<b>标签</b> & [链接](x)", "::: gap", "a\\b `c`", "+ 加号", "> 引用"]) {
    const { blocks } = renderBody(escapeMarkdown(text));
    assert.equal(blocks, [{ kind: "paragraph", text }], text);
  }
});

const squash = (s: string) => s.replace(/\s+/gu, "");

corpusTest(test, "1,000 corpus articles convert into an archive that loads with every paragraph intact", corpusFile("news.jsonl"), (file) => {
  const articles = readCorpus(file, 1000);
  const dir = tempDir("corpus");
  writeCorpusArchive(articles, dir);
  const archive = loadArchive(dir);
  assert.is(archive.articles.length, 1000);
  const byTitle = new Map(archive.articles.map((a) => [`${a.edition.date} ${a.title} ${a.blocks.length}`, a]));
  for (const source of articles) {
    const paragraphs = source.body.split(/\n\s*\n/u).map(squash).filter(Boolean);
    const built = byTitle.get(`${source.date} ${source.title} ${paragraphs.length}`);
    assert.ok(built, `article ${source.id} is in the archive`);
    assert.equal(built!.blocks.map((b) => squash(b.text)), paragraphs, source.id);
  }
});

test.run();
