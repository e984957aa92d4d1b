/**
 * Pagination (src/site/pagination.ts): every item on exactly one page, pages of
 * a fixed size numbered from the oldest, and new items changing only the newest
 * page (the index) until it fills, so older pages keep their content and address.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { paginate, PAGE_SIZE } from "../../src/site/pagination.ts";

/** A list of `n` items, newest first, as listings are. */
const newestFirst = (n: number) => Array.from({ length: n }, (_, i) => n - i);

test("a short list is one page, the index, without a pager", () => {
  const pages = paginate(newestFirst(30), "columns/x/");
  assert.is(pages.length, 1);
  assert.is(pages[0]!.url, "columns/x/");
  assert.equal(pages[0]!.pager.links, []);
});

test("every item is on exactly one page; numbered pages are full, the index holds the rest", () => {
  for (const n of [50, 99, 100, 149, 150, 1234]) {
    const pages = paginate(newestFirst(n), "p/");
    assert.equal(pages.flatMap((p) => p.items).sort((a, b) => a - b), newestFirst(n).reverse(), `${n}: each item once`);
    for (const p of pages.slice(0, -1)) assert.is(p.items.length, PAGE_SIZE, `${n}: page ${p.number} is full`);
    const index = pages.at(-1)!;
    assert.is(index.url, "p/");
    assert.ok(index.items.length >= PAGE_SIZE && index.items.length < 2 * PAGE_SIZE, `${n}: the index holds ${index.items.length}`);
    assert.is(index.items[0], n, "newest first");
  }
});

test("new items change only the index until it fills; older pages keep their items and address", () => {
  let before = paginate(newestFirst(260), "p/");
  for (let n = 261; n <= 420; n++) {
    const after = paginate(newestFirst(n), "p/");
    for (const old of before.filter((p) => !p.isNewest)) {
      const same = after.find((p) => p.number === old.number)!;
      assert.equal([same.url, same.items], [old.url, old.items], `page ${old.number} unchanged at ${n} items`);
    }
    before = after;
  }
});

test("the pager steps to newer and older pages and marks the current one", () => {
  const pages = paginate(newestFirst(500), "p/");
  const third = pages.find((p) => p.number === 3)!;
  assert.is(third.pager.newer, "p/page/4/");
  assert.is(third.pager.older, "p/page/2/");
  assert.equal(third.pager.links.filter((l) => l?.current).map((l) => l!.url), ["p/page/3/"]);
  assert.is(third.pager.links[0]!.label, "最新");
  assert.is(pages.at(-1)!.pager.newer, undefined);
  assert.is(pages[0]!.pager.older, undefined);
});

test.run();
