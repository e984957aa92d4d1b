/**
 * Loses nothing: importing a page puts every non-empty line in exactly one draft
 * or in the unassigned list (page.json `unplaced`), and the written files really
 * hold it. Checked on the seed page and on copies of it with its blocks shuffled
 * (seeded, so a failure can be replayed), which breaks every assumption about
 * order the importer might make.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadArchive } from "../../src/content/load-archive.ts";
import type { Article } from "../../src/content/model.ts";
import { importPage, type ImportResult } from "../../src/import/import-page.ts";
import { checkLineMap } from "../../src/import/line-map.ts";
import { FIELD_ROLES, type FieldRole } from "../../src/import/pieces.ts";
import { ROOT, tempDir } from "../helpers/site.ts";
import { rng } from "./corpus-page.ts";

const SEED_PAGE = join(ROOT, "test/fixtures/seed/000_de7cc38bb0eadd2d.txt");
const squash = (s: string) => s.replace(/\s+/gu, "");

/** The page with its blank-line-separated blocks in a seeded random order. */
export function shuffleBlocks(text: string, seed: number): string {
  const blocks = text.split(/\n\s*\n/u).map((b) => b.trim()).filter(Boolean);
  const pick = rng(seed);
  for (let i = blocks.length - 1; i > 0; i--) {
    const j = Math.floor(pick() * (i + 1));
    [blocks[i], blocks[j]] = [blocks[j]!, blocks[i]!];
  }
  return `${blocks.join("\n\n")}\n`;
}

function importText(text: string): { result: ImportResult; dir: string } {
  const dir = tempDir("import");
  const input = join(dir, "page.txt");
  writeFileSync(input, text);
  const result = importPage({ input, date: "2023-06-12", out: join(dir, "content"), report: join(dir, "report.md") });
  return { result, dir };
}

/** Everything an article holds, as the loader reads it back from the written file. */
function holdings(a: Article): string[] {
  const fields = [a.kicker, a.title, a.subtitle, a.column, a.byline, a.readingTip, a.caption, a.credit, a.affiliation].filter((x): x is string => x !== undefined);
  const blocks = a.blocks.filter((b) => b.kind !== "gap").map((b) => b.text);
  const first = blocks[0] ?? "";
  const last = blocks.at(-1) ?? "";
  // The ways print lines combine pieces: title and subtitle on one line, a byline opening the text, the unit closing it.
  const combined = [`${a.title}${a.subtitle ?? ""}`, `${a.byline ?? ""}${first}`, a.affiliation ? `${last}(作者单位:${a.affiliation})` : "", a.readingTip ? `阅读提示${a.readingTip}` : ""];
  return [...fields, ...blocks, ...combined].map(squash);
}

function checkImport(text: string, label: string) {
  const { result, dir } = importText(text);
  const archive = loadArchive(join(dir, "content")); // throws if a draft is invalid
  const page = archive.pages[0]!;
  const unplaced = page.unplaced.map((u) => squash(u.text));
  const byOrder = new Map(archive.articles.map((a) => [a.order, a]));
  const lines = text.split(/\r\n|\r|\n/u);

  // 1. The importer's own account: every line held once, and its pieces give the line back.
  assert.equal(checkLineMap(result.lines), [], `${label}: line map`);
  const nonEmpty = lines.map((l, i) => [l, i + 1] as const).filter(([l]) => l.trim() !== "");
  assert.is(result.lines.length, nonEmpty.length, `${label}: every non-empty line is in the map`);
  assert.is(archive.articles.length, result.assembly.articles.length, `${label}: one file per article`);

  for (const entry of result.lines) {
    const holder = entry.holders[0]!;
    if (holder === "unassigned") {
      // 2a. An unassigned line is kept in page.json, once.
      assert.is(unplaced.filter((u) => u === squash(entry.text)).length, 1, `${label}: line ${entry.line} is unplaced once`);
      continue;
    }
    const article = byOrder.get(holder);
    assert.ok(article, `${label}: line ${entry.line}: article ${holder} was written`);
    // 2b. Each piece of the line is in the written article, in the field its role names.
    for (const p of entry.pieces) {
      const where = `${label}: line ${entry.line} (${p.role}) in ${article!.file}`;
      if ((FIELD_ROLES as readonly string[]).includes(p.role)) assert.is(article![p.role as FieldRole], p.value ?? p.text, where);
      else if (p.role === "paragraph") assert.ok(article!.blocks.some((b) => b.kind === "paragraph" && squash(b.text).includes(squash(p.text))), where);
      else if (p.role === "subhead") assert.ok(article!.blocks.some((b) => b.kind === "subhead" && b.text === p.text), where);
      else if (p.role === "tip-label") assert.ok(article!.readingTip, where);
      else assert.unreachable(`${where}: unknown role`);
    }
    // 3. Read back without the importer's account: the whole line is in the article's file.
    assert.ok(
      holdings(article!).some((h) => h.includes(squash(entry.text))),
      `${label}: line ${entry.line} is in ${article!.file}: ${entry.text.slice(0, 30)}`,
    );
  }
  // 4. Nothing else is unplaced.
  assert.is(unplaced.length, result.lines.filter((l) => l.holders[0] === "unassigned").length, `${label}: no other unplaced lines`);
  return result;
}

test("every line of the seed page lands in exactly one draft or in unplaced", () => {
  const r = checkImport(readFileSync(SEED_PAGE, "utf8"), "seed");
  assert.ok(r.assembly.articles.length > 0);
});

for (const seed of [1, 2, 3, 4, 5]) {
  test(`every line of a shuffled copy of the seed page (shuffle ${seed}) lands exactly once`, () => {
    const shuffled = shuffleBlocks(readFileSync(SEED_PAGE, "utf8"), seed);
    assert.is.not(shuffled, readFileSync(SEED_PAGE, "utf8"));
    const r = checkImport(shuffled, `shuffle ${seed}`);
    console.log(`  shuffle ${seed}: ${r.assembly.articles.length} articles, ${r.assembly.unassigned.length} unassigned lines`);
  });
}

test("a page of one line, and a page of headings only, lose nothing either", () => {
  checkImport("只有一行正文,没有标题。\n", "one line");
  checkImport("一个标题\n\n另一个标题\n\n第三个标题\n\n第四个标题\n", "headings");
  checkImport("□王晓明\n\n新华社记者 李建国 摄\n\n阅读提示\n", "furniture");
});

test.run();
