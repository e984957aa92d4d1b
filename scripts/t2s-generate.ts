/**
 * T2S generator (a command-line tool, never bundled): reduces OpenCC's traditional→simplified
 * dictionaries (from the opencc-js package) to the one thing the analyzer needs, a
 * character-to-character fold, and writes it to `src/search/analysis/t2s-data.ts` (and
 * the worker's summary of it, `t2s-sources.ts`).
 *
 * Why characters and not OpenCC's phrase conversion: the analyzer must turn a substring
 * of a text into the same tokens as the text itself. Phrase conversion depends on the
 * surrounding characters (乾隆 vs 乾燥), so a query could convert differently from the
 * same words inside an article. A per-character fold is context-free, keeps every
 * character where it was (snippet offsets stay exact) and, applied to both sides, only
 * ever merges characters: simplified 乾隆 and traditional 乾隆 both fold to 干隆.
 *
 * The fold of a character is: Taiwan / Hong Kong variant → OpenCC standard traditional
 * (TWVariantsRev, HKVariantsRev), then traditional → simplified (TSCharacters), repeated
 * until nothing changes, so that folding is idempotent (`t2s.ts` relies on that); plus
 * what the phrase tables imply for characters those leave unchanged (generateFold).
 *
 * Usage: npx tsx scripts/t2s-generate.ts   (rewrites both files)
 * test/search/analyzer.test.ts checks that the committed files equal a fresh generation.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { from, to } from "opencc-js/preset/t2cn";

type DictLike = string | string[][];

/** Entries of an OpenCC dictionary whose source and replacement are single code points. */
function characterEntries(dict: DictLike): Array<[string, string]> {
  const pairs: string[][] = typeof dict === "string" ? dict.split("|").map((line) => line.split(" ")) : dict;
  const out: Array<[string, string]> = [];
  for (const [source, target] of pairs) {
    if (source === undefined || target === undefined) continue;
    if ([...source].length === 1 && [...target].length === 1) out.push([source, target]);
  }
  return out;
}

function characterMap(groups: readonly (readonly DictLike[])[] | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of groups ?? []) {
    for (const dict of group) {
      // Earlier dictionaries in a group take precedence, as in OpenCC.
      for (const [s, t] of characterEntries(dict)) if (!map.has(s)) map.set(s, t);
    }
  }
  return map;
}

/** Follows `step` from c to a fixed point; on a cycle, the cycle's smallest code point. */
function fixedPoint(c: string, step: (c: string) => string): string {
  const seen: string[] = [c];
  let x = step(c);
  while (x !== seen[seen.length - 1] && !seen.includes(x)) {
    seen.push(x);
    x = step(x);
  }
  if (x === seen[seen.length - 1]) return x;
  const cycle = seen.slice(seen.indexOf(x));
  return cycle.reduce((a, b) => (a.codePointAt(0)! <= b.codePointAt(0)! ? a : b));
}

/** [source, target] phrase entries of equal length in code points. */
function phraseEntries(groups: readonly (readonly DictLike[])[] | undefined): Array<[string[], string[]]> {
  const out: Array<[string[], string[]]> = [];
  for (const group of groups ?? []) {
    for (const dict of group) {
      const pairs: string[][] = typeof dict === "string" ? dict.split("|").map((line) => line.split(" ")) : dict;
      for (const [source, target] of pairs) {
        if (source === undefined || target === undefined) continue;
        const s = [...source];
        const t = [...target];
        if (s.length > 1 && s.length === t.length) out.push([s, t]);
      }
    }
  }
  return out;
}

/**
 * Computes the fold as sorted [source, target] pairs, leaving out identities.
 *
 * Character tables first. Then OpenCC's phrase tables add what they imply character by
 * character where the character tables keep a character unchanged: 藉口 → 借口 makes
 * 藉 fold to 借, because a reader typing the simplified 借口 must find an article that
 * printed 藉口. Folding 藉 also in 狼藉 costs nothing, since both sides fold the same way;
 * a character the phrases send to different places takes the most frequent one. Where
 * the phrases send a character somewhere the character tables do not (計畫 → 计划, but
 * 畫 → 画), the two simplified characters are merged (画 and 划 fold alike): a reader
 * typing 计划 must find a Taiwanese 計畫; the price is that 画 alone also finds 划.
 */
