/**
 * Pieces: the unit of the importer's bookkeeping. Every non-empty line of the
 * page becomes one or more pieces, each with the role it plays in an article
 * (a title, a byline, part of a paragraph…); a line that is split (title and
 * subtitle on one line, a byline opening a paragraph, an author's unit closing
 * one) becomes several. Each piece ends up in exactly one article or in the
 * report's unassigned list, which is how an import proves it lost nothing
 * (`checkLineMap` in `line-map.ts`, checked by test/import/loses-nothing.test.ts).
 */

export const FIELD_ROLES = ["kicker", "title", "subtitle", "column", "byline", "readingTip", "caption", "credit", "affiliation"] as const;
export type FieldRole = (typeof FIELD_ROLES)[number];
export type Role = FieldRole | "tip-label" | "subhead" | "paragraph";

export interface Piece {
  /** 1-based line number in the page file. */
  line: number;
  role: Role;
  /** The piece as printed (for an affiliation, with its "(作者单位:…)" wrapper). */
  text: string;
  /** What the article holds, when it differs from `text` (an affiliation's unit). */
  value?: string;
}

export function piece(line: number, role: Role, text: string, value?: string): Piece {
  return value === undefined ? { line, role, text } : { line, role, text, value };
}

/** A line the importer did not place in any article, and why (English for the report, Chinese for page.json). */
export interface Unassigned {
  line: number;
  text: string;
  reason: string;
  reasonZh: string;
}
