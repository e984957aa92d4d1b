/**
 * Test archives: writes a small archive (edition.json, page.json, articles) into
 * a temporary folder, so tests state exactly the input they build.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { tempDir } from "./site.ts";
import { loadArchive } from "../../src/content/load-archive.ts";
import { ContentErrors, type ContentError } from "../../src/content/errors.ts";

export const EDITION = { date: { value: "2024-03-01", status: "stated" } };
export const PAGE = { number: { value: 1, status: "stated" }, name: { value: "要闻", status: "stated" } };

/** `files` maps paths inside the content folder to contents (objects become JSON). */
export function writeArchive(files: Record<string, string | object>): string {
  const dir = tempDir("content");
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), typeof content === "string" ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

/** An article file from front-matter lines and a body. */
export function article(frontMatter: string, body = "正文。"): string {
  return `---\n${frontMatter.trim()}\n---\n\n${body}\n`;
}

/** The content errors of loading `dir` (none when it loads). */
export function contentErrorsOf(dir: string): ContentError[] {
  try {
    loadArchive(dir);
  } catch (e) {
    if (e instanceof ContentErrors) return e.errors;
    throw e;
  }
  return [];
}

/** The content errors of loading `dir`, which must have some. */
export function expectContentErrors(dir: string): ContentError[] {
  const errors = contentErrorsOf(dir);
  if (errors.length === 0) throw new Error(`expected content errors in ${dir}`);
  return errors;
}
