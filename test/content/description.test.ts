/**
 * An article's description (meta description, feed summary): its first sentences up to
 * about 120 characters, cut after the last sentence end there (。！？ and their half-width
 * forms, …) when that leaves more than 40 characters, else at 120 with an ellipsis.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { loadArchive } from "../../src/content/load-archive.ts";
import { writeArchive, article, EDITION, PAGE } from "../helpers/archive.ts";

/** A sentence of `n` characters without punctuation, then `end`. */
const sentence = (n: number, end: string) => "职工".repeat(n).slice(0, n) + end;
const filler = "群众文化活动丰富多彩".repeat(12);

function descriptionOf(body: string): string {
  const dir = writeArchive({
    "2024-03/edition.json": EDITION,
    "2024-03/p1/page.json": PAGE,
    "2024-03/p1/a.md": article("title: 标题\norder: 1", body),
  });
  return loadArchive(dir).articles[0]!.description;
}

for (const end of ["。", "！", "？", "!", "?", "……"]) {
  test(`a long first paragraph is cut after its last sentence end ${end} within 120 characters`, () => {
    const first = sentence(50, end) + sentence(30, end);
    const body = first + filler;
    assert.ok(body.length > 120);
    assert.is(descriptionOf(body), first);
  });
}

test("a sentence end within the first 40 characters is not enough: cut at 120 with an ellipsis", () => {
  const body = sentence(20, "！") + filler;
  assert.is(descriptionOf(body), `${body.slice(0, 120)}…`);
});

test("a short paragraph is the description whole", () => {
  const body = sentence(30, "！") + sentence(30, "");
  assert.is(descriptionOf(body), body);
});

test.run();
