/**
 * Stream index: the index build in bounded memory. Reads the search documents a line at
 * a time from JSON Lines files (read-documents.ts), collects the postings of each run of
 * consecutive articles in memory with the direct builder (collect-direct.ts) and writes
 * the run to a work folder sorted by term (postings-runs.ts), then merges the runs term
 * by term into postings parts cut as it goes (cut-parts.ts, PartCutter), and writes the
 * docs parts as the documents pass and the meta part last. The files are those of
 * index-writer.ts's `writeIndex` over the same documents, byte for byte
 * (test/search/stream-index.test.ts): same numbering, same postings, same cuts.
 *
 * Memory is one run's collection, the few facts per article the meta and facts parts
 * hold (date, column, people), one line per run while merging, and the postings part
 * being filled; it does not hold the archive's documents or postings.
 *
 * The build every part carries is hashed from the documents in a first pass over the
 * files (index-writer.ts, BuildVersion), before any part is written.
 *
 * An index is one segment, or two (format/index-format.ts, "Segments"): `recentFiles`
 * gives a whole build's recent segment, and `addRecentSegment` makes the recent segment
 * anew beside a previous index's base, whose files it links rather than writes.
 *
 * Like build-index.ts, the parts are written to a folder beside `<site>/search/index/`
 * and swapped in only when complete: a failed build leaves the previous index in place.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { linkFiles } from "../../files/link-files.ts";
import { swapFolder } from "../../files/swap-folder.ts";
import { ANALYZER_VERSION } from "../analysis/analyzer.ts";
import { FIELDS } from "../analysis/fields.ts";
import { encodeDocsPart } from "../format/docs.ts";
import type { SearchDocument } from "../format/documents.ts";
import { INDEX_DIR, META_PART, RECENT_DIR, docsPartName, partFile, postingsPartName, unwrapPart, wrapPart, type SegmentFile } from "../format/index-format.ts";
import { decodeMeta, separator, validateMeta } from "../format/meta.ts";
import { encodePostingsPart } from "../format/postings.ts";
import { collectDirect } from "./collect-direct.ts";
import { PartCutter } from "./cut-parts.ts";
import { BuildVersion, metaPart, segmentHead, writeSettings, type ArticleFacts, type WriteOptions } from "./index-writer.ts";
import { mergeRuns, writeRun } from "./postings-runs.ts";
import { readDocumentFiles } from "./read-documents.ts";

/**
 * Default number of articles per run. A run's collection takes memory in proportion to
 * its articles' tokens; more runs cost more files open while merging.
 */
export const DEFAULT_RUN_DOCUMENTS = 5000;

export interface StreamOptions extends Omit<WriteOptions, "builder"> {
  /** At most this many articles per run (default DEFAULT_RUN_DOCUMENTS); a run also ends with its file. */
  runDocuments?: number;
}

export interface BuildFromRunsInput extends StreamOptions {
  /** JSON Lines files of search documents (a `.json` file: a whole documents.json), together the archive in order. */
  documentFiles: readonly string[];
  /** With these (the newer articles, before `documentFiles`'), two segments: these the recent one. */
  recentFiles?: readonly string[] | undefined;
  /** The site: the index goes to `<siteDir>/search/index/`. */
  siteDir: string;
  /** Where the runs are written (in a folder of their own, removed at the end). */
  workDir: string;
}

export interface AddRecentInput extends Omit<BuildFromRunsInput, "recentFiles"> {
  /** `documentFiles` are the articles before the base's, in archive order. The previous index folder, whose base segment (dir "") is kept: its files are linked, not written. */
  previousIndexDir: string;
}

export interface BuildIndexReport {
  documents: number;
  terms: number;
  runs: number;
  /** Files written (not counting those linked from the previous index). */
  files: number;
  bytes: number;
  /** Files of a kept segment, linked from the previous index. */
  linked: number;
  /** Folders of the site ("/"-separated) that hold only such linked files. */
  keptFolders: string[];
  milliseconds: number;
}

/** One string object per distinct value, so the facts of many articles share their names. */
function interner(): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    const known = seen.get(s);
    if (known !== undefined) return known;
    seen.set(s, s);
    return s;
  };
}

