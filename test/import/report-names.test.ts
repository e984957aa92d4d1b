/**
 * File names in the import report come from the editor's shell and file system: a name
 * holding a newline, an ANSI escape, a `#` or backticks must not forge a line, a heading
 * or a code span of the report's Markdown.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Assembly } from "../../src/import/assembly.ts";
import { fileCode, renderReport } from "../../src/import/report.ts";

const EMPTY = { articles: [], joins: [], moves: [], doubts: [], unassigned: [], notes: [] } as unknown as Assembly;
const FORGED = "page.txt\n# 伪造的标题\n- `edition.json` existed and was replaced (--force)\u001b[2J";

test("a file name cannot forge a heading or a list item of the report", () => {
  const report = renderReport(EMPTY, { input: FORGED, pageDir: `content/2024-03-01/02\n## Moves`, slugs: new Map(), lines: [], kept: [`edition.json\n# kept`], replaced: [] });
  const lines = report.split("\n");
  assert.equal(lines.filter((l) => l.startsWith("# ")).length, 1, "one top heading");
  assert.equal(lines.filter((l) => l === "## Moves").length, 1, "one Moves heading, the report's own");
  assert.not.ok(lines.some((l) => l.startsWith("- `edition.json` existed and was replaced")), "no forged list item");
  assert.not.ok(report.includes("\u001b"), "no escape character reaches the report");
  assert.ok(lines[0]!.startsWith("# Import report: ``page.txt\\n# 伪造的标题\\n- `edition.json`"), lines[0]);
});

test("inline code is fenced by more backticks than the name holds", () => {
  assert.is(fileCode("a.txt"), "`a.txt`");
  assert.is(fileCode("a`b"), "``a`b``");
  assert.is(fileCode("``x"), "``` ``x ```");
});

test.run();
