/**
 * Documents: the input of the search index, one record per article (plain text, in
 * archive order), written by the site build as JSON Lines (build/documents-writer.ts) or,
 * in the earlier form, as a whole `documents.json`, and read by build/read-documents.ts. This module is its type and its
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
  /** The date as the site shows it (e.g. "2023年6月(推断)"), when the build gives one. */
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

/** A failure naming where (e.g. `documents.json: documents[3].title`) and what is wrong. */
type Fail = (where: string, what: string) => never;

/**
 * One validated record from raw JSON, in the fixed key order every copy of a record has
 * (documents.json, docs parts): `where` names it in errors. Unknown keys are dropped.
 */
export function parseDocument(raw: unknown, where: string, fail: Fail): SearchDocument {
  if (typeof raw !== "object" || raw === null) fail(where, "must be an object");
  const d = raw as Record<string, unknown>;
  for (const key of ["id", "url", "title", "edition"] as const) {
    if (typeof d[key] !== "string") fail(`${where}.${key}`, "must be a string");
  }
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
  return searchDocument({ ...(d as unknown as SearchDocument), people: people as SearchPerson[] });
}

/** A copy of a record with its keys in the fixed order (the same JSON for the same record). */
export function searchDocument(d: SearchDocument): SearchDocument {
  const out: SearchDocument = {
    id: d.id,
    url: d.url,
    title: d.title,
    people: d.people.map((p) => ({ name: p.name, role: p.role })),
    date: d.date,
    edition: d.edition,
    page: { id: d.page.id, label: d.page.label },
    body: [...d.body],
  };
  for (const key of OPTIONAL_TEXT) if (typeof d[key] === "string") out[key] = d[key];
  return out;
}

/**
 * Checks the shape the index relies on and returns the documents; throws DocumentsError
 * naming the first offending entry. Unknown keys are ignored (the site may add more).
 */
export function parseDocuments(data: unknown): SearchDocuments {
  const fail: Fail = (where, what) => {
    throw new DocumentsError(`documents.json: ${where}: ${what}`);
  };
  if (typeof data !== "object" || data === null) fail("top level", "must be an object");
  const top = data as Record<string, unknown>;
  if (top.version !== 1) fail("version", `must be 1, found ${JSON.stringify(top.version)}`);
  if (!Array.isArray(top.documents)) fail("documents", "must be an array");
  const ids = new Set<string>();
  const documents = (top.documents as unknown[]).map((raw, i): SearchDocument => {
    const doc = parseDocument(raw, `documents[${i}]`, fail);
    if (ids.has(doc.id)) fail(`documents[${i}].id`, `duplicate id ${JSON.stringify(doc.id)}`);
    ids.add(doc.id);
    return doc;
  });
  return { version: 1, documents };
}
