/**
 * Messages: every sentence the importer writes about a page, in one table. The
 * report (report.ts) shows the English; the Chinese reasons and notes go into
 * the drafts, where readers see them (page.json's `unplaced`, a gap's note, an
 * article's `endingNote`, a page fact's `note`). The steps of the assembly
 * (read-fragments.ts, heads.ts, subject-split.ts, placement.ts, kickers.ts,
 * joins.ts, assemble.ts), drafts.ts, and the input checks (read-page.ts,
 * import-page.ts) take their words from here, so that the wording can be read,
 * and changed, in one place.
 *
 * File names and command-line values in the input errors come from the editor's
 * shell and file system, so they are shown with control characters escaped, as the
 * content errors show them (content/errors.ts): a name holding a newline or an ANSI
 * escape cannot forge a line of the terminal's output.
 */
import { escapeControls } from "../content/errors.ts";
import { quoteEnd, quoteStart } from "./sentences.ts";

/** Why a line was left out of every article: English for the report, Chinese for page.json. */
export interface Reason {
  reason: string;
  reasonZh: string;
}

const fmt = (x: number) => x.toFixed(2);
/** A file name or value from outside, as a message shows it. */
const q = escapeControls;
/** Paths, one an indented line. */
const list = (paths: readonly string[]) => paths.map((p) => `  ${q(p)}`).join("\n");

/** Lines no article takes. */
export const unassignedReasons = {
  creditAlone: (): Reason => ({
    reason: "a photo credit with no caption or title above it",
    reasonZh: "这一行是图片署名，但上方没有图片说明或标题，无法确定属于哪张图片",
  }),
  secondByline: (): Reason => ({ reason: "a second byline in one head", reasonZh: "同一标题下出现第二个署名行，无法确定归属" }),
  severalKickers: (): Reason => ({
    reason: "several kicker lines above one title; the one nearest the title was kept",
    reasonZh: "同一标题上方有多行引题样式的文字，只保留了紧靠标题的一行",
  }),
  thirdHeading: (): Reason => ({
    reason: "a third heading line under a kicker, title and subtitle",
    reasonZh: "标题、副题之下还有一行标题样式的文字，无法确定其作用",
  }),
  tooManyHeadings: (): Reason => ({ reason: "more heading lines than a head holds", reasonZh: "标题行过多，无法确定其作用" }),
  cameAlong: (where: string, title: string, field: string): Reason => ({
    reason: `came with the text placed ${where} ${title}, which already has its ${field}`,
    reasonZh: `这一行随一段文字归入${title}，但该稿已有同类内容，无法确定其作用`,
  }),
  kickerElsewhere: (own: string, other: string, score: number, ownScore: number, words: string): Reason => ({
    reason: `looks like the kicker of ${own} below it, but its words belong to ${other} (overlap ${fmt(score)} against ${fmt(ownScore)}; shared: ${words})`,
    reasonZh: `这一行像是下方稿件${own}的引题，但其用词与该稿不符，反而与本版稿件${other}相近；不能确定它属于哪篇稿件，因此不归入任何一篇。`,
  }),
  photoWithoutTitle: (): Reason => ({ reason: "a photo caption or credit with no title", reasonZh: "图片说明或署名，上方没有标题" }),
  textWithoutHeading: (from: number, to: number, doubt: string | undefined): Reason => ({
    reason: `text with no heading (lines ${from}–${to}) that no article on the page clearly continues${doubt ? `: ${doubt}` : ""}`,
    reasonZh: "这段文字没有标题，也无法确定是本版哪篇稿件的一部分",
  }),
  headWithoutTitle: (): Reason => ({ reason: "a head with no title", reasonZh: "标题以外的标题区文字，下方没有标题" }),
  titleWithoutText: (title: string): Reason => ({
    reason: `a title with no text found for it on the page (${title})`,
    reasonZh: `标题${title}在本版找不到对应的正文`,
  }),
};

