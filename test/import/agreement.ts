/**
 * Agreement: how far an import agrees with the articles it should have found,
 * field by field. Articles are matched by title (else by their first paragraph);
 * then position on the page, kicker, subtitle, column, byline, reading tip, caption, credit, author's
 * unit and ending are compared, and the body as a sequence of paragraphs,
 * subheads and gaps (longest common subsequence, so a paragraph counts when it
 * is in the right article and in the right order). Used on the seed page
 * against the hand-reassembled sample, and on the corpus page against how it
 * was laid out.
 */
import type { Article } from "../../src/content/model.ts";

export interface Comparable {
  title: string;
  /** Position on the page (1, 2, …). */
  order: number;
  kicker?: string | undefined;
  subtitle?: string | undefined;
  column?: string | undefined;
  byline?: string | undefined;
  readingTip?: string | undefined;
  caption?: string | undefined;
  credit?: string | undefined;
  affiliation?: string | undefined;
  ending: string;
  /** Gap texts are not compared (the note is the editor's). */
  blocks: { kind: "paragraph" | "subhead" | "gap"; text: string }[];
}

export const FIELDS = ["title", "order", "kicker", "subtitle", "column", "byline", "readingTip", "caption", "credit", "affiliation", "ending"] as const;
export type Field = (typeof FIELDS)[number];

const squash = (s: string | number | undefined) => (s === undefined ? undefined : String(s).replace(/\s+/gu, ""));

export function comparable(a: Article): Comparable {
  return {
    title: a.title,
    order: a.order,
    kicker: a.kicker,
    subtitle: a.subtitle,
    column: a.column,
    byline: a.byline,
    readingTip: a.readingTip,
    caption: a.caption,
    credit: a.credit,
    affiliation: a.affiliation,
    ending: a.ending,
    blocks: a.blocks.map((b) => ({ kind: b.kind, text: b.kind === "gap" ? "" : b.text })),
  };
}

export interface Count {
  right: number;
  of: number;
}

export interface Agreement {
  /** Expected articles, and how many were found (matched). */
  articles: Count;
  fields: Record<Field, Count>;
  paragraphs: Count;
  subheads: Count;
  gaps: Count;
  /** Articles right in every field and every block. */
  whole: Count;
  /** Expected unplaced lines found unplaced; `extra`: lines unplaced that should not be. */
  unplaced: Count & { extra: number };
  /** Per expected article: what differs. */
  differences: string[];
}

const token = (b: Comparable["blocks"][number]) => `${b.kind}:${squash(b.text)}`;

function lcs(a: string[], b: string[]): string[] {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const out: string[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) out.push(a[i]!), i++, j++;
    else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}

export function measure(expected: Comparable[], actual: Comparable[], expectedUnplaced: string[], actualUnplaced: string[]): Agreement {
  const fields = Object.fromEntries(FIELDS.map((f) => [f, { right: 0, of: expected.length }])) as Record<Field, Count>;
  const count = () => ({ right: 0, of: 0 });
  const r: Agreement = { articles: { right: 0, of: expected.length }, fields, paragraphs: count(), subheads: count(), gaps: count(), whole: { right: 0, of: expected.length }, unplaced: { right: 0, of: expectedUnplaced.length, extra: 0 }, differences: [] };
  const free = new Set(actual);
  const firstText = (c: Comparable) => squash(c.blocks.find((b) => b.kind === "paragraph")?.text ?? c.caption ?? "");
  for (const e of expected) {
    let a = [...free].find((x) => x.title === e.title);
    a ??= [...free].find((x) => firstText(e) !== "" && x.blocks.some((b) => squash(b.text)!.includes(firstText(e)!)));
    const eTokens = e.blocks.map(token);
    for (const b of e.blocks) r[b.kind === "paragraph" ? "paragraphs" : b.kind === "subhead" ? "subheads" : "gaps"].of++;
    if (!a) {
      r.differences.push(`《${e.title}》: not found`);
      continue;
    }
    free.delete(a);
    r.articles.right++;
    const wrong: string[] = [];
    for (const f of FIELDS) {
      if (squash(e[f]) === squash(a[f])) fields[f].right++;
      else wrong.push(`${f}: expected ${JSON.stringify(e[f] ?? null)}, got ${JSON.stringify(a[f] ?? null)}`);
    }
    const common = lcs(eTokens, a.blocks.map(token));
    for (const t of common) r[t.startsWith("paragraph:") ? "paragraphs" : t.startsWith("subhead:") ? "subheads" : "gaps"].right++;
    if (common.length !== eTokens.length || a.blocks.length !== e.blocks.length) {
      wrong.push(`body: ${common.length} of ${eTokens.length} blocks right, ${a.blocks.length} found (${a.blocks.map((b) => b.kind[0]).join("")} for ${e.blocks.map((b) => b.kind[0]).join("")})`);
    }
    if (wrong.length === 0) r.whole.right++;
    else r.differences.push(`《${e.title}》: ${wrong.join("; ")}`);
  }
  for (const a of free) r.differences.push(`《${a.title}》: found, but not expected`);
  const got = new Set(actualUnplaced.map(squash));
  const want = new Set(expectedUnplaced.map(squash));
  r.unplaced.right = [...want].filter((u) => got.has(u)).length;
  r.unplaced.extra = [...got].filter((u) => !want.has(u)).length;
  return r;
}

export function describe(r: Agreement): string {
  const c = (x: Count) => `${x.right}/${x.of}`;
  return [
    `articles found ${c(r.articles)}, entirely right ${c(r.whole)}`,
    `fields: ${FIELDS.map((f) => `${f} ${c(r.fields[f])}`).join(", ")}`,
    `paragraphs in the right article and order ${c(r.paragraphs)}, subheads ${c(r.subheads)}, gaps ${c(r.gaps)}`,
    `unplaced lines ${c(r.unplaced)} (${r.unplaced.extra} extra)`,
    ...r.differences.map((d) => `  differs: ${d}`),
  ].join("\n");
}
