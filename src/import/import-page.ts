/**
 * Import page: the whole import of one raw page, all or nothing. It reads and
 * checks the input (read-page.ts), classifies the lines, assembles the articles,
 * checks that every line is accounted for (line-map.ts) and that every file
 * would pass the content schema, renders the drafts and the report, and only
 * then looks at the disk: existing articles are never replaced without
 * `force`, edition.json is never replaced at all, and every path to be written
 * must be a file (or not yet exist) under folders. If anything is wrong, nothing
 * is written; the files are then written all together or not at all
 * (write-files.ts). `scripts/import.ts` is the command line around it.
 */
import { readdirSync, statSync, type Stats } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { readFrontMatter } from "../content/front-matter.ts";
import { articleSchema, editionSchema, pageSchema } from "../content/schema.ts";
import { assemble, type AssembleOptions, type Assembly } from "./assemble.ts";
import { classifyLines } from "./classify-lines.ts";
import { articleSlug, draftFiles, pageId, type DraftFile, type PageTarget } from "./drafts.ts";
import { checkLineMap, lineMap, type LineEntry } from "./line-map.ts";
import { checkEditionDate, checkPageNumber, ImportInputError, readPageFile } from "./read-page.ts";
import { inputErrors } from "./messages.ts";
import { renderReport } from "./report.ts";
import { writeAllOrNothing, type FileToWrite } from "./write-files.ts";
import { readPageAttachment } from "./page-files.ts";

export { ImportInputError, MAX_PAGE_BYTES } from "./read-page.ts";
export { ImportWriteError } from "./write-files.ts";

/** The report's name in the page folder, when --report does not say otherwise (a dot file: the build skips it). */
export const REPORT_FILE = ".import-report.md";

/** A path as messages show it: relative to the working folder when inside it, else absolute. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

export interface ImportOptions {
  /** The raw page file. */
  input: string;
  /** --date, unchecked. */
  date: string | undefined;
  /** --page, unchecked. */
  page?: string | undefined;
  /** The content folder (default `content`). */
  out: string;
  force?: boolean | undefined;
  /** Where the report goes: a file, "-" for standard output; default `.import-report.md` in the page folder, with the drafts. */
  report?: string | undefined;
  /** The printed page's image and PDF (--image, --pdf), copied into the page folder as page.EXT. */
  image?: string | undefined;
  pdf?: string | undefined;
}

/** The import of a page's lines, computed without touching the disk. */
export interface ImportComputation {
  target: PageTarget;
  assembly: Assembly;
  lines: LineEntry[];
  files: DraftFile[];
  slugs: Map<number, string>;
}

/** Classifies, assembles and renders; throws if a line would be lost or a file would not pass the schema (a bug, not bad input). */
export function computeImport(pageLines: string[], target: PageTarget, options: AssembleOptions = {}): ImportComputation {
  const assembly = assemble(classifyLines(pageLines), options);
  const lines = lineMap(pageLines, assembly);
  const lost = checkLineMap(lines);
  if (lost.length) throw new Error(`internal error: the import would lose or double lines:\n  ${lost.join("\n  ")}`);
  const files = draftFiles(assembly, target);
  const invalid = files.flatMap(schemaProblems);
  if (invalid.length) throw new Error(`internal error: the drafts would not pass the content schema:\n  ${invalid.join("\n  ")}`);
  const slugs = new Map(assembly.articles.map((a) => [a.order, articleSlug(a.order, target)]));
  return { target, assembly, lines, files, slugs };
}

function schemaProblems(f: DraftFile): string[] {
  const parsed = f.kind === "article" ? readFrontMatter(f.content).data : (JSON.parse(f.content) as unknown);
  const schema = f.kind === "article" ? articleSchema : f.kind === "page" ? pageSchema : editionSchema;
  const r = schema.safeParse(parsed);
  return r.success ? [] : r.error.issues.map((i) => `${f.path}: ${i.path.join(".")}: ${i.message}`);
}