/** Fragments cut off or placed away from where they stand (the report's "Moves"). */
export const moveMessages = {
  cut: (title: string, from: number) => `cut from ${title} at line ${from}: the text changes subject there`,
  cutWhy: (title: string, bare: string, words: string[]) =>
    `they follow ${title} with no heading between, but their subject is that of the bare title ${bare} (shared: ${words.join(", ")})`,
  asText: (title: string, words: string[]) => `it is the text of ${title}, which has none (shared: ${words.join(", ")})`,
  opensWithByline: (title: string) => `it opens with a byline, so it is the start of an article, and ${title} has none`,
  startsMidSentence: (title: string) => `it stops mid-sentence and ${title}'s text starts mid-sentence`,
  withShared: (why: string, words: string[]) => `${why} (shared: ${words.join(", ")})`,
  continues: (title: string, words: string[]) => `${title} stops mid-sentence and this text continues it (shared: ${words.join(", ")})`,
  undecided: (title: string, score: number, rival: string, rivalScore: number) => `it fits ${title} (overlap ${fmt(score)}) hardly better than ${rival} (${fmt(rivalScore)})`,
  placed: (from: number, to: number, where: string, title: string, because: string, score: number) => `lines ${from}–${to} placed ${where} ${title}: ${because} (overlap ${fmt(score)})`,
};

/** Where a placed fragment went, as the messages say it. */
export const placeWords = { start: "at the start of", end: "at the end of", text: "as the text of" } as const;

/** The evidence listed for each join of two lines. */
export const joinEvidence = {
  stops: (line: number, before: string) => `line ${line} stops mid-sentence: “${quoteEnd(before)}”`,
  splitsWord: (word: string) => `the break splits the word “${word}”`,
  cannotStart: (line: number, text: string) => `line ${line} cannot start a sentence: “${quoteStart(text)}”`,
  opensWith: (line: number, opening: string) => `line ${line} opens with “${opening}”, not a sentence on its own`,
  continuesIt: (line: number, text: string) => `line ${line} continues it: “${quoteStart(text)}”`,
  adjacent: () => "the two lines are next to each other in the file",
  farApart: () => "the two lines are far apart in the file",
};

/** Doubts for the report's "To check" list, and the notes the drafts carry with them. */
export const doubtMessages = {
  beforeSubhead: (last: number, before: string, subhead: number) =>
    `line ${last} stops mid-sentence (“${quoteEnd(before)}”) right before the subhead on line ${subhead}: text is missing; a gap marks it`,
  noContinuation: (last: number, before: string, first: number, text: string, stray: [string, string]) =>
    `line ${last} stops mid-sentence (“${quoteEnd(before)}”) and line ${first} (“${quoteStart(text)}”) does not read as its continuation: the break leaves “${stray[0]}” and “${stray[1]}”, which make no word; a gap marks the missing text — check`,
  startsMidSentence: (line: number, text: string) => `line ${line} seems to start mid-sentence (“${quoteStart(text)}”), but nothing before it stops mid-sentence: its beginning may be missing`,
  breaksOff: (line: number, text: string) => `the text ends mid-sentence on line ${line} (“${quoteEnd(text)}”) and nothing on the page continues it: marked as breaking off`,
};

/** Chinese notes written into the drafts for readers. */
export const draftNotes = {
  gapBeforeSubhead: (before: string) => `原文此处缺失（“${quoteEnd(before, 10)}”之后的文字不在本版）`,
  gap: (before: string, after: string) => `原文此处缺失（“${quoteEnd(before, 10)}”之后的文字不在本版；下一段“${quoteStart(after, 10)}”接不上前句，中间内容未补写）`,
  breaksOff: (text: string) => `正文止于“${quoteEnd(text, 16).replace(/^…/u, "")}”，句子未完；本版没有下文，也没有转版说明。`,
  pageNumberUnknown: "版次未给出：导入时没有指定（--page），原始文本中也不作判断。",
  pageNumberGiven: "版次由编辑导入时在命令行指定（--page），不是从版面上印出的文字读取的。",
  dateGiven: "日期由编辑导入时在命令行指定（--date），不是从版面上印出的文字读取的。",
  pageNameUnknown: "版名未给出：导入程序不从原始文本推断版名，请编辑核对后填写。",
};

