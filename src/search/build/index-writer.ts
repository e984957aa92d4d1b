/**
 * Index writer: builds the Lunr index of the archive's articles and writes it out in the
 * compact, partitioned format of index-format.ts. Pure (no file system):
 * build-index.ts reads documents.json, calls `writeIndex` and writes the
 * returned files.
 *
 * Two builders collect the postings and give the same files, byte for byte
 * (test/search/index.test.ts checks it on the sample and on a corpus archive):
 * `direct` (collect-direct.ts), the default, and `lunr` (collect-lunr.ts), the
 * reference, lunr.Builder itself. Lunr's own scoring runs at query time, on a lunr.Index
 * rebuilt from these postings (query/lunr-rebuild.ts). Every part is encoded by the
 * format (format/: meta.ts, postings.ts, docs.ts).
 *
 * Postings parts are cut by leading character under a byte budget (`partBytes`,
 * cut-parts.ts; see the README's benchmark section for how the default was chosen).
 *
 * Every part carries the index's build (format/index-format.ts, "Builds"), which
 * `BuildVersion` derives from the articles and the settings before any part is written.
 */
import { createHash } from "node:crypto";
import lunr from "lunr";
import { ANALYZER_VERSION } from "../analysis/analyzer.ts";
import { FIELDS } from "../analysis/fields.ts";
import { encodeDocsPart } from "../format/docs.ts";
import { searchDocument, type SearchDocument } from "../format/documents.ts";
import { encodeFacts } from "../format/facts.ts";
import { FORMAT_NAME, FORMAT_VERSION, META_PART, docsPartName, factsPartName, partFile, postingsPartName, postingsTableName, wrapPart, type MetaFile, type SegmentFile } from "../format/index-format.ts";
import { POSTINGS_PER_TABLE, encodeMeta, encodeSegment, separator } from "../format/meta.ts";
import { encodePostingsPart } from "../format/postings.ts";
import { collectDirect } from "./collect-direct.ts";
import { collectWithLunr } from "./collect-lunr.ts";
import { cutParts } from "./cut-parts.ts";

/** Lunr's defaults, written into the meta part so the loader scores the same way. */
export const BM25 = { k1: 1.2, b: 0.75 };

/**
 * Default byte budget of a postings part (its terms and postings, before gzip). Chosen
 * from measurements on 10,000 corpus articles (README, "Benchmark"): smaller parts cost
 * a longer part table in meta and more requests, larger ones more bytes per query.
 */
export const DEFAULT_PART_BYTES = 8 * 1024;

export interface WriteOptions {
  /** Articles per docs part (default 1: a results page fetches only what it shows). */
  docsPerPart?: number;
  /** Byte budget of a postings part (default DEFAULT_PART_BYTES; Infinity: one part). */
  partBytes?: number;
  /** Also close a postings part at this many terms (default: no limit). */
  maxTermsPerPart?: number;
  /** Postings parts per postings table (default POSTINGS_PER_TABLE; tests set it small). */
  postingsPerTable?: number;
  /** Which builder collects the postings (default "direct"; both give the same files). */
  builder?: "direct" | "lunr";
}

export interface WrittenIndex {
  /** Relative file path (under the index directory) → file content, in a fixed order. */
  files: Map<string, string>;
  /** With the `lunr` builder: the lunr.Builder after all articles were added (tests compare against its index). */
  builder?: lunr.Builder;
  termCount: number;
}

const utf8Length = (s: string) => Buffer.byteLength(s, "utf8");

/**
 * The build of an index (format/index-format.ts, "Builds"): the first 16 hex digits of
 * the SHA-256 of one line naming the format, the analyzer, Lunr and the settings that
 * shape the files (the segment's folder, docsPerPart, partBytes, maxTermsPerPart, postingsPerTable; not the builder, since both
 * give the same files), then one line per article in archive order, the JSON of its
 * record as the docs parts store it (documents.ts, `searchDocument`). Fed one article
 * at a time, so a writer that streams the articles computes the same build (in a pass
 * before it writes the first part).
 */
export class BuildVersion {
  private readonly hash = createHash("sha256");

  constructor(options: { dir: string; docsPerPart: number; partBytes: number; maxTermsPerPart: number; postingsPerTable: number }) {
    const settings = [FORMAT_NAME, FORMAT_VERSION, ANALYZER_VERSION, lunr.version, options.dir, options.docsPerPart, options.partBytes, options.maxTermsPerPart, options.postingsPerTable];
    this.hash.update(`${JSON.stringify(settings)}\n`);
  }

  add(document: SearchDocument): this {
    this.hash.update(`${JSON.stringify(searchDocument(document))}\n`);
    return this;
  }

  digest(): string {
    return this.hash.digest("hex").slice(0, 16);
  }
}

/** What the meta and facts parts keep of an article. */
export interface ArticleFacts {
  date: string | null;
  column?: string | undefined;
  people: string[];
}

