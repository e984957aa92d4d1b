/**
 * Report: what an import found and what an editor should check, as Markdown.
 * It lists the articles with the line each field came from, every join of
 * fragments with its evidence, every fragment moved across the page and why,
 * every doubt (gaps, text that breaks off, close calls), the lines no article
 * took (also kept in page.json as `unplaced`), and a map of every line to where
 * it went. Line numbers are those of the page file, so the editor can look.
 */
import { parseByline } from "../content/byline.ts";
import { escapeControls } from "../content/errors.ts";
import type { Article, Assembly } from "./assembly.ts";
import type { LineEntry } from "./line-map.ts";
import type { Piece } from "./pieces.ts";
import { quoteStart } from "./sentences.ts";

export interface ReportContext {
  input: string;
  /** Where the drafts go, e.g. content/2023-06-12/03 */
  pageDir: string;
  slugs: Map<number, string>;
  lines: LineEntry[];
  /** Files that existed and were kept (edition.json) or replaced (--force). */
  kept: string[];
  replaced: string[];
}

const cell = (s: string) => s.replace(/\|/gu, "\\|").replace(/\n/gu, " ");

/**
 * A file name as inline code: control characters escaped as the importer's messages
 * escape them (content/errors.ts), fenced by more backticks than it holds, so that no
 * name (a newline, a `#`, a backtick) can forge a line or a heading of the report.
 */
export function fileCode(name: string): string {
  const text = escapeControls(name);
  const fence = "`".repeat(Math.max(0, ...[...text.matchAll(/`+/gu)].map((m) => m[0].length)) + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

function peopleOf(a: Article): string {
  const people = [...(a.head.byline ? parseByline(a.head.byline.text).people : []), ...(a.credit ? parseByline(a.credit.text).people.map((p) => ({ ...p, role: "摄影" as const })) : [])];
  return people.map((p) => `${p.name} (${p.role})`).join(", ");
}

function articleSection(a: Article, slug: string): string[] {
  const h = a.head;
  const rows: [string, Piece | undefined, string?][] = [
    ["column 栏目", h.column],
    ["kicker 引题", h.kicker],
    ["title 标题", h.title],
    ["subtitle 副题", h.subtitle],
    ["byline 署名", h.byline],
    ["reading tip 阅读提示", h.readingTip],
    ["caption 图片说明", a.caption],
    ["credit 摄影", a.credit],
    ["affiliation 作者单位", a.affiliation, a.affiliation?.value],
  ];
  const out = [`### ${a.order}. ${slug}: ${h.title.text}`, "", "| field | line | text |", "|---|---|---|"];
  for (const [name, p, value] of rows) if (p) out.push(`| ${name} | ${p.line} | ${cell(value ?? p.text)} |`);
  out.push("");
  const people = peopleOf(a);
  if (people) out.push(`People: ${people}`, "");
  const paragraphs = a.body.filter((b) => b.kind === "paragraph");
  const subheads = a.body.filter((b) => b.kind === "subhead").length;
  const gaps = a.body.filter((b) => b.kind === "gap").length;
  out.push(`Body: ${paragraphs.length} paragraphs${subheads ? `, ${subheads} subheads` : ""}${gaps ? `, ${gaps} gaps` : ""}; ending: ${a.ending}${a.endingNote ? ` (${a.endingNote})` : ""}`, "");
  const order = a.body.map((b) => (b.kind === "paragraph" ? b.pieces.map((p) => p.line).join("+") : b.kind === "subhead" ? `## ${b.piece.line}` : "[gap]"));
  if (order.length) out.push(`Reading order of lines: ${order.join(", ")}`, "");
  return out;
}

export function renderReport(assembly: Assembly, ctx: ReportContext): string {
  const { articles, joins, moves, doubts, unassigned, notes } = assembly;
  const slug = (order: number | undefined) => (order ? (ctx.slugs.get(order) ?? `#${order}`) : "-");
  const nonEmpty = ctx.lines.length;
  const placed = ctx.lines.filter((l) => l.holders.some((h) => h !== "unassigned")).length;
  const out: string[] = [
    `# Import report: ${fileCode(ctx.input)}`,
    "",
    `Drafts in ${fileCode(`${ctx.pageDir}/`)}.`,
    "",
    "## Summary",
    "",
    `- ${nonEmpty} non-empty lines: ${placed} in ${articles.length} articles, ${nonEmpty - placed} unassigned`,
    `- ${joins.length} joins of lines broken mid-sentence, ${moves.length} fragment moves, ${doubts.length} doubts to check`,
  ];
  for (const f of ctx.kept) out.push(`- ${fileCode(f)} existed and was left as it was`);
  for (const f of ctx.replaced) out.push(`- ${fileCode(f)} existed and was replaced (--force)`);
  out.push("");

  out.push("## To check", "");
  if (doubts.length === 0 && unassigned.length === 0 && !moves.some((m) => m.kind === "place")) out.push("Nothing was flagged.", "");
  for (const d of doubts) out.push(`- ${d.order ? `${slug(d.order)}: ` : ""}${d.message}`);
  for (const m of moves.filter((m) => m.kind === "place")) out.push(`- ${slug(m.order)}: ${m.message}`);
  for (const u of unassigned) out.push(`- line ${u.line} is unassigned: ${u.reason}`);
  out.push("");

  out.push("## Articles", "");
  for (const a of articles) out.push(...articleSection(a, slug(a.order)));

  out.push("## Joins", "", joins.length ? "Each line that stops mid-sentence, joined with the line that continues it:" : "No line was joined with another.", "");
  for (const j of joins) out.push(`- ${slug(j.order)}, lines ${j.lines[0]} + ${j.lines[1]}: ${j.evidence.join("; ")}`);
  out.push("");

  out.push("## Moves", "", moves.length ? "Fragments placed away from where they stand in the file:" : "No fragment was moved.", "");
  for (const m of moves) out.push(`- ${slug(m.order)}: ${m.message}`);
  out.push("");

  if (notes.length) {
    out.push("## How heads were read", "");
    for (const n of notes) out.push(`- ${n.message}`);
    out.push("");
  }

  out.push("## Unassigned", "", unassigned.length ? "Kept in page.json as `unplaced` (shown on the page view) until an editor places them:" : "Every line is in an article.", "");
  for (const u of unassigned) out.push(`- line ${u.line}: “${quoteStart(u.text, 30)}” — ${u.reason}`);
  out.push("");

  out.push("## Line map", "", "| line | article | role | text |", "|---|---|---|---|");
  for (const l of ctx.lines) {
    const where = l.holders.map((h) => (h === "unassigned" ? "unassigned" : slug(h))).join(", ");
    const roles = l.holders[0] === "unassigned" ? "-" : [...new Set(l.pieces.map((p) => p.role))].join(" + ");
    out.push(`| ${l.line} | ${where} | ${roles} | ${cell(quoteStart(l.text, 24))} |`);
  }
  out.push("");
  return out.join("\n");
}