export interface ImportResult extends ImportComputation {
  outDir: string;
  pageDir: string;
  /** Absolute paths of the files written (the report included, unless printed). */
  written: string[];
  /** Files that existed and were left alone (edition.json). */
  kept: string[];
  /** Files that existed and were replaced (with force). */
  replaced: string[];
  report: string;
  /** Where the report was written; undefined when it goes to standard output. */
  reportPath: string | undefined;
}

const stat = (path: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};

/** Why `path` cannot be written as a file: it is a folder or something else, or a parent of it is a file. */
function unwritable(path: string): string | undefined {
  const here = stat(path);
  if (here && !here.isFile()) return inputErrors.isNotAFile(shown(path), here.isDirectory());
  for (let d = dirname(path); ; d = dirname(d)) {
    const s = stat(d);
    if (s) return s.isDirectory() ? undefined : inputErrors.underAFile(shown(d), shown(path));
    if (dirname(d) === d) return undefined;
  }
}

export function importPage(options: ImportOptions): ImportResult {
  const date = checkEditionDate(options.date);
  const page = checkPageNumber(options.page);
  const text = readPageFile(options.input);
  const image = readPageAttachment("--image", options.image);
  const pdf = readPageAttachment("--pdf", options.pdf);
  const target: PageTarget = { date, page, image: image?.name, pdf: pdf?.name };
  const computed = computeImport(text.lines, target);

  const outDir = resolve(options.out);
  const pageDir = join(outDir, date, pageId(target));
  const reportPath = options.report === "-" ? undefined : options.report === undefined ? join(pageDir, REPORT_FILE) : resolve(options.report);
  if (options.report !== undefined && reportPath && (reportPath + sep).startsWith(outDir + sep)) {
    throw new ImportInputError(inputErrors.reportInContent(options.report, options.out, REPORT_FILE));
  }

  const kept: string[] = [];
  const replaced: string[] = [];
  const toWrite: FileToWrite[] = [];
  const problems: string[] = [];
  const attachments = [image, pdf].flatMap((a) => (a ? [{ path: `${date}/${pageId(target)}/${a.name}`, content: a.bytes, kind: "attachment" as const }] : []));
  for (const f of [...computed.files, ...attachments]) {
    const path = join(outDir, f.path);
    const why = unwritable(path);
    if (why) {
      problems.push(why);
      continue;
    }
    if (stat(path)) {
      if (f.kind === "edition") {
        kept.push(path);
        continue;
      }
      replaced.push(path);
    }
    toWrite.push({ path, content: f.content });
  }
  if (reportPath) {
    const why = unwritable(reportPath);
    if (why) problems.push(options.report === undefined ? why : `--report ${options.report}: ${why}`);
  }
  if (problems.length) throw new ImportInputError(inputErrors.unwritable(problems));

  const ours = new Set(toWrite.map((w) => w.path));
  // Dot files (the import's report, a system's own files) are not articles: the build skips them too.
  const others = stat(pageDir)?.isDirectory() ? readdirSync(pageDir).filter((n) => n.endsWith(".md") && !n.startsWith(".") && !ours.has(join(pageDir, n))).map((n) => join(pageDir, n)) : [];
  if (replaced.length && !options.force) {
    throw new ImportInputError(inputErrors.wouldReplace(replaced.map(shown), others.map(shown)));
  }
  if (others.length) {
    throw new ImportInputError(inputErrors.wouldMix(others.map(shown)));
  }

  const report = renderReport(computed.assembly, {
    input: options.input,
    pageDir: shown(pageDir),
    slugs: computed.slugs,
    lines: computed.lines,
    kept: kept.map(shown),
    replaced: replaced.map(shown),
  });
  if (reportPath) toWrite.push({ path: reportPath, content: report });
  writeAllOrNothing(toWrite);
  return { ...computed, outDir, pageDir, written: toWrite.map((w) => w.path), kept, replaced, report, reportPath };
}
