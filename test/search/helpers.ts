/**
 * Test helpers for the search tests: turn the shared corpus (jsonl) and the sample
 * content (content/**\/*.md) into search documents (those of the sample read back from a
 * real build's index), put them in a `<site>/search/documents.json` in a temporary
 * directory, build its index and open it through the same code the browser uses. Also a seeded random generator, so every random test is reproducible.
 */
import { rmSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SearchDocument, SearchDocuments } from "../../src/search/format/documents.ts";
import { writeCorpusArchive, type CorpusArticle } from "../../src/content/corpus.ts";
import { buildInto, ROOT, tempDir } from "../helpers/site.ts";
import { documentsPath } from "../../src/search/build/read-documents.ts";
import { readSiteDocuments } from "../../src/search/build/site-documents.ts";
import { buildIndex } from "../../src/search/build/build-index.ts";
import { SearchEngine } from "../../src/search/query/query-engine.ts";
import { nodePartSource } from "../../src/search/build/node-part-source.ts";

export { corpusFile } from "../helpers/corpus.ts";
export { readCorpus, type CorpusArticle } from "../../src/content/corpus.ts";
import { seededRandom } from "../helpers/random.ts";
export { seededRandom };

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

/** The sample archive's documents, as the real site build writes them. */
export function sampleDocuments(contentDir = join(ROOT, "content")): SearchDocuments {
  const site = buildInto(contentDir);
  return { version: 1, documents: readSiteDocuments(site) };
}

/**
 * Builds `articles` into an archive and a site with the real build (pages, documents,
 * index), opens its index as the browser would, and maps each input article to its
 * article number in the index.
 */
export async function buildCorpusSite(articles: readonly CorpusArticle[]): Promise<{ site: string; engine: SearchEngine; docOf: number[] }> {
  const content = join(tempDir("corpus"), "content");
  const slugs = writeCorpusArchive([...articles], content);
  const site = buildInto(content);
  const documents = readSiteDocuments(site);
  const number = new Map(documents.map((d, i) => [d.url, i]));
  const docOf = articles.map((a, i) => number.get(`${a.date ?? "undated"}/01/${slugs[i]}/`)!);
  return { site, engine: await SearchEngine.open(nodePartSource(site)), docOf };
}

/** A fresh temporary site directory holding `search/documents.json` (removed when the process exits). */
export function makeSite(documents: SearchDocuments): string {
  const dir = tempDir("search-site");
  mkdirSync(join(dir, "search"), { recursive: true });
  writeFileSync(documentsPath(dir), JSON.stringify(documents));
  return dir;
}

/** Removes a site before the process ends (a large one should not wait for the exit). */
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