export const articleFacts = (d: SearchDocument): ArticleFacts => ({ date: d.date, column: d.column, people: d.people.map((p) => p.name) });

/**
 * The parts of a segment both writers (this one, stream-index.ts) write once its postings
 * are cut: its postings tables and facts, as [part name, payload], and its entry in meta.
 */
export function segmentHead(input: {
  dir: string;
  build: string;
  termCount: number;
  partFirsts: readonly string[];
  parts: number;
  perTable: number;
  fieldTotals: readonly number[];
  articles: readonly ArticleFacts[];
}): { segment: SegmentFile; parts: Array<[string, unknown]> } {
  const { segment, tables } = encodeSegment({ ...input, docCount: input.articles.length });
  const parts = tables.map((t, j): [string, unknown] => [postingsTableName(j, input.dir), t]);
  parts.push([factsPartName(input.dir), encodeFacts(input.articles, input.build)]);
  return { segment, parts };
}

/**
 * The index's build (format/index-format.ts, "Builds"): its one segment's, else the
 * first 16 hex digits of the SHA-256 of its segments' builds in order.
 */
export function indexBuild(segments: readonly SegmentFile[]): string {
  if (segments.length === 1) return segments[0]!.build;
  return createHash("sha256").update(segments.map((s) => s.build).join("\n")).digest("hex").slice(0, 16);
}

/** The meta part: the segments in archive order and the dates of all their articles. */
export function metaPart(segments: readonly SegmentFile[], dates: ReadonlyArray<string | null>, docsPerPart: number): MetaFile {
  return encodeMeta({
    analyzer: ANALYZER_VERSION,
    build: indexBuild(segments),
    lunr: lunr.version,
    bm25: BM25,
    fields: FIELDS.map((f) => [f.name, f.boost] as const),
    docsPerPart,
    segments,
    dates,
  });
}

/** The writers' settings with their defaults, each at least 1 (both writers shape their files by them). */
export function writeSettings(options: Omit<WriteOptions, "builder">): { docsPerPart: number; maxTerms: number; budget: number; perTable: number } {
  return {
    docsPerPart: Math.max(1, Math.floor(options.docsPerPart ?? 1)),
    maxTerms: Math.max(1, Math.floor(options.maxTermsPerPart ?? Number.POSITIVE_INFINITY)),
    budget: Math.max(1, options.partBytes ?? DEFAULT_PART_BYTES),
    perTable: Math.max(1, Math.floor(options.postingsPerTable ?? POSTINGS_PER_TABLE)),
  };
}

/** Builds the index of the documents (in archive order) and renders its files. */
export function writeIndex(documents: readonly SearchDocument[], options: WriteOptions = {}): WrittenIndex {
  const { docsPerPart, maxTerms, budget, perTable } = writeSettings(options);
  const collected = options.builder === "lunr" ? collectWithLunr(documents) : collectDirect(documents);
  const { terms, fieldLengths } = collected;
  const version = new BuildVersion({ dir: "", docsPerPart, partBytes: budget, maxTermsPerPart: maxTerms, postingsPerTable: perTable });
  for (const d of documents) version.add(d);
  const build = version.digest();

  // Encode every term's postings once, in term order; size = what it adds to a part.
  const encoded = terms.map((_, i) => collected.postings(i));
  const sizes = terms.map((t, i) => utf8Length(t) + encoded[i]!.length + 2);

  const postingsFiles: Array<[string, string]> = [];
  const firsts: string[] = [];
  cutParts(terms, sizes, budget, maxTerms).forEach(([start, end], k) => {
    const payload = encodePostingsPart({ terms: terms.slice(start, end), postings: encoded.slice(start, end) }, build);
    const part = postingsPartName(k);
    if (k > 0) firsts.push(separator(terms[start - 1]!, terms[start]!));
    postingsFiles.push([partFile(part), wrapPart(part, payload)]);
  });

  const n = documents.length;
  const totals = FIELDS.map((_, f) => fieldLengths.reduce((sum, lengths) => sum + lengths[f]!, 0));
  const articles = documents.map(articleFacts);
  const head = segmentHead({ dir: "", build, termCount: terms.length, partFirsts: firsts, parts: postingsFiles.length, perTable, fieldTotals: totals, articles });
  const meta = metaPart([head.segment], articles.map((a) => a.date), docsPerPart);
  const files = new Map<string, string>([[partFile(META_PART), wrapPart(META_PART, meta)]]);
  for (const [name, payload] of head.parts) files.set(partFile(name), wrapPart(name, payload));
  for (const [path, content] of postingsFiles) files.set(path, content);
  for (let first = 0, k = 0; first < n; first += docsPerPart, k++) {
    const part = docsPartName(k);
    files.set(partFile(part), wrapPart(part, encodeDocsPart(first, documents.slice(first, first + docsPerPart), build)));
  }
  const written: WrittenIndex = { files, termCount: terms.length };
  if (collected.builder) written.builder = collected.builder;
  return written;
}