export function generateFold(): Array<[string, string]> {
  return generateFoldParts().pairs;
}

/**
 * The fold's pairs, and which of their sources the character tables leave as they are
 * (`implied`: they fold only through the phrase tables or a merge, 覆 → 复, 画 → 划). Those
 * are characters of ordinary simplified text, so a search worker keeps their pairs at hand
 * (t2s-sources.ts) instead of loading the whole table for a simplified article.
 */
export function generateFoldParts(): { pairs: Array<[string, string]>; implied: Set<string> } {
  const variants = characterMap([...(from.tw ?? []), ...(from.hk ?? [])]);
  const simplify = characterMap(to.cn);
  const charStep = (c: string) => {
    const v = variants.get(c) ?? c;
    return simplify.get(v) ?? v;
  };
  const fold = new Map<string, string>();
  for (const c of new Set([...variants.keys(), ...simplify.keys()])) {
    const t = fixedPoint(c, charStep);
    if (t !== c) fold.set(c, t);
  }
  const folded = (c: string) => fold.get(c) ?? c;

  // What the phrase tables imply, character by character.
  const votes = new Map<string, Map<string, number>>();
  const merges: Array<[string, string]> = [];
  for (const [s, t] of [...phraseEntries([...(from.tw ?? []), ...(from.hk ?? [])]), ...phraseEntries(to.cn)]) {
    s.forEach((c, i) => {
      const target = folded(charStep(t[i]!));
      if (target === c || folded(c) === target) return;
      if (fold.has(c)) {
        // The character tables send c elsewhere (畫 → 画, but 計畫 → 计划): both targets
        // must become one, or one of the two spellings is never found.
        merges.push([folded(c), target]);
        return;
      }
      let v = votes.get(c);
      if (!v) votes.set(c, (v = new Map()));
      v.set(target, (v.get(target) ?? 0) + 1);
    });
  }
  for (const [c, v] of votes) {
    const [target] = [...v].sort((a, b) => b[1] - a[1] || a[0].codePointAt(0)! - b[0].codePointAt(0)!)[0]!;
    fold.set(c, target);
  }
  // Merged targets fold to the smallest code point of their group.
  const group = new Map<string, string>();
  const find = (c: string): string => {
    let r = c;
    while (group.has(r) && group.get(r) !== r) r = group.get(r)!;
    return r;
  };
  for (const [a, b] of merges) {
    const ra = find(folded(a));
    const rb = find(folded(b));
    if (ra === rb) continue;
    const [keep, drop] = ra.codePointAt(0)! < rb.codePointAt(0)! ? [ra, rb] : [rb, ra];
    group.set(keep, keep);
    group.set(drop, keep);
  }
  const final = (c: string) => find(fixedPoint(c, folded));
  const pairs: Array<[string, string]> = [];
  for (const c of new Set([...fold.keys(), ...group.keys()])) {
    const t = final(c);
    if (t !== c) pairs.push([c, t]);
  }
  const implied = new Set(pairs.map(([c]) => c).filter((c) => fixedPoint(c, charStep) === c));
  return { pairs: pairs.sort((a, b) => a[0].codePointAt(0)! - b[0].codePointAt(0)!), implied };
}

/** The text of `t2s-data.ts` for the given fold. */
export function renderFoldModule(pairs: Array<[string, string]>): string {
  const data = pairs.map(([s, t]) => s + t).join("");
  return `/**
 * T2S data: the traditional→simplified character fold used by the analyzer (t2s.ts),
 * generated by scripts/t2s-generate.ts from opencc-js (OpenCC's TSCharacters, TSPhrases,
 * TW/HK variant tables; Apache-2.0). Do not edit by hand: regenerate with
 * \`npx tsx scripts/t2s-generate.ts\`.
 *
 * ${pairs.length} pairs, each two code points (source, then its fold), sorted by source.
 */
export const T2S_PAIRS =
  ${JSON.stringify(data)};
`;
}

