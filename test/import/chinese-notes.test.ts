/**
 * The importer's Chinese words (page.json's `unplaced` reasons, gap and ending notes, the
 * notes on page facts) reach readers on the page view, so they are set in full-width
 * punctuation like the templates' own text (test/site/pages.test.ts checks those).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { draftNotes, unassignedReasons } from "../../src/import/messages.ts";

/** A half-width comma, semicolon, colon or bracket next to a CJK character. */
const HALF_WIDTH_BESIDE_CJK = /[\u4e00-\u9fff“”][,;:()]|[,;:()][\u4e00-\u9fff“”]/u;

/** An argument that serves as a name (Chinese text) and as a score (toFixed). */
const ARG = Object.assign(new String("稿件"), { toFixed: () => "0.50" }) as unknown as string;

/** Every entry of a message table, called with ARG for each argument it takes. */
function texts(table: Record<string, unknown>, pick: (value: unknown) => string): Array<[string, string]> {
  return Object.entries(table).map(([name, entry]) => {
    const value = typeof entry === "function" ? (entry as (...a: string[]) => unknown)(ARG, ARG, ARG, ARG, ARG) : entry;
    return [name, pick(value)];
  });
}

test("reasons and draft notes: full-width punctuation beside Chinese", () => {
  const all = [
    ...texts(unassignedReasons, (v) => (v as { reasonZh: string }).reasonZh),
    ...texts(draftNotes, (v) => String(v)),
  ];
  assert.ok(all.length >= 10, "the tables were read");
  for (const [name, text] of all) {
    assert.ok(/[\u4e00-\u9fff]/u.test(text), `${name} is Chinese`);
    assert.not.match(text, HALF_WIDTH_BESIDE_CJK, name);
  }
});

test.run();