/** Why an import stops before writing anything (exit code 2): what is wrong and how to fix it. */
export const inputErrors = {
  notAFile: (file: string) => `${q(file)} is not a file`,
  tooLarge: (file: string, size: number, limit: number) =>
    `${q(file)} is ${size.toLocaleString("en")} bytes, over the importer's limit of ${limit / 1024 / 1024} MB (${limit.toLocaleString("en")} bytes): a page's text is some 10–30 KB; import the pages one at a time`,
  missing: (file: string) => `${q(file)} does not exist`,
  unreadable: (file: string, why: string) => `${q(file)} cannot be read: ${q(why)}`,
  binary: (name: string) => `${q(name)} is not a text file (it contains NUL bytes); give the page's text, extracted as UTF-8`,
  notUtf8: (name: string) => `${q(name)} is not valid UTF-8; convert it first (for GB 18030 text: iconv -f GB18030 -t UTF-8 ${q(name)})`,
  empty: (name: string) => `${q(name)} is empty: there is no text to import`,
  dateRequired: () => "--date YYYY-MM-DD is required: the edition's date, which is also its folder name",
  dateForm: (value: string) => `--date ${q(value)}: write the date as YYYY-MM-DD, e.g. 2023-06-12`,
  dateInvalid: (value: string, why: string | undefined) => `--date ${q(value)}: ${why ?? "is not a date"}`,
  pageNumber: (value: string) => `--page ${q(value)}: give the page number (版次) as a positive whole number, e.g. --page 3`,
  attachmentType: (option: string, file: string, allowed: readonly string[]) => `${option} ${q(file)}: must end in ${allowed.map((e) => `.${e}`).join(", ")}`,
  reportInContent: (report: string, out: string, reportFile: string) =>
    `--report ${q(report)}: the report cannot go inside the content folder ${q(out)} (the build accepts only edition, page and article files there); write it elsewhere, or leave --report out to have it beside the drafts as ${reportFile}`,
  isNotAFile: (path: string, isFolder: boolean) => `${q(path)} is ${isFolder ? "a folder" : "not a regular file"}, not a file`,
  underAFile: (file: string, path: string) => `${q(file)} is a file, so ${q(path)} cannot be written under it`,
  /** `problems`: messages of this table, already escaped. */
  unwritable: (problems: string[]) => `nothing was written:\n${problems.map((p) => `  ${p}`).join("\n")}`,
  wouldReplace: (replaced: string[], others: string[]) =>
    `nothing was written: these files exist and would be replaced:\n${list(replaced)}\nrun again with --force to replace them${others.length ? `; the page folder also holds articles this import would not write (move them away first):\n${list(others)}` : ""}`,
  wouldMix: (others: string[]) => `nothing was written: the page folder holds articles this import would not write, so the page would mix two imports:\n${list(others)}\nmove them away first (--force replaces only the files the import writes)`,
  /** A file that could not be written (the whole import was undone). */
  writeFailed: (path: string, why: string) => `nothing was written: ${q(path)} could not be written (${q(why)})`,
  /** What the command line could not parse (node:util's parseArgs names the option as typed). */
  badArguments: (why: string) => q(why),
};

/** The import's outcome, as scripts/import.ts prints it. */
export const doneMessages = {
  imported: (articles: number, pageDir: string, joins: number, moves: number, doubts: number, unassigned: number) =>
    `Imported ${articles} articles into ${q(pageDir)}: ${joins} joins, ${moves} moves, ${doubts} doubts, ${unassigned} unassigned lines.`,
  report: (reportPath: string) => `Report: ${q(reportPath)} (check its "To check" list, then npm run build).`,
};

/** How a head was read, for the report's "How heads were read". */
export const headNotes = {
  couplet: (line: number) => `line ${line} is a couplet (two parallel halves) above the title: read as the kicker`,
  splitLine: (line: number) => `line ${line} holds the title and the subtitle; split at the space`,
};
