/**
 * T2S: folds traditional (and Taiwan / Hong Kong variant) Chinese characters to
 * simplified ones, one character at a time. The table is t2s-data.ts, generated from
 * OpenCC by scripts/t2s-generate.ts; normalize.ts applies the fold to documents and queries
 * alike, so 醫院 finds 医院. The fold is idempotent: fold(fold(c)) === fold(c).
 *
 * The table is read only when a text holds a traditional or variant
 * character, which the small sources bitset (t2s-sources.ts) tells; the few pairs whose
 * source is a character of simplified text (著 → 着) are kept apart, so a query or an
 * article in simplified Chinese practically never needs the table. Where the table comes
 * from is t2s-table.ts: imported in Node and on the page, loaded on demand in the worker.
 */
import { T2S_COMMON_PAIRS, T2S_SOURCES, T2S_SOURCES_FIRST, T2S_SOURCES_LAST } from "./t2s-sources.ts";
import { t2sPairs } from "./t2s-table.ts";

let table: Map<number, string> | undefined;
let common: Map<number, string> | undefined;
let sources: Uint8Array | undefined;

/** Parsed on first use: a few thousand entries, well under a millisecond. */
function pairMap(pairs: string): Map<number, string> {
  const map = new Map<number, string>();
  const cps = Array.from(pairs);
  for (let i = 0; i + 1 < cps.length; i += 2) map.set(cps[i]!.codePointAt(0)!, cps[i + 1]!);
  return map;
}

function decodeSources(): Uint8Array {
  const bytes = atob(T2S_SOURCES);
  const bits = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) bits[i] = bytes.charCodeAt(i);
  return bits;
}

/** False when the fold leaves this code point as it is or it is a common pair's (no table needed). */
function needsTable(cp: number): boolean {
  if (cp > 0xffff) return true; // rare; the bitset covers the BMP sources only
  if (cp < T2S_SOURCES_FIRST || cp > T2S_SOURCES_LAST) return false;
  const i = cp - T2S_SOURCES_FIRST;
  return (((sources ??= decodeSources())[i >> 3]! >> (i & 7)) & 1) === 1;
}

/** The simplified fold of one code point, or undefined when it folds to itself. */
export function foldCodePoint(cp: number): string | undefined {
  if (cp < T2S_SOURCES_FIRST) return undefined;
  const c = (common ??= pairMap(T2S_COMMON_PAIRS)).get(cp);
  if (c !== undefined) return c;
  return needsTable(cp) ? (table ??= pairMap(t2sPairs())).get(cp) : undefined;
}

/** True once the table has been read (for tests: a simplified text must not need it). */
export function tableLoaded(): boolean {
  return table !== undefined;
}

/** Folds every character of a string (for tests and tools; the analyzer goes through normalize.ts). */
export function toSimplified(text: string): string {
  let out = "";
  for (const ch of text) out += foldCodePoint(ch.codePointAt(0)!) ?? ch;
  return out;
}
