/**
 * Load archive: reads a content folder (editions › pages › articles), validates
 * every file against the schema and returns the model, or throws one
 * ContentErrors listing every problem of every file at once. The site build and
 * the search index both start here, so they agree on what an archive is.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, basename } from "node:path";
import type { z } from "zod";
import { articleSchema, editionSchema, pageSchema, slug as slugSchema } from "./schema.ts";
import { parseByline } from "./byline.ts";
import { renderBody } from "./markdown.ts";
import { readFrontMatter, FrontMatterError, type FrontMatter } from "./front-matter.ts";
import { ContentErrors, type ContentError } from "./errors.ts";
import { dateLabel, dateSortKey, pageLabel } from "./labels.ts";
import { listingSlug } from "./listing-slug.ts";
import type { Archive, Article, Edition, Listing, Page } from "./model.ts";

export const EDITION_FILE = "edition.json";
export const PAGE_FILE = "page.json";
/** The archive's identity, read by src/content/archive-identity.ts. */
export const ARCHIVE_FILE = "archive.json";

export function loadArchive(contentDir: string): Archive {
  const errors: ContentError[] = [];
  const rel = (path: string) => relative(contentDir, path) || ".";
  const report = (file: string, field: string, message: string) => errors.push({ file: rel(file), field, message });

  const editions: Edition[] = [];
  if (!isDir(contentDir)) throw new ContentErrors([{ file: contentDir, field: "-", message: "content folder does not exist" }]);
  for (const editionName of subdirs(contentDir)) {
    const editionDir = join(contentDir, editionName);
    const edition = loadEdition(editionDir, editionName, report);
    if (edition) editions.push(edition);
  }
  for (const stray of files(contentDir).filter((f) => !f.startsWith(".") && f !== ARCHIVE_FILE)) {
    report(join(contentDir, stray), "-", "files belong in an edition folder (content/EDITION/PAGE/article.md)");
  }
  if (editions.length === 0 && errors.length === 0) {
    report(contentDir, "-", "no edition found: expected content/EDITION/edition.json");
  }
  if (errors.length) throw new ContentErrors(errors);

  editions.sort((a, b) => b.sortKey.localeCompare(a.sortKey) || a.id.localeCompare(b.id));
  const pages = editions.flatMap((e) => e.pages);
  const articles = pages.flatMap((p) => p.articles);
  const columns = listings(articles, (a) => (a.column ? [a.column] : []), "columns");
  const people = listings(articles, (a) => a.people.map((p) => p.name), "people");
  const columnUrl = new Map(columns.map((l) => [l.name, l.url]));
  const personUrl = new Map(people.map((l) => [l.name, l.url]));
  for (const a of articles) {
    a.columnUrl = a.column ? columnUrl.get(a.column) : undefined;
    for (const p of a.people) p.url = personUrl.get(p.name)!;
  }
  return { editions, pages, articles, columns, people };
}

type Report = (file: string, field: string, message: string) => void;

function loadEdition(dir: string, id: string, report: Report): Edition | undefined {
  const dataFile = join(dir, EDITION_FILE);
  if (!checkSlug(id, dir, report)) return undefined;
  const data = readJson(dataFile, editionSchema, report);
  const pages: Page[] = [];
  const slugs = new Map<string, string>();
  const editionUrl = `${id}/`;
  const date = data ? { value: data.date.value, status: data.date.status, note: data.date.note } : undefined;
  const dateText = date ? dateLabel(date) : "";
  for (const pageName of subdirs(dir)) {
    const page = loadPage(join(dir, pageName), id, pageName, { id, url: editionUrl, dateLabel: dateText, date: date?.value ?? null }, slugs, report);
    if (page) pages.push(page);
  }
  for (const stray of files(dir).filter((f) => f !== EDITION_FILE && !f.startsWith("."))) {
    report(join(dir, stray), "-", "articles belong in a page folder (EDITION/PAGE/article.md)");
  }
  if (!data || !date) return undefined;
  pages.sort((a, b) => (a.number.value ?? Infinity) - (b.number.value ?? Infinity) || a.slug.localeCompare(b.slug));
  return {
    id,
    url: editionUrl,
    date,
    dateRange: data.dateRange,
    dateLabel: dateText,
    sortKey: dateSortKey(date, data.dateRange),
    paper: data.paper ? { value: data.paper.name, status: data.paper.status, note: data.paper.note } : { value: null, status: "unknown" },
    note: data.note,
    pages,
  };
}

function loadPage(dir: string, editionId: string, slug: string, edition: Article["edition"], slugs: Map<string, string>, report: Report): Page | undefined {
  if (!checkSlug(slug, dir, report)) return undefined;
  const data = readJson(join(dir, PAGE_FILE), pageSchema, report);
  const url = `${editionId}/${slug}/`;
  const label = data ? pageLabel(data.number, data.name) : "";
  const printPage = { id: `${editionId}/${slug}`, url, label };
  const articles: Article[] = [];
  for (const name of files(dir)) {
    if (name === PAGE_FILE || name.startsWith(".")) continue;
    const file = join(dir, name);
    if (!name.endsWith(".md")) {
      report(file, "-", "unexpected file: a page folder holds page.json and Markdown articles (.md)");
      continue;
    }
    const article = loadArticle(file, edition, printPage, report);
    if (!article) continue;
    const seen = slugs.get(article.slug);
    if (seen) report(file, "slug", `duplicate slug "${article.slug}" in edition ${editionId} (also ${seen})`);
    else slugs.set(article.slug, article.file);
    articles.push(article);
  }
  if (!data) return undefined;
  articles.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  articles.forEach((a, i) => {
    const prev = articles[i - 1];
    const next = articles[i + 1];
    a.prev = prev && { title: prev.title, url: prev.url };
    a.next = next && { title: next.title, url: next.url };
  });
  return {
    id: printPage.id,
    slug,
    editionId,
    edition,
    url,
    number: data.number,
    name: data.name,
    label,
    unplaced: data.unplaced ?? [],
    articles,
  };
}

