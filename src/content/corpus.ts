/**
 * Corpus: converts news articles in JSON lines (`{id, title, date, category,
 * body}`, paragraphs separated by blank lines) into an archive in the content
 * format: one edition per date, one page per edition, one article per line.
 * Tests and the benchmark build real-sized archives with it; the corpus text
 * itself never enters the repository.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { escapeMarkdown } from "./markdown-escape.ts";

export interface CorpusArticle {
  id: string;
  title: string;
  date: string | null;
  category: string | null;
  body: string;
}

/** The first `limit` articles of a JSON-lines file. */
export function readCorpus(file: string, limit = Infinity): CorpusArticle[] {
  const out: CorpusArticle[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (out.length >= limit) break;
    if (line.trim()) out.push(JSON.parse(line) as CorpusArticle);
  }
  return out;
}

export function articleSlug(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]+/gu, "-").replace(/^-+|-+$/gu, "") || "article";
}

/** Writes `articles` as an archive under `dir`; returns the article slugs in input order. */
export function writeCorpusArchive(articles: CorpusArticle[], dir: string): string[] {
  const byEdition = new Map<string, CorpusArticle[]>();
  for (const a of articles) {
    const edition = a.date ?? "undated";
    byEdition.set(edition, [...(byEdition.get(edition) ?? []), a]);
  }
  const slugs = new Map<CorpusArticle, string>();
  for (const [edition, list] of byEdition) {
    const pageDir = join(dir, edition, "01");
    mkdirSync(pageDir, { recursive: true });
    const date = edition === "undated" ? { value: null, status: "unknown", note: "语料未给出日期" } : { value: edition, status: "stated" };
    writeFileSync(join(dir, edition, "edition.json"), JSON.stringify({ date }, null, 2));
    const unknown = { value: null, status: "unknown", note: "语料没有版面信息" };
    writeFileSync(join(pageDir, "page.json"), JSON.stringify({ number: unknown, name: unknown }, null, 2));
    const used = new Set<string>();
    list.forEach((a, i) => {
      let slug = articleSlug(a.id);
      while (used.has(slug)) slug += "-x";
      used.add(slug);
      slugs.set(a, slug);
      const front = [`title: ${JSON.stringify(a.title)}`, ...(a.category ? [`column: ${JSON.stringify(a.category)}`] : []), `order: ${i + 1}`];
      const body = a.body.split(/\n\s*\n/u).map((p) => escapeMarkdown(p.replace(/\s*\n\s*/gu, " ").trim())).filter(Boolean).join("\n\n");
      writeFileSync(join(pageDir, `${slug}.md`), `---\n${front.join("\n")}\n---\n\n${body}\n`);
    });
  }
  return articles.map((a) => slugs.get(a)!);
}
