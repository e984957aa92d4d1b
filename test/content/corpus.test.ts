import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { readCorpus, repeatCorpus, writeCorpusArchive } from "../../src/content/corpus.ts";
import { escapeMarkdown } from "../../src/content/markdown-escape.ts";
import { renderBody } from "../../src/content/markdown.ts";
import { loadArchive } from "../../src/content/load-archive.ts";
import { corpusFile, corpusTest } from "../helpers/corpus.ts";
import { tempDir, ROOT } from "../helpers/site.ts";

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

corpusTest(test, "repeated past its end, the corpus gives dated copies with their own editions, weekdays and marked titles", corpusFile("news.jsonl"), (file) => {
  const corpus = readCorpus(file, 300);
  const articles = repeatCorpus(corpus, 700);
  assert.is(articles.length, 700);
  assert.equal(articles.slice(0, 300), corpus, "the corpus itself comes first, unchanged");
  const dir = tempDir("corpus-repeat");
  writeCorpusArchive(articles, dir);
  const archive = loadArchive(dir);
  assert.is(archive.articles.length, 700);
  assert.is(new Set(archive.articles.map((a) => a.id)).size, 700);
  const editionsOfCopy = new Map<number, Set<string>>();
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  for (const [i, a] of articles.entries()) {
    const copy = Math.floor(i / 300);
    const source = corpus[i % 300]!;
    assert.is(a.body, source.body);
    assert.is(a.title, copy === 0 ? source.title : `${source.title}(副本${copy})`);
    assert.ok(copy === 0 || a.id === `${source.id}-r${copy}`, a.id);
    const shift = day(source.date!) - day(a.date!);
    assert.ok(shift % 7 === 0 && (copy === 0 ? shift === 0 : shift > 0), `${a.id}: shifted by whole weeks (${shift} days)`);
    editionsOfCopy.set(copy, (editionsOfCopy.get(copy) ?? new Set()).add(a.date!));
  }
  const [c0, c1, c2] = [0, 1, 2].map((c) => [...editionsOfCopy.get(c)!].sort());
  assert.ok(c1!.at(-1)! < c0![0]! && c2!.at(-1)! < c1![0]!, "each copy lies wholly before the one it copies");
  const titles = new Set(archive.articles.map((a) => a.title));
  for (const a of articles) assert.ok(titles.has(a.title), a.title);
});

corpusTest(test, "corpus-to-content refuses a count beyond the corpus without --repeat and fills it with --repeat", corpusFile("news.jsonl"), (file) => {
  const small = join(tempDir("corpus-small"), "small.jsonl");
  writeFileSync(small, readFileSync(file, "utf8").split("\n").slice(0, 10).join("\n"));
  const run = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts/corpus-to-content.ts"), "--corpus", small, ...args], { cwd: ROOT, encoding: "utf8" });
  const out = join(tempDir("corpus-cli"), "content");
  const refused = run(["--count", "25", "--out", out]);
  assert.is(refused.status, 2);
  assert.match(refused.stderr, "has 10 articles, fewer than --count 25");
  const filled = run(["--count", "25", "--repeat", "--out", out]);
  assert.is(filled.status, 0, filled.stderr);
  assert.is(loadArchive(out).articles.length, 25);
  assert.is(loadArchive(out).articles.filter((a) => a.title.endsWith("(副本2)")).length, 5);
});

test.run();
