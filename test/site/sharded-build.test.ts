/**
 * Sharded build: an archive cut into several shards builds the same site, byte
 * for byte, as the same archive in one shard: every page, the feed and the
 * sitemaps; its search index, whose segments follow the cuts (src/build/index-plan.ts),
 * answers every query alike (test/helpers/same-answers.ts). 上一期/下一期 across a shard's edges, the listings, the feed and
 * the home page are where a shard could differ; a small archive of several
 * editions (always) and 2,000 corpus articles (when the corpus is there) check it.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { listFiles, runBuild, tempDir } from "../helpers/site.ts";
import { writeArchive, article } from "../helpers/archive.ts";
import { corpusFile, corpusTest } from "../helpers/corpus.ts";
import { readCorpus, writeCorpusArchive } from "../../src/content/corpus.ts";
import { assertSameSite as sameSite } from "../helpers/same-answers.ts";

/** Builds `content` with about `perShard` articles a shard; returns the site and how many shards the build says it used. */
function buildInShards(content: string, perShard: number): { site: string; shards: number } {
  const site = join(tempDir("sharded"), "_site");
  const r = runBuild(["--content", content, "--out", site, "--shard-articles", String(perShard)]);
  if (r.status !== 0) throw new Error(`build of ${content} failed:\n${r.stdout}\n${r.stderr}`);
  const said = /(\d+) shards?\)/u.exec(r.stdout);
  if (!said) throw new Error(`the build did not say how many shards it used:\n${r.stdout}`);
  return { site, shards: Number(said[1]) };
}

/** The same pages byte for byte, and search indexes that answer alike (their segments follow the cuts). */
const assertSameSite = (one: string, many: string) => sameSite(one, many, "one shard and several", listFiles, ["头条", "正文", "新闻联播", "经济"]);
test("an archive of several editions builds the same site in one shard and in one shard per edition", async () => {
  const files: Record<string, string | object> = {};
  const days = ["2024-03-01", "2024-03-02", "2024-03-04", "2024-04-01", "2025-01-02"];
  days.forEach((day, i) => {
    files[`${day}/edition.json`] = { date: { value: day, status: "stated" } };
    files[`${day}/p1/page.json`] = { number: { value: 1, status: "stated" }, name: { value: "要闻", status: "stated" } };
    files[`${day}/p1/a.md`] = article(`title: 第${i + 1}期头条\norder: 1\ncolumn: 新闻特写\nbyline: 本报记者 王${"一二三四五"[i]}`, `第${i + 1}期的正文。`);
    files[`${day}/p1/b.md`] = article(`title: 第${i + 1}期二条\norder: 2\nbyline: 本报记者 李明`, "又一篇正文。");
  });
  const content = writeArchive(files);
  const one = buildInShards(content, 1000);
  const many = buildInShards(content, 2);
  assert.is(one.shards, 1);
  assert.is(many.shards, days.length, "one shard per edition");
  await assertSameSite(one.site, many.site);
});

corpusTest(test, "2,000 corpus articles build the same site in one shard and in five", corpusFile("news.jsonl"), async (file) => {
  const content = tempDir("corpus");
  writeCorpusArchive(readCorpus(file, 2000), content);
  const one = buildInShards(content, 100_000);
  const many = buildInShards(content, 400);
  assert.is(one.shards, 1);
  assert.ok(many.shards >= 5, `${many.shards} shards`);
  await assertSameSite(one.site, many.site);
});

test.run();
