/**
 * Next edition: the edition the scale benchmark adds to a built archive to measure what
 * publishing one day costs. Its articles are the ones that follow the archive's in the
 * order of scripts/corpus-to-content.ts --repeat (src/content/corpus.ts `repeatCorpus`):
 * real corpus text, not yet in the archive, dated the day after the archive's newest
 * edition, so the edition is new and the newest, as a paper's next day is.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { repeatCorpus, writeCorpusArchive, type CorpusArticle } from "../src/content/corpus.ts";

/** The latest date an archive's editions give (their `date` value or `dateRange.latest`), as YYYY-MM-DD. */
export function newestEditionDate(content: string): string {
  let newest = "";
  for (const e of readdirSync(content, { withFileTypes: true })) {
    const file = join(content, e.name, "edition.json");
    if (!e.isDirectory() || !existsSync(file)) continue;
    const edition = JSON.parse(readFileSync(file, "utf8")) as { date?: { value?: string | null }; dateRange?: { latest?: string } };
    for (const d of [edition.date?.value, edition.dateRange?.latest]) if (typeof d === "string" && d > newest) newest = d;
  }
  if (!newest) throw new Error(`${content}: no edition with a date, so no next day to add an edition on`);
  // A date of a month or a year stands for its last day, so the next day is after all of it.
  const [y, m = 12, d] = newest.split("-").map(Number) as [number, number?, number?];
  const last = d ?? new Date(Date.UTC(y, m, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1, last) + 86_400_000).toISOString().slice(0, 10);
}

/** Articles following the first `have` of the repeated corpus, `count` of them, dated `date`. */
export function nextArticles(corpus: CorpusArticle[], have: number, count: number, date: string): CorpusArticle[] {
  return repeatCorpus(corpus, have + count)
    .slice(have)
    .map((a) => ({ ...a, date }));
}

/** Writes the next edition into `content`; returns its folder name (its date) and its number of articles. */
export function addNextEdition(corpus: CorpusArticle[], content: string, have: number, count: number): { edition: string; articles: number } {
  const date = newestEditionDate(content);
  if (existsSync(join(content, date))) throw new Error(`${join(content, date)} exists already: cannot add the edition of ${date}`);
  const articles = nextArticles(corpus, have, count, date);
  writeCorpusArchive(articles, content);
  return { edition: date, articles: articles.length };
}

/** The number of articles (Markdown files in page folders) of an archive. */
export function countArticles(content: string): number {
  return readdirSync(content, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(".md")).length;
}
