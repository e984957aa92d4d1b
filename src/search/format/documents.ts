/**
 * Documents: the input of the search index, `<site>/search/documents.json`, written by
 * the site build (build/documents-writer.ts: one entry per article, plain text, in
 * archive order) and read by build/read-documents.ts. This module is its type and its
 * validation; the index writer (build/index-writer.ts) turns documents into index parts,
 * whose docs parts hold the same records.
 */

export interface SearchPerson {
  name: string;
  role: string;
}

export interface SearchDocument {
  /** Stable id, e.g. "2023-06/page-unknown/huoyan-lan". */
  id: string;
  /** Relative to the site root, no leading slash, e.g. "2023-06/page-unknown/huoyan-lan/". */
  url: string;
  title: string;
  kicker?: string;
  subtitle?: string;
  column?: string;
  byline?: string;
  people: SearchPerson[];
  /** YYYY, YYYY-MM or YYYY-MM-DD, or null when unknown. */
  date: string | null;
  /** The date as the site shows it (e.g. "2023年6月（推定）"), when the build gives one. */
  dateLabel?: string;
  edition: string;
  page: { id: string; label: string };
  readingTip?: string;
  /** Paragraphs and subheads, in reading order. */
  body: string[];
  caption?: string;
}

export interface SearchDocuments {
  version: 1;
  documents: SearchDocument[];
}

export class DocumentsError extends Error {
  override name = "DocumentsError";
}

const OPTIONAL_TEXT = ["kicker", "subtitle", "column", "byline", "readingTip", "caption", "dateLabel"] as const;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Checks the shape the index relies on and returns the documents; throws DocumentsError
 * naming the first offending entry. Unknown keys are ignored (the site may add more).
 */
export function parseDocuments(data: unknown): SearchDocuments {
  const fail = (where: string, what: string): never => {
    throw new DocumentsError(`documents.json: ${where}: ${what}`);
  };
  if (typeof data !== "object" || data === null) fail("top level", "must be an object");
  const top = data as Record<string, unknown>;
  if (top.version !== 1) fail("version", `must be 1, found ${JSON.stringify(top.version)}`);
  if (!Array.isArray(top.documents)) fail("documents", "must be an array");
  const ids = new Set<string>();
  const documents = (top.documents as unknown[]).map((raw, i): SearchDocument => {
    const where = `documents[${i}]`;
    if (typeof raw !== "object" || raw === null) fail(where, "must be an object");
    const d = raw as Record<string, unknown>;
    for (const key of ["id", "url", "title", "edition"] as const) {
      if (typeof d[key] !== "string") fail(`${where}.${key}`, "must be a string");
    }
    const id = d.id as string;
    if (ids.has(id)) fail(`${where}.id`, `duplicate id ${JSON.stringify(id)}`);
    ids.add(id);
    if ((d.url as string).startsWith("/")) fail(`${where}.url`, "must be relative to the site root (no leading slash)");
    for (const key of OPTIONAL_TEXT) {
      if (d[key] !== undefined && typeof d[key] !== "string") fail(`${where}.${key}`, "must be a string when present");
    }
    if (d.date !== null && (typeof d.date !== "string" || !DATE.test(d.date))) fail(`${where}.date`, "must be YYYY, YYYY-MM, YYYY-MM-DD or null");
    if (!Array.isArray(d.body) || d.body.some((p) => typeof p !== "string")) fail(`${where}.body`, "must be an array of strings");
    const people = d.people ?? [];
    if (!Array.isArray(people) || people.some((p) => typeof p?.name !== "string" || typeof p?.role !== "string")) {
      fail(`${where}.people`, "must be an array of {name, role}");
    }
    const page = d.page as { id?: unknown; label?: unknown } | undefined;
    if (typeof page?.id !== "string" || typeof page?.label !== "string") fail(`${where}.page`, "must be {id, label}");
    const doc: SearchDocument = {
      id,
      url: d.url as string,
      title: d.title as string,
      people: (people as SearchPerson[]).map((p) => ({ name: p.name, role: p.role })),
      date: d.date as string | null,
      edition: d.edition as string,
      page: { id: page!.id as string, label: page!.label as string },
      body: [...(d.body as string[])],
    };
    for (const key of OPTIONAL_TEXT) if (typeof d[key] === "string") doc[key] = d[key] as string;
    return doc;
  });
  return { version: 1, documents };
}
