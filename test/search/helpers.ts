/**
 * Test helpers for the search tests: turn the shared corpus (jsonl) and the sample
 * content (content/**\/*.md) into a `<site>/search/documents.json` in a temporary
 * directory, as the site build will, and open the built index through the same code the
 * browser uses. Also a seeded random generator, so every random test is reproducible.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import matter from "gray-matter";
import { test } from "uvu";
import type { SearchDocument, SearchDocuments } from "../../src/search/documents.ts";
import { documentsPath } from "../../src/search/documents.ts";
import { buildIndex } from "../../scripts/build-index.ts";
import { SearchEngine } from "../../src/search/query-engine.ts";
import { nodePartSource } from "../../src/search/node-part-source.ts";

export const repoRoot = resolve(new URL("../..", import.meta.url).pathname);

/** The corpus folder: env BANMIAN_CORPUS, else ../shared/corpus next to the repo. */
export function corpusDir(): string {
  return resolve(repoRoot, process.env.BANMIAN_CORPUS ?? "../shared/corpus");
}

/**
 * The path of a corpus file, or undefined when it is absent, in which case the calling
 * test file should skip (with the message printed here) — except under CI=true, where a
 * missing corpus is an error.
 */
export function corpusFile(name: string): string | undefined {
  const path = join(corpusDir(), name);
  if (existsSync(path)) return path;
  const message = `corpus file ${path} not found (set BANMIAN_CORPUS to the corpus folder)`;
  if (process.env.CI === "true") throw new Error(`${message}; the corpus is required in CI`);
  console.log(`SKIP: ${message}`);
  return undefined;
}

export interface CorpusArticle {
  id: string;
  title: string;
  date: string | null;
  category: string | null;
  body: string;
}

/** The first `limit` articles of a corpus jsonl file. */
export function readCorpus(path: string, limit = Number.POSITIVE_INFINITY): CorpusArticle[] {
  const out: CorpusArticle[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (out.length >= limit) break;
    if (line.trim() === "") continue;
    out.push(JSON.parse(line) as CorpusArticle);
  }
  return out;
}

/** Corpus articles as documents.json entries (category as column, paragraphs split on blank lines). */
export function corpusToDocuments(articles: readonly CorpusArticle[]): SearchDocuments {
  return {
    version: 1,
    documents: articles.map((a): SearchDocument => {
      const doc: SearchDocument = {
        id: a.id,
        url: `articles/${encodeURIComponent(a.id)}/`,
        title: a.title,
        people: [],
        date: a.date,
        edition: a.date ?? "unknown",
        page: { id: "page-unknown", label: "版次不详" },
        body: a.body.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== ""),
      };
      if (a.category) doc.column = a.category;
      return doc;
    }),
  };
}

/**
 * The sample archive under content/ as documents (until the site build writes
 * documents.json itself): front matter for the headings, the Markdown body as
 * paragraphs, `## ` subheads as paragraphs, editorial `::: gap` notes left out.
 */
export function sampleDocuments(contentDir = join(repoRoot, "content")): SearchDocuments {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, name.name);
      if (name.isDirectory()) walk(path);
      else if (name.name.endsWith(".md")) files.push(path);
    }
  };
  if (existsSync(contentDir)) walk(contentDir);
  const docs = files.map((file) => {
    const { data, content } = matter(readFileSync(file, "utf8"));
    const rel = relative(contentDir, file).replace(/\.md$/, "");
    const [edition = "", page = ""] = rel.split("/");
    const paragraphs: string[] = [];
    let inGap = false;
    for (const block of content.split(/\n\s*\n/)) {
      const lines = block.split("\n").filter((l) => {
        if (/^:::\s*gap\b/.test(l.trim())) {
          inGap = true;
          return false;
        }
        if (l.trim() === ":::") {
          inGap = false;
          return false;
        }
        return !inGap;
      });
      const text = lines.join("").replace(/^#+\s*/, "").trim();
      if (text !== "") paragraphs.push(text);
    }
    const doc: SearchDocument = {
      id: rel,
      url: `${rel}/`,
      title: String(data.title),
      people: Array.isArray(data.people) ? data.people : [],
      date: edition.match(/^\d{4}(-\d{2}(-\d{2})?)?$/) ? edition : null,
      edition,
      page: { id: page, label: "版次不详" },
      body: paragraphs,
    };
    for (const key of ["kicker", "subtitle", "column", "byline", "readingTip", "caption"] as const) {
      if (typeof data[key] === "string") doc[key] = data[key];
    }
    return { doc, order: typeof data.order === "number" ? data.order : 0 };
  });
  docs.sort((a, b) => a.doc.edition.localeCompare(b.doc.edition) || a.order - b.order || (a.doc.id < b.doc.id ? -1 : 1));
  return { version: 1, documents: docs.map((d) => d.doc) };
}

/** A fresh temporary site directory holding `search/documents.json`. */
export function makeSite(documents: SearchDocuments): string {
  const dir = mkdtempSync(join(tmpdir(), "banmian-search-site-"));
  mkdirSync(join(dir, "search"), { recursive: true });
  writeFileSync(documentsPath(dir), JSON.stringify(documents));
  return dir;
}

export function removeSite(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Builds the index of a site and opens it as the browser would (parts by name). */
export async function buildAndOpen(documents: SearchDocuments): Promise<{ dir: string; engine: SearchEngine }> {
  const dir = makeSite(documents);
  await buildIndex(dir);
  const engine = await SearchEngine.open(nodePartSource(dir));
  return { dir, engine };
}

/** Mulberry32: a small seeded PRNG, so random tests draw the same cases every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A substring drawn for a known-item query: the article it came from and the text. */
export interface DrawnQuery {
  doc: number;
  text: string;
}

/**
 * Draws `count` random substrings of 2 to 8 characters from the titles and bodies of the
 * articles, each inside one run of Chinese characters (seeded: the same every run).
 * Articles are drawn uniformly, then a character position uniformly within the article.
 */
export function drawSubstrings(articles: readonly CorpusArticle[], count: number, seed: number): DrawnQuery[] {
  const rnd = seededRandom(seed);
  const out: DrawnQuery[] = [];
  while (out.length < count) {
    const doc = Math.floor(rnd() * articles.length);
    const a = articles[doc]!;
    const runs = [a.title, a.body].flatMap((t) => [...t.matchAll(/\p{sc=Han}{2,}/gu)].map((m) => [...m[0]]));
    const total = runs.reduce((sum, r) => sum + r.length, 0);
    if (total === 0) continue;
    let pick = Math.floor(rnd() * total);
    let run = runs[0]!;
    for (const r of runs) {
      if (pick < r.length) {
        run = r;
        break;
      }
      pick -= r.length;
    }
    const length = 2 + Math.floor(rnd() * (Math.min(8, run.length) - 1));
    const start = Math.floor(rnd() * (run.length - length + 1));
    out.push({ doc, text: run.slice(start, start + length).join("") });
  }
  return out;
}

/** Registers a single skipped test explaining why a suite could not run. */
export function skipSuite(name: string, why: string): void {
  console.log(`SKIP ${name}: ${why}`);
  test.skip(`${name} (${why})`, () => {});
}
