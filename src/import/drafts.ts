/**
 * Drafts: turns assembled articles into files of the content format (README,
 * "Content format"): one Markdown file per article with its front matter, the
 * page's `page.json` (with the lines no article took, as `unplaced`), and the
 * edition's `edition.json`. Only text is produced here; `import-page.ts`
 * decides what may be written.
 *
 * Slugs are ASCII and positional (a01, a02…; p03-a01 on page 3, so that pages
 * of one edition never share a slug); the Chinese stays in the files.
 */
import type { Article, Assembly, Block } from "./assembly.ts";
import { paragraphText } from "./assembly.ts";
import { draftNotes } from "./messages.ts";
import { readFrontMatter } from "../content/front-matter.ts";
import { escapeMarkdown } from "../content/markdown-escape.ts";
import type { EditionData, PageData } from "../content/schema.ts";
import type { Unassigned } from "./pieces.ts";

export interface DraftFile {
  /** Path inside the content folder, with forward slashes. */
  path: string;
  content: string;
  kind: "edition" | "page" | "article";
  /** For an article: its order on the page. */
  order?: number;
}

export interface PageTarget {
  date: string;
  page?: number | undefined;
  /** The names in the page folder of the page's image and PDF (--image, --pdf), for page.json. */
  image?: string | undefined;
  pdf?: string | undefined;
}

export function pageId(target: PageTarget): string {
  return target.page === undefined ? "page-unknown" : String(target.page).padStart(2, "0");
}

export function articleSlug(order: number, target: PageTarget): string {
  const a = `a${String(order).padStart(2, "0")}`;
  return target.page === undefined ? a : `p${pageId(target)}-${a}`;
}

/** The date comes from --date, not from the print: `inferred`, with a note saying so (`stated` means printed on the page). */
export function editionData(target: PageTarget): EditionData {
  return { date: { value: target.date, status: "inferred", note: draftNotes.dateGiven } };
}

export function pageData(target: PageTarget, unassigned: Unassigned[]): PageData {
  const number: PageData["number"] =
    target.page === undefined
      ? { value: null, status: "unknown", note: draftNotes.pageNumberUnknown }
      : { value: target.page, status: "inferred", note: draftNotes.pageNumberGiven };
  const name: PageData["name"] = { value: null, status: "unknown", note: draftNotes.pageNameUnknown };
  const data: PageData = { number, name };
  if (unassigned.length) data.unplaced = unassigned.map((u) => ({ text: u.text, reason: u.reasonZh }));
  if (target.image) data.image = target.image;
  if (target.pdf) data.pdf = target.pdf;
  return data;
}

const json = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;

/**
 * A YAML scalar: plain when gray-matter (the loader's reader) reads it back as
 * the same string, else double-quoted (a JSON string is a YAML string), so that a
 * title like 2024-01-01 or yes stays text.
 */
export function yamlScalar(value: string | number): string {
  if (typeof value === "number") return String(value);
  const plain = value !== "" && value === value.trim() && !/[\n\r\t"'\\]/u.test(value) && !/^[-?:,[\]{}#&*!|>%@`]/u.test(value) && !/: |:$| #/u.test(value);
  if (plain) {
    try {
      if (readFrontMatter(`---\nk: ${value}\n---\n`).data.k === value) return value;
    } catch {
      // not plain YAML: quote it
    }
  }
  return JSON.stringify(value);
}

function bodyMarkdown(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if (b.kind === "paragraph") return escapeMarkdown(paragraphText(b));
      if (b.kind === "subhead") return `## ${escapeMarkdown(b.piece.text)}`;
      return `::: gap ${b.note.replace(/\s+/gu, " ")}\n:::`;
    })
    .join("\n\n");
}

export function articleMarkdown(a: Article): string {
  const h = a.head;
  const fields: [string, string | number | undefined][] = [
    ["title", h.title.text],
    ["kicker", h.kicker?.text],
    ["subtitle", h.subtitle?.text],
    ["column", h.column?.text],
    ["byline", h.byline?.text],
    ["readingTip", h.readingTip?.text],
    ["caption", a.caption?.text],
    ["credit", a.credit?.text],
    ["affiliation", a.affiliation?.value],
    ["order", a.order],
    ["ending", a.ending],
    ["endingNote", a.endingNote],
  ];
  const front = fields.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${yamlScalar(v!)}`);
  const body = bodyMarkdown(a.body);
  return `---\n${front.join("\n")}\n---\n${body ? `\n${body}\n` : ""}`;
}

/** Every file of the import: edition.json, page.json and the articles, paths relative to the content folder. */
export function draftFiles(assembly: Assembly, target: PageTarget): DraftFile[] {
  const dir = `${target.date}/${pageId(target)}`;
  return [
    { path: `${target.date}/edition.json`, content: json(editionData(target)), kind: "edition" },
    { path: `${dir}/page.json`, content: json(pageData(target, assembly.unassigned)), kind: "page" },
    ...assembly.articles.map((a): DraftFile => ({ path: `${dir}/${articleSlug(a.order, target)}.md`, content: articleMarkdown(a), kind: "article", order: a.order })),
  ];
}
