/**
 * Sample with a page image: a copy of the sample archive whose page names a
 * schematic page image (tools/schematic-page.ts) with a region for every article,
 * and a PDF, so the page view with its image can be built, checked (axe, the HTML
 * checker, Lighthouse) and photographed. The sample has no scan of its page; the
 * copy is made in a folder the caller gives, never in content/.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import matter from "gray-matter";
import { schematicPage } from "./schematic-page.ts";

export const SAMPLE = fileURLToPath(new URL("../content", import.meta.url));

/** A PDF reader opens this as an empty page; enough to link and to copy. */
const EMPTY_PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

/** Copies the sample into `dir` and gives every page an image and a PDF; returns `dir`. */
export function writeSampleWithPageImage(dir: string): string {
  cpSync(SAMPLE, dir, { recursive: true });
  for (const edition of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const page of readdirSync(join(dir, edition.name), { withFileTypes: true }).filter((e) => e.isDirectory())) {
      const folder = join(dir, edition.name, page.name);
      const slugs = readdirSync(folder).filter((f) => f.endsWith(".md")).map((f) => slugOf(join(folder, f)));
      const drawn = schematicPage(slugs, 900, 1260);
      writeFileSync(join(folder, "page.png"), drawn.png);
      writeFileSync(join(folder, "page.pdf"), EMPTY_PDF);
      const data = JSON.parse(readFileSync(join(folder, "page.json"), "utf8")) as Record<string, unknown>;
      writeFileSync(join(folder, "page.json"), JSON.stringify({ ...data, image: "page.png", pdf: "page.pdf", regions: drawn.regions }, null, 2));
    }
  }
  return dir;
}

/** An article's slug: its `slug` field, else its file name. */
function slugOf(file: string): string {
  const { slug } = matter(readFileSync(file, "utf8")).data as { slug?: string };
  return slug ?? basename(file, ".md");
}
