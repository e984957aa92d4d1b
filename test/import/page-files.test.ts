/**
 * `npm run import -- … --image FILE --pdf FILE`: the page's image and PDF are copied
 * into the page folder, byte for byte, page.json names them and the result loads;
 * a file of the wrong kind (extension or content) or a missing one stops the import
 * with one message, exit code 2, and nothing written; an image an earlier import
 * copied is replaced only with --force.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadArchive } from "../../src/content/load-archive.ts";
import { schematicPage } from "../../tools/schematic-page.ts";
import { ROOT, tempDir } from "../helpers/site.ts";

const SMALL = join(ROOT, "test/fixtures/import/small-page.txt");
const inputs = tempDir("import-inputs");
const drawn = schematicPage(["a01"], 120, 170);
const PNG = join(inputs, "scan.png");
writeFileSync(PNG, drawn.png);
const PDF = join(inputs, "scan.pdf");
writeFileSync(PDF, "%PDF-1.4\n%%EOF\n");

function runImport(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts/import.ts"), SMALL, "--date", "2024-03-01", "--page", "2", ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: r.status ?? 1, stderr: r.stderr };
}

test("--image and --pdf are copied beside the drafts, named in page.json, and the page loads with its image", () => {
  const content = join(tempDir("import-out"), "content");
  const r = runImport(["--out", content, "--image", PNG, "--pdf", PDF]);
  assert.is(r.status, 0, r.stderr);
  const dir = join(content, "2024-03-01/02");
  assert.equal(readFileSync(join(dir, "page.png")), drawn.png);
  assert.equal(readFileSync(join(dir, "page.pdf")), readFileSync(PDF));
  const data = JSON.parse(readFileSync(join(dir, "page.json"), "utf8")) as { image?: string; pdf?: string };
  assert.equal([data.image, data.pdf], ["page.png", "page.pdf"]);
  const page = loadArchive(content).pages[0]!;
  assert.equal([page.image?.width, page.image?.height], [drawn.width, drawn.height]);

  const again = runImport(["--out", content, "--image", PNG]);
  assert.is(again.status, 2, "a second import does not replace the image without --force");
  assert.match(again.stderr, /page\.png/);
});

for (const [name, args, message] of [
  ["an image of another format", (d: string) => ["--image", join(d, "scan.tif")], /--image .*scan\.tif: must end in \.jpg, \.jpeg, \.png, \.webp/],
  ["a PNG named .jpg", (d: string) => ["--image", join(d, "scan.jpg")], /--image .*scan\.jpg is a PNG file, not what its extension \.jpg says/],
  ["a PDF that is not one", (d: string) => ["--pdf", join(d, "fake.pdf")], /--pdf .*fake\.pdf is not a PDF/],
  ["a missing image", (d: string) => ["--image", join(d, "none.png")], /--image .*none\.png does not exist/],
] as const) {
  test(`${name}: exit 2, nothing written`, () => {
    writeFileSync(join(inputs, "scan.tif"), "II*\0");
    writeFileSync(join(inputs, "scan.jpg"), drawn.png);
    writeFileSync(join(inputs, "fake.pdf"), "not a pdf");
    const out = tempDir("import-out");
    const r = runImport(["--out", join(out, "content"), ...args(inputs)]);
    assert.is(r.status, 2, r.stderr);
    assert.match(r.stderr, message);
    assert.equal(readdirSync(out), [], "nothing written");
    assert.not.ok(existsSync(join(out, "content")));
  });
}

test.run();
