/**
 * Fields: which parts of an article the index searches, with what weight, and which
 * text goes into each. Shared by the index writer (what is indexed) and snippets.ts
 * (where a passage may come from), so both see the same text.
 *
 * Boosts follow what a reader means by a match in a newspaper: the headline most, then
 * the kicker (引题) and subtitle (副题), then the column (栏目) and the people in the
 * byline, then the body (with reading tip and photo caption).
 */
import type { SearchDocument } from "../format/documents.ts";
import { analyzeSegments } from "./analyzer.ts";
import { normalize } from "./normalize.ts";

export const FIELDS = [
  { name: "title", boost: 10 },
  { name: "kicker", boost: 5 },
  { name: "subtitle", boost: 5 },
  { name: "column", boost: 3 },
  { name: "people", boost: 3 },
  { name: "body", boost: 1 },
] as const;

export type FieldName = (typeof FIELDS)[number]["name"];

/** Index of the body field (snippets prefer it). */
export const BODY_FIELD = FIELDS.findIndex((f) => f.name === "body");

/** The text segments of each field of a document, in FIELDS order. */
export function fieldSegments(doc: SearchDocument): string[][] {
  const opt = (s: string | undefined) => (s === undefined || s.trim() === "" ? [] : [s]);
  // The byline as printed (it also names the source: 新华社, 本报讯), then any parsed name
  // it does not already contain, so a name is counted once.
  const byline = opt(doc.byline);
  const printed = normalize(byline.join(" "));
  const people = [...byline, ...doc.people.map((p) => p.name).filter((name) => !printed.includes(normalize(name)))];
  const body = [...opt(doc.readingTip), ...doc.body.filter((p) => p.trim() !== ""), ...opt(doc.caption)];
  return [opt(doc.title), opt(doc.kicker), opt(doc.subtitle), opt(doc.column), people, body];
}

/**
 * The token count of the column field of an article with this column (a blank name is no
 * text, as in fieldSegments). The index does not store these lengths: the loader
 * recomputes them from the column names (format/index-format.ts, "Meta").
 */
export function columnFieldLength(column: string | undefined): number {
  return column === undefined || column.trim() === "" ? 0 : analyzeSegments([column]).length;
}
