/**
 * T2S: folds traditional (and Taiwan / Hong Kong variant) Chinese characters to
 * simplified ones, one character at a time. The table is t2s-data.ts, generated from
 * OpenCC by t2s-generate.ts; normalize.ts applies the fold to documents and queries
 * alike, so 醫院 finds 医院. The fold is idempotent: fold(fold(c)) === fold(c).
 */
import { T2S_PAIRS } from "./t2s-data.ts";

let table: Map<number, string> | undefined;

/** Parsed on first use: a few thousand entries, well under a millisecond. */
function load(): Map<number, string> {
  const map = new Map<number, string>();
  const cps = Array.from(T2S_PAIRS);
  for (let i = 0; i + 1 < cps.length; i += 2) map.set(cps[i]!.codePointAt(0)!, cps[i + 1]!);
  return map;
}

/** The simplified fold of one code point, or undefined when it folds to itself. */
export function foldCodePoint(cp: number): string | undefined {
  return (table ??= load()).get(cp);
}

/** Folds every character of a string (for tests and tools; the analyzer goes through normalize.ts). */
export function toSimplified(text: string): string {
  let out = "";
  for (const ch of text) out += foldCodePoint(ch.codePointAt(0)!) ?? ch;
  return out;
}
