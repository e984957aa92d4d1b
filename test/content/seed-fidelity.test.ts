/**
 * Seed fidelity: the sample content under content/ is the seed page reassembled,
 * nothing added and nothing lost. Every article text (fields, paragraphs, subheads)
 * must occur in the seed; every line of the seed must land in exactly one article
 * (or in a page's `unplaced` list); gaps are editorial notes, never article text.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import matter from "gray-matter";
import { articleSchema, editionSchema, pageSchema } from "../../src/content/schema.ts";

const root = new URL("../..", import.meta.url).pathname;
const contentDir = join(root, "content");
const seedLines = readFileSync(join(root, "test/fixtures/seed/000_de7cc38bb0eadd2d.txt"), "utf8").split("\n");
const squash = (s: string): string => s.replace(/\s+/g, "");
const seed = squash(seedLines.join(""));
const TEXT_FIELDS = ["title", "kicker", "subtitle", "column", "byline", "readingTip", "caption", "credit", "affiliation"] as const;
const GAP = /^::: gap \S.*\n:::$/;

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

interface Article {
  file: string;
  data: Record<string, unknown>;
  fields: Partial<Record<(typeof TEXT_FIELDS)[number], string>>;
  blocks: string[];
  /** Paragraphs and subheads (without `## `), gap blocks left out. */
  paragraphs: string[];
}

const files = walk(contentDir);
const articles: Article[] = files.filter((f) => f.endsWith(".md")).map((file) => {
  const { data, content } = matter(readFileSync(file, "utf8"));
  const fields: Article["fields"] = {};
  for (const key of TEXT_FIELDS) if (typeof data[key] === "string") fields[key] = data[key];
  const blocks = content.split(/\n\s*\n/).map((b) => b.trim()).filter((b) => b !== "");
  const paragraphs = blocks.filter((b) => !b.startsWith(":::")).map((b) => b.replace(/^##\s+/, ""));
  return { file: relative(root, file), data, fields, blocks, paragraphs };
});
const unplaced: string[] = files
  .filter((f) => f.endsWith("page.json"))
  .flatMap((f) => (JSON.parse(readFileSync(f, "utf8")) as { unplaced?: { text: string }[] }).unplaced ?? [])
  .map((u) => u.text);

/** Every piece of print an article holds, whitespace removed, plus the ways print lines combine them. */
function pieces(a: Article): string[] {
  const { title, subtitle, byline, affiliation } = a.fields;
  const first = a.paragraphs[0] ?? "";
  const last = a.paragraphs[a.paragraphs.length - 1] ?? "";
  const combined = [
    subtitle && title ? `${title}${subtitle}` : "",
    byline ? `${byline}${first}` : "",
    affiliation ? `${last}(作者单位:${affiliation})` : "",
  ];
  return [...Object.values(a.fields), ...a.paragraphs, ...combined].filter((p) => p !== "").map(squash);
}

test("the sample content is nine articles that fit the schema", () => {
  assert.is(articles.length, 9);
  for (const f of files.filter((f) => f.endsWith("edition.json"))) editionSchema.parse(JSON.parse(readFileSync(f, "utf8")));
  for (const f of files.filter((f) => f.endsWith("page.json"))) pageSchema.parse(JSON.parse(readFileSync(f, "utf8")));
  for (const a of articles) {
    const r = articleSchema.safeParse(a.data);
    assert.ok(r.success, `${a.file}: ${r.error?.message ?? ""}`);
    assert.ok(a.paragraphs.length > 0 || a.fields.caption, `${a.file}: empty body without a caption`);
    for (const b of a.blocks.filter((b) => b.startsWith(":::"))) assert.match(b, GAP, `${a.file}: malformed gap block`);
  }
});

/**
 * Fragments that continue each other across the file, not just across a blank line,
 * as [line, continuing line] (1-based): each was judged one by one, so any other
 * join of distant fragments fails. 149 `…市总工会` + 99 `夯实一网通办…` (贵阳 强化阵地建设).
 */
const JOINS: [number, number][] = [[149, 99]];
const joined = JOINS.map(([a, b]) => squash(`${seedLines[a - 1] ?? "?"}${seedLines[b - 1] ?? "?"}`));
const fromSeed = (p: string): boolean => seed.includes(p) || joined.some((j) => j.includes(p));

test("every article text comes from the seed", () => {
  for (const a of articles) {
    for (const text of Object.values(a.fields)) assert.ok(seed.includes(squash(text)), `${a.file}: not in the seed: ${text.slice(0, 40)}`);
    for (const p of a.paragraphs) assert.ok(fromSeed(squash(p)), `${a.file}: not seed text: ${p.slice(0, 40)}`);
  }
});

test("articles are ordered as their title lines are in the seed", () => {
  const line = (a: Article) => seedLines.findIndex((l) => l.trim() !== "" && squash(l).startsWith(squash(a.fields.title ?? "")));
  for (const a of articles) assert.ok(line(a) >= 0, `${a.file}: title line not found`);
  const bySeed = [...articles].sort((x, y) => line(x) - line(y)).map((a) => a.file);
  const byOrder = [...articles].sort((x, y) => Number(x.data.order) - Number(y.data.order)).map((a) => a.file);
  assert.equal(byOrder, bySeed);
});

test("every line of the seed is placed exactly once", () => {
  const owners = articles.map(pieces);
  const hasTip = articles.some((a) => a.fields.readingTip);
  for (const raw of seedLines) {
    const line = squash(raw);
    if (line === "" || (line === "阅读提示" && hasTip)) continue;
    const count = owners.filter((ps) => ps.some((p) => p.includes(line))).length + unplaced.filter((u) => squash(u) === line).length;
    assert.is(count, 1, `seed line placed ${count} times: ${raw.slice(0, 40)}`);
  }
});

test("unplaced lines are seed lines and in no article", () => {
  assert.ok(unplaced.length > 0, "the stray kicker should be kept as unplaced");
  for (const u of unplaced) {
    assert.ok(seedLines.some((l) => squash(l) === squash(u)), `unplaced text is not a seed line: ${u}`);
    for (const a of articles) assert.not.ok(pieces(a).some((p) => p.includes(squash(u))), `${a.file} holds unplaced text: ${u}`);
  }
});

test.run();
