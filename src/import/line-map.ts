/**
 * Line map: which article, or the unassigned list, holds each piece of each line
 * of the page. `checkLineMap` is the importer's promise to lose nothing: every
 * non-empty line is held by exactly one article or is unassigned, and its pieces
 * put together give back the line (spaces aside). `import-page.ts` runs it before
 * writing anything; the report prints the map; the tests check the written files
 * against it.
 */
import { articlePieces, type Assembly } from "./assembly.ts";
import type { Piece } from "./pieces.ts";

export interface LineEntry {
  line: number;
  text: string;
  /** The order of the article holding the line, or "unassigned". */
  holders: (number | "unassigned")[];
  pieces: Piece[];
}

const squash = (s: string) => s.replace(/\s+/gu, "");

export function lineMap(lines: string[], assembly: Assembly): LineEntry[] {
  const entries = new Map<number, LineEntry>();
  lines.forEach((raw, i) => {
    if (raw.trim() !== "") entries.set(i + 1, { line: i + 1, text: raw.trim(), holders: [], pieces: [] });
  });
  const hold = (p: Piece, holder: number | "unassigned") => {
    const e = entries.get(p.line);
    if (!e) throw new Error(`internal: a piece refers to line ${p.line}, which is empty or missing`);
    if (!e.holders.includes(holder)) e.holders.push(holder);
    e.pieces.push(p);
  };
  for (const a of assembly.articles) for (const p of articlePieces(a)) hold(p, a.order);
  for (const u of assembly.unassigned) hold({ line: u.line, role: "paragraph", text: u.text }, "unassigned");
  return [...entries.values()];
}

/** Problems with the map (an empty list when nothing is lost or doubled). */
export function checkLineMap(entries: LineEntry[]): string[] {
  const problems: string[] = [];
  for (const e of entries) {
    if (e.holders.length !== 1) problems.push(`line ${e.line} is held ${e.holders.length === 0 ? "by nothing" : `${e.holders.length} times (${e.holders.join(", ")})`}`);
    const rebuilt = squash(e.pieces.map((p) => p.text).join(""));
    if (e.holders.length === 1 && rebuilt !== squash(e.text)) problems.push(`line ${e.line}: its pieces give “${rebuilt}”, not the line`);
  }
  return problems;
}
