/**
 * Load archive: reads a content folder (editions › pages › articles), validates
 * every file against the schema and returns the model, or throws one
 * ContentErrors listing every problem of every file at once. The site build and
 * the search index both start here, so they agree on what an archive is.
 *
 * Every entry of every folder is either loaded or reported (folder-entries.ts),
 * every file is read as checked UTF-8 text (text-file.ts), and a file with one
 * error is still checked for the others, so one build lists them all.
 */
import { statSync } from "node:fs";
import { join, relative, basename } from "node:path";
import type { z } from "zod";
import { articleFields, articleRules, editionRules, editionFields, pageRules, pageFields, slug as slugSchema, SLUG_MAX, type RuleIssue } from "./schema.ts";
import { parseByline } from "./byline.ts";
import { renderBody } from "./markdown.ts";
import { readFrontMatter, FrontMatterError, type FrontMatter } from "./front-matter.ts";
import { ContentErrors, type ContentError } from "./errors.ts";
import { dateLabel, dateSortKey, pageLabel } from "./labels.ts";
import { listingSlug } from "./listing-slug.ts";
import { folderEntries, type FolderEntry } from "./folder-entries.ts";
import { readTextFile, forbiddenCharacter, describeCharacter } from "./text-file.ts";
import { RESERVED_EDITION_NAMES } from "./reserved-names.ts";
import { shortTitle } from "./short-title.ts";
import { endOfLastSentence } from "./sentence-ends.ts";
import { pageFileNames, resolvePageFiles } from "./page-image.ts";
import type { Archive, Article, ArticleSummary, Edition, Listing, Page } from "./model.ts";

export const EDITION_FILE = "edition.json";
export const PAGE_FILE = "page.json";
/** The archive's identity, read by src/content/archive-identity.ts. */
export const ARCHIVE_FILE = "archive.json";

type Report = (file: string, field: string, message: string) => void;

interface Context {
  root: string;
  report: Report;
}

export function loadArchive(contentDir: string): Archive {
  const editions: Edition[] = [];
  scanArchive(contentDir, (edition) => editions.push(edition));
  return assembleArchive(editions);
}

/**
 * Reads and validates the archive one edition at a time, handing each valid
 * edition to `visit` as soon as it is read (so a caller can keep only what it
 * needs of it), then throws one ContentErrors listing every problem of the
 * whole archive, if there was any. Editions come in folder order.
 */
export function scanArchive(contentDir: string, visit: (edition: Edition) => void, known?: (folder: string, name: string) => boolean): void {
  const { errors, ctx } = collector(contentDir);
  const { report } = ctx;
  if (!isDir(contentDir)) throw new ContentErrors([{ file: contentDir, field: "-", message: "content folder does not exist" }]);
  let folders = 0;
  for (const entry of entries(contentDir, ctx)) {
    if (entry.kind === "problem") report(entry.path, "-", entry.problem!);
    else if (entry.kind === "file") {
      if (entry.name !== ARCHIVE_FILE) report(entry.path, "-", "files belong in an edition folder (content/EDITION/PAGE/article.md)");
    }
    else {
      folders++;
      // An edition the caller knows unchanged since it last read it (`known`) is not read again.
      if (known?.(entry.path, entry.name)) continue;
      const edition = loadEdition(entry.path, entry.name, ctx);
      if (edition) visit(edition);
    }
  }
  if (folders === 0) report(contentDir, "-", "no edition found: expected content/EDITION/edition.json");
  if (errors.length) throw new ContentErrors(errors);
}

/**
 * The editions named by `ids` (folder names), read in full, in archive order:
 * what one shard of the sharded build renders, after a scan of the whole
 * archive found no error. Any error found now (a file changed since) is thrown.
 */
