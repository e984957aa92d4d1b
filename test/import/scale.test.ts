/**
 * Scale: the importer's work grows in proportion to its input, and a long input
 * still imports right. The input is the seed page run together many times (a
 * paste of many pages, or a mistake). The work is counted, not timed: the number
 * of subject comparisons (SubjectModel.overlap, where every pairing of fragments
 * ends) that each further copy of the page adds must not grow with the number
 * of copies. Before
 * the importer compared fragments only within a neighbourhood it grew with it
 * (the page 32 times took minutes, 64 times did not finish in five).
 *
 * Copies of one page are indistinguishable, so a fragment that fits an article
 * of its own copy fits the same article of the next copies as well: what is
 * right is that every line is kept exactly once, the drafts are valid, every
 * copy gives the seed's articles, and copies in the middle (farther than the
 * neighbourhood from either end) are read exactly alike.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { computeImport } from "../../src/import/import-page.ts";
import { checkLineMap } from "../../src/import/line-map.ts";
import { SubjectModel } from "../../src/import/subjects.ts";
import { ROOT } from "../helpers/site.ts";

const seed = readFileSync(join(ROOT, "test/fixtures/seed/000_de7cc38bb0eadd2d.txt"), "utf8").split(/\r\n|\r|\n/u);
const repeated = (n: number) => Array.from({ length: n }, () => seed).flat();

let comparisons = 0;
const overlap = SubjectModel.prototype.overlap;
SubjectModel.prototype.overlap = function (this: SubjectModel, ...args: Parameters<typeof overlap>) {
  comparisons++;
  return overlap.apply(this, args);
};

function counted(n: number) {
  comparisons = 0;
  const result = computeImport(repeated(n), { date: "2023-06-12" });
  return { result, comparisons };
}
const runs = new Map<number, ReturnType<typeof counted>>();
const run = (n: number) => runs.get(n) ?? runs.set(n, counted(n)).get(n)!;

test("the work for each further copy of the page does not grow with the number of copies", () => {
  // C(n) = a·n + b for linear work (b: the copies at either end, with fewer neighbours); C(n) grows as n² before.
  const more16 = (run(32).comparisons - run(16).comparisons) / 16;
  const more32 = (run(64).comparisons - run(32).comparisons) / 32;
  console.log(`  subject comparisons: ${run(16).comparisons} (16 copies), ${run(32).comparisons} (32), ${run(64).comparisons} (64); per copy added: ${more16.toFixed(0)}, then ${more32.toFixed(0)}`);
  assert.ok(more32 <= 1.1 * more16, `per copy added: ${more16} from 16 to 32 copies, ${more32} from 32 to 64`);
});

test("the page 64 times (1 MB) imports: every line kept once, valid drafts, the seed's articles in every copy, the middle copies alike", () => {
  const n = 64;
  const { result } = run(n);
  assert.equal(checkLineMap(result.lines), [], "every non-empty line in exactly one article or unassigned");
  assert.is(result.lines.length, n * seed.filter((l) => l.trim() !== "").length);
  // computeImport has checked every draft against the content schema (it throws otherwise).
  assert.is(result.files.filter((f) => f.kind === "article").length, result.assembly.articles.length);

  const titles = [...new Set(computeImport(seed, { date: "2023-06-12" }).assembly.articles.map((a) => a.head.title.text))].sort();
  const copies = Array.from({ length: n }, () => [] as string[]);
  for (const a of result.assembly.articles) {
    const c = Math.floor((a.head.title.line - 1) / seed.length);
    const shift = (line: number) => line - c * seed.length;
    const body = a.body.map((b) => (b.kind === "paragraph" ? b.pieces.map((p) => shift(p.line)).join("+") : b.kind === "subhead" ? `## ${shift(b.piece.line)}` : "gap"));
    copies[c]!.push(JSON.stringify({ title: a.head.title.text, kicker: a.head.kicker?.text, byline: a.head.byline?.text, body, ending: a.ending }));
  }
  // Every copy finds the seed's titles (the last copies may leave a title without text: its text fitted an earlier copy's as well).
  for (let c = 0; c < n - 8; c++) {
    const found = [...new Set(copies[c]!.map((s) => (JSON.parse(s) as { title: string }).title))].sort();
    assert.equal(found, titles, `copy ${c + 1}`);
  }
  for (let c = 8; c < n - 8; c++) assert.equal(copies[c], copies[8], `copy ${c + 1} is read like copy 9`);
});

test.run();
