import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadArchive } from "../../src/content/load-archive.ts";
import { schematicPage } from "../../tools/schematic-page.ts";
import { writeArchive, article, contentErrorsOf, EDITION, PAGE } from "../helpers/archive.ts";

const W = 300;
const H = 420;
const PDF = "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

/** An edition of one page with two articles, a page image (PNG bytes made here) and `page` fields on top. */
function pageWithImage(page: Record<string, unknown>, files: Record<string, string | Buffer> = {}) {
  const drawn = schematicPage(["yi", "er"], W, H);
  const dir = writeArchive({
    "2024-03-01/edition.json": EDITION,
    "2024-03-01/p1/page.json": { ...PAGE, image: "page.png", pdf: "page.pdf", regions: drawn.regions, ...page },
    "2024-03-01/p1/yi.md": article("title: 第一篇\norder: 1"),
    "2024-03-01/p1/er.md": article("title: 第二篇\norder: 2"),
    "2024-03-01/p1/page.pdf": PDF,
  });
  writeFileSync(join(dir, "2024-03-01/p1/page.png"), drawn.png);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, "2024-03-01/p1", name), content);
  return { dir, drawn };
}

const errorOn = (dir: string, field: string) => contentErrorsOf(dir).filter((e) => e.file === "2024-03-01/p1/page.json" && e.field === field);

test("a page image's size is read from the file, and each region links its article", () => {
  const { dir, drawn } = pageWithImage({});
  const page = loadArchive(dir).pages[0]!;
  assert.is(page.image?.file, "page.png");
  assert.is(page.image?.width, drawn.width);
  assert.is(page.image?.height, drawn.height);
  assert.is(page.pdf?.file, "page.pdf");
  const [yi, er] = page.articles;
  assert.equal(page.image?.regions.map((r) => r.url), [yi!.url, er!.url]);
  const [x, y, w, h] = drawn.regions[0]!.rect;
  assert.is(page.image?.regions[0]?.points, `${x},${y} ${x + w},${y} ${x + w},${y + h} ${x},${y + h}`);
});

test("a polygon region is kept as drawn", () => {
  const { dir } = pageWithImage({ regions: [{ article: "er", polygon: [[0, 0], [300, 0], [150, 420]] }] });
  assert.is(loadArchive(dir).pages[0]!.image?.regions[0]?.points, "0,0 300,0 150,420");
});

test("a missing image or PDF is an error naming page.json and the field", () => {
  const { dir } = pageWithImage({ image: "scan.png", pdf: "scan.pdf" });
  assert.match(errorOn(dir, "image")[0]?.message ?? "", /scan\.png, which is not in the page folder/);
  assert.match(errorOn(dir, "pdf")[0]?.message ?? "", /scan\.pdf/);
});

test("a region naming an unknown article, or reaching outside the image, is an error", () => {
  const { dir } = pageWithImage({
    regions: [
      { article: "san", rect: [0, 0, 10, 10] },
      { article: "yi", rect: [W - 5, 0, 10, 10] },
      { article: "er", polygon: [[0, 0], [10, 0], [10, H + 1]] },
    ],
  });
  assert.match(errorOn(dir, "regions.0.article")[0]?.message ?? "", /"san", which is not an article of this page/);
  assert.match(errorOn(dir, "regions.1.rect")[0]?.message ?? "", new RegExp(`reaches \\(${W + 5}, 0\\), outside the image \\(${W} × ${H} pixels\\)`));
  assert.match(errorOn(dir, "regions.2.polygon")[0]?.message ?? "", /outside the image/);
});

test("a wrong extension, or a file that is not what its extension says, is an error", () => {
  assert.match(errorOn(pageWithImage({ image: "page.gif" }).dir, "image")[0]?.message ?? "", /must end in \.jpg, \.jpeg, \.png, \.webp/);
  assert.match(errorOn(pageWithImage({ pdf: "page.doc" }).dir, "pdf")[0]?.message ?? "", /must end in \.pdf/);
  const png = schematicPage(["yi"], 20, 20).png;
  assert.match(errorOn(pageWithImage({ image: "page.jpg" }, { "page.jpg": png }).dir, "image")[0]?.message ?? "", /is a PNG file, not what its extension \.jpg says/);
  assert.match(errorOn(pageWithImage({ image: "page.webp" }, { "page.webp": "not an image" }).dir, "image")[0]?.message ?? "", /not an image that can be read/);
  assert.match(errorOn(pageWithImage({ pdf: "fake.pdf" }, { "fake.pdf": "hello" }).dir, "pdf")[0]?.message ?? "", /is not a PDF/);
});

test("regions need an image and one shape each; an image page.json does not name is an unexpected file", () => {
  const { dir } = pageWithImage({ image: undefined, regions: [{ article: "yi" }] }, { "other.png": "x" });
  assert.match(errorOn(dir, "regions")[0]?.message ?? "", /give the image too/);
  assert.match(errorOn(dir, "regions.0")[0]?.message ?? "", /either rect/);
  assert.ok(contentErrorsOf(dir).some((e) => e.file === "2024-03-01/p1/page.png" && /unexpected file/.test(e.message)));
  assert.ok(contentErrorsOf(dir).some((e) => e.file === "2024-03-01/p1/other.png" && /unexpected file/.test(e.message)));
});

test("a page without an image has neither image nor pdf", () => {
  const dir = writeArchive({ "2024-03-01/edition.json": EDITION, "2024-03-01/p1/page.json": PAGE, "2024-03-01/p1/yi.md": article("title: 一\norder: 1") });
  const page = loadArchive(dir).pages[0]!;
  assert.is(page.image, undefined);
  assert.is(page.pdf, undefined);
});

test.run();