export function loadEditions(contentDir: string, ids: readonly string[]): Edition[] {
  const { errors, ctx } = collector(contentDir);
  const wanted = new Set(ids);
  const editions: Edition[] = [];
  for (const entry of entries(contentDir, ctx)) {
    if (entry.kind !== "folder" || !wanted.has(entry.name)) continue;
    wanted.delete(entry.name);
    const edition = loadEdition(entry.path, entry.name, ctx);
    if (edition) editions.push(edition);
  }
  for (const id of wanted) ctx.report(join(contentDir, id), "-", "is missing (it was there when the build began)");
  if (errors.length) throw new ContentErrors(errors);
  return editions.sort(byArchiveOrder);
}

/** Newest first; editions of one date by folder name. */
export function byArchiveOrder(a: Pick<Edition, "sortKey" | "id">, b: Pick<Edition, "sortKey" | "id">): number {
  return b.sortKey.localeCompare(a.sortKey) || a.id.localeCompare(b.id);
}

/**
 * The archive of `editions` (any order): sorted, flattened, with the column and
 * person listings and every article's listing URLs. Works on full articles and
 * on summaries alike.
 */
export function assembleArchive<A extends ArticleSummary>(editions: Edition<A>[]): Archive<A> {
  editions.sort(byArchiveOrder);
  const pages = editions.flatMap((e) => e.pages);
  const articles = pages.flatMap((p) => p.articles);
  const columns = listings(articles, (a) => (a.column ? [a.column] : []), "columns");
  const people = listings(articles, (a) => a.people.map((p) => p.name), "people");
  setListingUrls(articles, new Map(columns.map((l) => [l.name, l.url])), new Map(people.map((l) => [l.name, l.url])));
  return { editions, pages, articles, columns, people };
}

/** Points every article at its column's and its people's listing pages. */
export function setListingUrls(articles: readonly ArticleSummary[], columnUrl: ReadonlyMap<string, string>, personUrl: ReadonlyMap<string, string>): void {
  for (const a of articles) {
    a.columnUrl = a.column ? columnUrl.get(a.column) : undefined;
    for (const p of a.people) p.url = personUrl.get(p.name)!;
  }
}

function collector(contentDir: string): { errors: ContentError[]; ctx: Context } {
  const errors: ContentError[] = [];
  const rel = (path: string) => relative(contentDir, path) || ".";
  const report: Report = (file, field, message) => errors.push({ file: rel(file), field, message });
  return { errors, ctx: { root: contentDir, report } };
}

/** A folder's entries; one that cannot be listed is reported and reads as empty. */
function entries(dir: string, ctx: Context): FolderEntry[] {
  try {
    return folderEntries(dir, ctx.root);
  } catch (error) {
    ctx.report(dir, "-", `cannot be read: ${(error as Error).message}`);
    return [];
  }
}

