/**
 * Corpus: converts news articles in JSON lines (`{id, title, date, category,
 * body}`, paragraphs separated by blank lines) into an archive in the content
 * format: one edition per date, one page per edition, one article per line.
 * Tests and the benchmark build real-sized archives with it; the corpus text
 * itself never enters the repository. `repeatCorpus` makes archives larger than
 * the corpus (10⁵–10⁶ articles) out of dated copies of it, to measure scale.
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

const DAY = 86_400_000;

/**
 * `count` articles: the corpus as it is, then copies of it, each shifted back in
 * time past the one before (so no two copies share an edition) by whole weeks (so
 * weekdays stay true), with `(副本K)` after each copy's title and `-rK` after its
 * id, so a copy can be told apart from its original and searched for.
 */
export function repeatCorpus(articles: CorpusArticle[], count: number): CorpusArticle[] {
  const days = articles.flatMap((a) => (a.date ? [Date.parse(`${a.date}T00:00:00Z`)] : []));
  if (articles.length === 0) throw new Error("the corpus is empty: nothing to repeat");
  const span = days.length ? (days.reduce((a, b) => Math.max(a, b)) - days.reduce((a, b) => Math.min(a, b))) / DAY + 1 : 0;
  const shiftDays = Math.ceil(span / 7) * 7 || 7;
  const out: CorpusArticle[] = [];
  for (let copy = 0; out.length < count; copy++) {
    for (const a of articles) {
      if (out.length >= count) break;
      if (copy === 0) {
        out.push(a);
        continue;
      }
      const date = a.date ? new Date(Date.parse(`${a.date}T00:00:00Z`) - copy * shiftDays * DAY).toISOString().slice(0, 10) : null;
      out.push({ ...a, id: `${a.id}-r${copy}`, title: `${a.title}(副本${copy})`, date });
    }
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