/** The code points the sources bitset covers; every BMP source must fall inside. */
export const SOURCES_FIRST = 0x3400;
export const SOURCES_LAST = 0x9fff;

/** The 6,763 hanzi of GB 2312 (rows 16–87), the characters of ordinary simplified text. */
function gb2312Hanzi(): Set<string> {
  const decoder = new TextDecoder("gb18030");
  const out = new Set<string>();
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const c = decoder.decode(new Uint8Array([row, cell]));
      if (/^\p{sc=Han}$/u.test(c)) out.add(c);
    }
  }
  return out;
}

/**
 * The text of `t2s-sources.ts`, what a search worker keeps so it need not carry the
 * whole table:
 * - `T2S_COMMON_PAIRS`: the pairs whose source is a character of ordinary simplified
 *   text (GB 2312, or left as it is by the character tables: 著 → 着, 覆 → 复), about 30,
 *   kept whole, since a simplified article holds them;
 * - `T2S_SOURCES`: a bitset (base64) over U+3400–U+9FFF of the other sources, the
 *   traditional and variant characters: a text holding none of them never needs the
 *   table. Sources above the BMP are not in the bitset: t2s.ts treats every such code
 *   point as one that may fold.
 */
export function renderSourcesModule(parts: { pairs: Array<[string, string]>; implied: Set<string> }): string {
  const gb = gb2312Hanzi();
  const common = parts.pairs.filter(([s]) => gb.has(s) || parts.implied.has(s));
  const commonSources = new Set(common.map(([s]) => s));
  const bits = new Uint8Array(Math.ceil((SOURCES_LAST - SOURCES_FIRST + 1) / 8));
  for (const [s] of parts.pairs) {
    const cp = s.codePointAt(0)!;
    if (cp > 0xffff || commonSources.has(s)) continue;
    if (cp < SOURCES_FIRST || cp > SOURCES_LAST) throw new Error(`t2s source U+${cp.toString(16)} outside the bitset's range`);
    const i = cp - SOURCES_FIRST;
    bits[i >> 3]! |= 1 << (i & 7);
  }
  return `/**
 * T2S sources: what the search worker knows of the traditional→simplified fold
 * (t2s-data.ts) without loading it. Generated with t2s-data.ts by scripts/t2s-generate.ts; do
 * not edit by hand.
 * - T2S_COMMON_PAIRS: ${common.length} pairs (source, then fold) whose source belongs to ordinary
 *   simplified text;
 * - T2S_SOURCES: the other sources, bit i (base64, little-endian bits) standing for
 *   U+${SOURCES_FIRST.toString(16).toUpperCase()} + i.
 */
export const T2S_COMMON_PAIRS = ${JSON.stringify(common.map(([s, t]) => s + t).join(""))};
export const T2S_SOURCES_FIRST = 0x${SOURCES_FIRST.toString(16)};
export const T2S_SOURCES_LAST = 0x${SOURCES_LAST.toString(16)};
export const T2S_SOURCES =
  ${JSON.stringify(Buffer.from(bits).toString("base64"))};
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const parts = generateFoldParts();
  const pairs = parts.pairs;
  for (const [file, text] of [
    ["../src/search/analysis/t2s-data.ts", renderFoldModule(pairs)],
    ["../src/search/analysis/t2s-sources.ts", renderSourcesModule(parts)],
  ] as const) {
    const path = fileURLToPath(new URL(file, import.meta.url));
    writeFileSync(path, text);
    console.log(`wrote ${path}: ${pairs.length} pairs, ${Buffer.byteLength(text)} bytes`);
  }
}