function loadEdition(dir: string, id: string, ctx: Context): Edition | undefined {
  const { report } = ctx;
  // A bad name is reported and the folder still checked, so one pass finds every error in it.
  const nameOk = checkSlug(id, dir, report);
  if (nameOk && RESERVED_EDITION_NAMES.includes(id)) {
    report(dir, "folder name", `"${id}" is reserved: the site writes its own ${id}/ folder at its root (reserved: ${RESERVED_EDITION_NAMES.join(", ")})`);
  }
  const pages: Page[] = [];
  const slugs = new Map<string, string>();
  const editionUrl = `${id}/`;
  const list = entries(dir, ctx);
  const dataEntry = list.find((e) => e.name === EDITION_FILE);
  const data = readJson(dataEntry, join(dir, EDITION_FILE), editionFields, editionRules, ctx);
  const date = data ? { value: data.date.value, status: data.date.status, note: data.date.note } : undefined;
  const dateText = date ? dateLabel(date) : "";
  let pageFolders = 0;
  for (const entry of list) {
    if (entry === dataEntry) continue;
    if (entry.kind === "problem") report(entry.path, "-", entry.problem!);
    else if (entry.kind === "file") report(entry.path, "-", "articles belong in a page folder (EDITION/PAGE/article.md)");
    else {
      pageFolders++;
      const page = loadPage(entry.path, id, entry.name, { id, url: editionUrl, dateLabel: dateText, date: date?.value ?? null }, slugs, ctx);
      if (page) pages.push(page);
    }
  }
  if (pageFolders === 0) report(dir, "-", "has no pages: an edition holds one folder per page (EDITION/PAGE/page.json)");
  if (!data || !date || !nameOk) return undefined;
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

function loadPage(dir: string, editionId: string, slug: string, edition: Article["edition"], slugs: Map<string, string>, ctx: Context): Page | undefined {
  const { report } = ctx;
  const nameOk = checkSlug(slug, dir, report);
  const list = entries(dir, ctx);
  const dataEntry = list.find((e) => e.name === PAGE_FILE);
  const data = readJson(dataEntry, join(dir, PAGE_FILE), pageFields, pageRules, ctx);
  const url = `${editionId}/${slug}/`;
  const label = data ? pageLabel(data.number, data.name) : "";
  const printPage = { id: `${editionId}/${slug}`, url, label };
  const articles: Article[] = [];
  let articleFiles = 0;
  // The image and PDF that page.json names are the page's; resolvePageFiles checks them.
  const pageFiles = pageFileNames(data);
  for (const entry of list) {
    if (entry === dataEntry || pageFiles.includes(entry.name)) continue;
    const file = entry.path;
    if (entry.kind === "problem") {
      report(file, "-", entry.problem!);
      continue;
    }
    if (entry.kind === "folder") {
      report(file, "-", entry.name.endsWith(".md") ? "is a folder, not an article file" : "is a folder inside a page folder: a page folder holds page.json and Markdown articles (.md) only");
      continue;
    }
    if (!entry.name.endsWith(".md")) {
      report(file, "-", "unexpected file: a page folder holds page.json, Markdown articles (.md) and the page image and PDF that page.json names");
      continue;
    }
    articleFiles++;
    const { article, slug: articleSlug } = loadArticle(file, edition, printPage, report);
    // Every article's slug counts, valid or not, so a duplicate is reported with the article's other errors.
    const seen = slugs.get(articleSlug);
    const here = `${printPage.id}/${entry.name}`;
    if (seen) report(file, "slug", `duplicate slug "${articleSlug}" in edition ${editionId} (also ${seen})`);
    else slugs.set(articleSlug, here);
    if (article) articles.push(article);
  }
  // A page whose every line is unplaced (an import of a page of furniture) still shows them; an empty one shows nothing.
  if (articleFiles === 0 && !data?.unplaced?.length) report(dir, "-", "has no articles: a page folder holds at least one Markdown article (.md), or page.json lists its unplaced lines");
  const files = data ? resolvePageFiles(dir, list, data, articles, report) : {};
  if (!data || !nameOk) return undefined;
  articles.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  articles.forEach((a, i) => {
    const prev = articles[i - 1];
    const next = articles[i + 1];
    a.prev = prev && { title: prev.shortTitle, url: prev.url };
    a.next = next && { title: next.shortTitle, url: next.url };
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
    image: files.image,
    pdf: files.pdf,
  };
}

/** An archive file's text, NFC-normalized, or undefined once its problem is reported. */
function readText(file: string, report: Report): string | undefined {
  let result;
  try {
    result = readTextFile(file);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    report(file, "-", e.code === "ENOENT" ? "is missing" : `cannot be read: ${e.message}`);
    return undefined;
  }
  if (!result.ok) {
    report(file, "-", result.message);
    return undefined;
  }
  // One form for every text, so a name typed in NFD and in NFC is one listing and one search term.
  return result.text.normalize("NFC");
}

/** Strings from YAML or JSON escapes ("\b", "\u0000") never passed the file's own check. */
function checkStrings(value: unknown, path: string[], file: string, report: Report): void {
  if (typeof value === "string") {
    const at = forbiddenCharacter(value);
    if (at !== undefined) report(file, path.join(".") || "-", `holds ${describeCharacter(value, at)} at character ${at}: text may hold no control character but tab and line feed`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkStrings(v, [...path, String(i)], file, report));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) checkStrings(v, [...path, k], file, report);
  }
}

function loadArticle(file: string, edition: Article["edition"], printPage: Article["printPage"], report: Report): { article?: Article; slug: string } {
  const fileSlug = basename(file, ".md");
  const text = readText(file, report);
  if (text === undefined) return { slug: fileSlug };
  let parsed: FrontMatter;
  try {
    parsed = readFrontMatter(text);
  } catch (error) {
    const message = (error as Error).message.split("\n")[0] ?? "";
    report(file, "front matter", error instanceof FrontMatterError ? message : `cannot be read as YAML: ${message}`);
    return { slug: fileSlug };
  }
  checkStrings(parsed.data, [], file, report);
  const result = articleFields.safeParse(parsed.data);
  if (!result.success) {
    for (const issue of result.error.issues) report(file, fieldOf(issue), issue.message);
  }
  for (const issue of articleRules(parsed.data)) report(file, issue.path, issue.message);
  const body = renderBody(parsed.content);
  const bad = forbiddenCharacter(body.html);
  if (bad !== undefined) report(file, "body", `holds ${describeCharacter(body.html, bad)}, written as a character reference (such as &#12;): text may hold no control character but tab and line feed`);
  const hasText = body.blocks.some((b) => b.kind !== "gap");
  const fm = result.success ? result.data : undefined;
  const raw = parsed.data as { caption?: unknown; slug?: unknown };
  if (!hasText && !(fm?.caption ?? raw.caption)) {
    report(file, "body", "is empty (only a photo with a caption may have no body)");
  }
  const slug = fm?.slug ?? (typeof raw.slug === "string" && slugSchema.safeParse(raw.slug).success ? raw.slug : fileSlug);
  if (!fm?.slug && !raw.slug && !slugSchema.safeParse(slug).success) {
    report(file, "slug", `file name "${basename(file)}" does not make a valid slug (lower-case ASCII letters, digits, hyphens, at most ${SLUG_MAX}); rename it or set slug`);
  }
  if (!fm || (!hasText && !fm.caption) || bad !== undefined || articleRules(parsed.data).length) return { slug };

  const parsedByline = fm.byline ? parseByline(fm.byline) : { source: undefined, people: [] };
  const people = [...(fm.people ?? parsedByline.people)];
  if (fm.credit && !fm.people) {
    for (const p of parseByline(fm.credit).people) people.push({ name: p.name, role: "摄影" });
  }
  const paragraphs = body.blocks.filter((b) => b.kind === "paragraph").map((b) => b.text);
  if (fm.caption) paragraphs.push(fm.caption);
  const article: Article = {
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
    shortTitle: shortTitle(fm.title),
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
  return { article, slug };
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
  const end = endOfLastSentence(cut);
  return end > 41 ? cut.slice(0, end) : `${cut}…`;
}

function listings<A extends ArticleSummary>(articles: A[], keys: (a: A) => string[], base: string): Listing<A>[] {
  const byName = new Map<string, A[]>();
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

function readJson<S extends z.ZodType>(entry: FolderEntry | undefined, file: string, schema: S, rules: (raw: unknown) => RuleIssue[], ctx: Context): z.infer<S> | undefined {
  const { report } = ctx;
  if (!entry) {
    report(file, "-", "is missing");
    return undefined;
  }
  if (entry.kind !== "file") {
    report(file, "-", entry.problem ?? "is a folder, not a file");
    return undefined;
  }
  const text = readText(file, report);
  if (text === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    report(file, "-", `is not valid JSON: ${(error as Error).message}`);
    return undefined;
  }
  checkStrings(raw, [], file, report);
  const result = schema.safeParse(raw);
  const issues = rules(raw);
  if (!result.success) for (const issue of result.error.issues) report(file, fieldOf(issue), issue.message);
  for (const issue of issues) report(file, issue.path, issue.message);
  return result.success && issues.length === 0 ? result.data : undefined;
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