function loadArticle(file: string, edition: Article["edition"], printPage: Article["printPage"], report: Report): Article | undefined {
  let parsed: FrontMatter;
  try {
    parsed = readFrontMatter(readFileSync(file, "utf8"));
  } catch (error) {
    const message = (error as Error).message.split("\n")[0] ?? "";
    report(file, "front matter", error instanceof FrontMatterError ? message : `cannot be read as YAML: ${message}`);
    return undefined;
  }
  const result = articleSchema.safeParse(parsed.data);
  if (!result.success) {
    for (const issue of result.error.issues) report(file, fieldOf(issue), issue.message);
  }
  const body = renderBody(parsed.content);
  const hasText = body.blocks.some((b) => b.kind !== "gap");
  const fm = result.success ? result.data : undefined;
  if (!hasText && !(fm?.caption ?? (parsed.data as { caption?: unknown }).caption)) {
    report(file, "body", "is empty (only a photo with a caption may have no body)");
  }
  const slug = fm?.slug ?? basename(file, ".md");
  if (!fm?.slug && !slugSchema.safeParse(slug).success) {
    report(file, "slug", `file name "${basename(file)}" does not make a valid slug (lower-case ASCII letters, digits, hyphens); rename it or set slug`);
  }
  if (!fm || !hasText && !fm.caption) return undefined;

  const parsedByline = fm.byline ? parseByline(fm.byline) : { source: undefined, people: [] };
  const people = [...(fm.people ?? parsedByline.people)];
  if (fm.credit && !fm.people) {
    for (const p of parseByline(fm.credit).people) people.push({ name: p.name, role: "摄影" });
  }
  const paragraphs = body.blocks.filter((b) => b.kind === "paragraph").map((b) => b.text);
  if (fm.caption) paragraphs.push(fm.caption);
  return {
    id: `${printPage.id}/${slug}`,
    slug,
    url: `${printPage.url}${slug}/`,
    file: `${printPage.id}/${basename(file)}`,
    editionId: edition.id,
    pageId: printPage.id,
    edition,
    printPage,
    order: fm.order,
    title: fm.title,
    kicker: fm.kicker,
    subtitle: fm.subtitle,
    column: fm.column,
    byline: fm.byline,
    source: fm.source ?? parsedByline.source ?? (fm.credit ? parseByline(fm.credit).source : undefined),
    people: people.map((p) => ({ ...p, url: "" })), // listing URLs are known once every article is loaded
    readingTip: fm.readingTip,
    caption: fm.caption,
    credit: fm.credit,
    affiliation: fm.affiliation,
    ending: fm.ending,
    endingNote: fm.endingNote,
    tags: fm.tags ?? [],
    bodyHtml: body.html,
    blocks: body.blocks,
    description: summarize(fm.readingTip ?? leadText(paragraphs)),
  };
}

/** The opening paragraphs, enough to say something: a diary's "4月25日 星期二 晴" alone is not a summary. */
function leadText(paragraphs: string[]): string {
  let text = "";
  for (const p of paragraphs) {
    text += (text ? " " : "") + p;
    if (text.length >= 60) break;
  }
  return text;
}

/** The first sentences, up to about 120 characters: what a search engine or feed reader shows. */
function summarize(text: string): string {
  if (text.length <= 120) return text;
  const cut = text.slice(0, 120);
  const end = Math.max(cut.lastIndexOf("。"), cut.lastIndexOf("!"), cut.lastIndexOf("?"), cut.lastIndexOf("!"));
  return end > 40 ? cut.slice(0, end + 1) : `${cut}…`;
}

function listings(articles: Article[], keys: (a: Article) => string[], base: string): Listing[] {
  const byName = new Map<string, Article[]>();
  for (const a of articles) {
    for (const key of new Set(keys(a))) {
      const list = byName.get(key) ?? [];
      list.push(a);
      byName.set(key, list);
    }
  }
  const used = new Set<string>();
  return [...byName.keys()]
    .sort((a, b) => a.localeCompare(b, "zh-Hans-CN"))
    .map((name) => {
      const slug = listingSlug(name, used);
      return { name, slug, url: `${base}/${slug}/`, articles: byName.get(name)! };
    });
}

function readJson<S extends z.ZodType>(file: string, schema: S, report: Report): z.infer<S> | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    report(file, "-", e.code === "ENOENT" ? "is missing" : `is not valid JSON: ${e.message}`);
    return undefined;
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) report(file, fieldOf(issue), issue.message);
  return undefined;
}

function fieldOf(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return issue.keys.join(", ");
  return issue.path.length ? issue.path.join(".") : "-";
}

function checkSlug(name: string, dir: string, report: Report): boolean {
  if (slugSchema.safeParse(name).success) return true;
  report(dir, "folder name", `"${name}" must be lower-case ASCII letters, digits and hyphens (it becomes part of every URL)`);
  return false;
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function subdirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith(".") && !d.name.startsWith("_")).map((d) => d.name).sort();
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name).sort();
}