interface SegmentWritten {
  segment: SegmentFile;
  /** Per article of the segment, its date. */
  dates: Array<string | null>;
  documents: number;
  runs: number;
}

/** Writes one segment's parts (named with its `dir`) through `write`, streaming (see the module comment). */
function writeSegment(input: StreamOptions & { documentFiles: readonly string[]; runsDir: string; dir: string }, write: (name: string, payload: unknown) => void): SegmentWritten {
  const { dir } = input;
  // Each segment's runs in a folder of their own: a build may write two segments.
  const runsDir = mkdtempSync(join(input.runsDir, "segment-"));
  const { docsPerPart, maxTerms, budget, perTable } = writeSettings(input);
  const runDocuments = Math.max(1, Math.floor(input.runDocuments ?? DEFAULT_RUN_DOCUMENTS));

  // Pass 0: the build every part carries (index-format.ts, "Builds") is known before the first part is written.
  const version = new BuildVersion({ dir, docsPerPart, partBytes: budget, maxTermsPerPart: maxTerms, postingsPerTable: perTable });
  const seen = new Set<string>();
  for (const path of input.documentFiles) for (const doc of readDocumentFiles([path], seen)) version.add(doc);
  const build = version.digest();

  // Pass 1: documents → docs parts, the meta facts, and one sorted run per chunk of articles.
  const intern = interner();
  const articles: ArticleFacts[] = [];
  const fieldTotals = FIELDS.map(() => 0);
  const runs: string[] = [];
  let docs: SearchDocument[] = [];
  let docsFirst = 0;
  let chunk: SearchDocument[] = [];
  let chunkFirst = 0;
  let count = 0;
  const ids = new Set<string>();
  const flushRun = () => {
    if (chunk.length === 0) return;
    const collected = collectDirect(chunk);
    for (const lengths of collected.fieldLengths) lengths.forEach((l, f) => (fieldTotals[f] = fieldTotals[f]! + l));
    const path = join(runsDir, `${String(runs.length).padStart(6, "0")}.run`);
    writeRun(path, collected, chunkFirst);
    runs.push(path);
    chunk = [];
    chunkFirst = count;
  };
  for (const path of input.documentFiles) {
    for (const doc of readDocumentFiles([path], ids)) {
      const fact: ArticleFacts = { date: doc.date === null ? null : intern(doc.date), people: doc.people.map((p) => intern(p.name)) };
      if (doc.column !== undefined) fact.column = intern(doc.column);
      articles.push(fact);
      docs.push(doc);
      if (docs.length === docsPerPart) {
        write(docsPartName(docsFirst / docsPerPart, dir), encodeDocsPart(docsFirst, docs, build));
        docs = [];
        docsFirst += docsPerPart;
      }
      chunk.push(doc);
      count++;
      if (chunk.length === runDocuments) flushRun();
    }
    flushRun();
  }
  if (docs.length > 0) write(docsPartName(docsFirst / docsPerPart, dir), encodeDocsPart(docsFirst, docs, build));

  // Pass 2: the runs merged term by term, cut into postings parts as they come.
  let termCount = 0;
  let parts = 0;
  let lastTerm = "";
  const firsts: string[] = [];
  const cutter = new PartCutter<{ term: string; postings: string }>(budget, maxTerms, (items) => {
    if (parts > 0) firsts.push(separator(lastTerm, items[0]!.term));
    if (items.length > 0) lastTerm = items[items.length - 1]!.term;
    write(postingsPartName(parts++, dir), encodePostingsPart({ terms: items.map((i) => i.term), postings: items.map((i) => i.postings) }, build));
  });
  mergeRuns(runs, (term, postings) => {
    termCount++;
    cutter.add(term, Buffer.byteLength(term, "utf8") + postings.length + 2, { term, postings });
  });
  cutter.finish();

  const head = segmentHead({ dir, build, termCount, partFirsts: firsts, parts, perTable, fieldTotals, articles });
  for (const [name, payload] of head.parts) write(name, payload);
  return { segment: head.segment, dates: articles.map((a) => a.date), documents: count, runs: runs.length };
}

/**
 * Writes an index into a staging folder beside `<siteDir>/search/index/` and swaps it in
 * when `fill` returns; a failure leaves the previous index in place.
 */
function stagedIndex(input: BuildFromRunsInput, fill: (staging: string, runsDir: string, write: (name: string, payload: unknown) => void) => Omit<BuildIndexReport, "files" | "bytes" | "milliseconds">): BuildIndexReport {
  const started = performance.now();
  const target = join(input.siteDir, INDEX_DIR);
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = `${target}.tmp-${stamp}`;
  mkdirSync(input.workDir, { recursive: true });
  const runsDir = mkdtempSync(join(input.workDir, "runs-"));
  let files = 0;
  let bytes = 0;
  const folders = new Set<string>();
  const write = (name: string, payload: unknown) => {
    const content = wrapPart(name, payload);
    const file = join(staging, partFile(name));
    const folder = dirname(file);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeFileSync(file, content);
    files++;
    bytes += Buffer.byteLength(content);
  };
  try {
    mkdirSync(staging, { recursive: true });
    const report = fill(staging, runsDir, write);
    swapFolder(staging, target, `${target}.old-${stamp}`);
    return { ...report, files, bytes, milliseconds: performance.now() - started };
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  } finally {
    rmSync(runsDir, { recursive: true, force: true });
  }
}

/**
 * Builds `<siteDir>/search/index/` from the documents, streaming (see the module
 * comment): one segment, or with `recentFiles` a recent and a base segment.
 */
export async function buildIndexFromRuns(input: BuildFromRunsInput): Promise<BuildIndexReport> {
  return stagedIndex(input, (_staging, runsDir, write) => {
    const recent = input.recentFiles?.length ? writeSegment({ ...input, documentFiles: input.recentFiles, runsDir, dir: RECENT_DIR }, write) : undefined;
    const base = writeSegment({ ...input, runsDir, dir: "" }, write);
    const segments = recent && recent.documents > 0 ? [recent, base] : [base];
    write(META_PART, metaPart(segments.map((s) => s.segment), segments.flatMap((s) => s.dates), writeSettings(input).docsPerPart));
    return { documents: base.documents + (recent?.documents ?? 0), terms: base.segment.termCount, runs: base.runs + (recent?.runs ?? 0), linked: 0, keptFolders: [] };
  });
}

/**
 * The previous index with its recent segment made anew (index-format.ts, "Segments"):
 * the base segment's files are linked from `previousIndexDir`, the recent segment is
 * built from `documentFiles` (the articles before the base's in archive order), and the
 * meta part lists both. Throws when the previous index has no usable base segment.
 */
export async function addRecentSegment(input: AddRecentInput): Promise<BuildIndexReport> {
  const file = validateMeta(unwrapPart(META_PART, readFileSync(join(input.previousIndexDir, partFile(META_PART)), "utf8")), ANALYZER_VERSION);
  const previous = decodeMeta(file);
  const base = file.segments[file.segments.length - 1]!;
  if (base.dir !== "") throw new Error(`${input.previousIndexDir}: the last segment is not the base`);
  const baseOffset = previous.docCount - base.docCount;
  const { docsPerPart } = writeSettings(input);
  if (previous.docsPerPart !== docsPerPart) throw new Error(`${input.previousIndexDir}: ${previous.docsPerPart} articles per docs part, this build writes ${docsPerPart}`);
  return stagedIndex(input, (staging, runsDir, write) => {
    const linked = readdirSync(input.previousIndexDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(input.previousIndexDir, join(e.parentPath, e.name)).split(sep).join("/"))
      .filter((path) => path !== partFile(META_PART) && !path.startsWith(RECENT_DIR));
    linkFiles(input.previousIndexDir, staging, linked);
    const recent = writeSegment({ ...input, runsDir, dir: RECENT_DIR }, write);
    const segments = recent.documents > 0 ? [recent.segment, base] : [base];
    write(META_PART, metaPart(segments, [...recent.dates, ...previous.docs.date.slice(baseOffset)], docsPerPart));
    // Only the recent segment and the meta part are written, so the folders of linked files hold nothing else.
    const keptFolders = [...new Set(linked.filter((p) => p.includes("/")).map((p) => `${INDEX_DIR}/${p.slice(0, p.lastIndexOf("/"))}`))];
    return { documents: recent.documents, terms: recent.segment.termCount, runs: recent.runs, linked: linked.length, keptFolders };
  });
}
