/**
 * Index loader: opens an index (format/index-format.ts) through a PartSource and answers
 * the query engine (query-engine.ts) from its parts: which terms occur and where
 * (term-postings.ts), Lunr's scores of a query's terms (lunr-scores.ts; the lunr.Index of
 * lunr-rebuild.ts for the reference path), and the
 * stored articles of the results (docs parts).
 *
 * Parts are loaded once and kept (part-cache.ts); postings parts are found through the
 * meta part's tables (postings-parts.ts) and a term's postings decoded on first use, so a
 * query touches only the terms it needs. Opening an index decodes only the meta part's
 * table of tables: a cold page pays for what its first query uses (the facts part only
 * when a filter or the facet counts ask).
 */
import type lunr from "lunr";
import { ANALYZER_VERSION } from "../analysis/analyzer.ts";
import { decodeDocsPart } from "../format/docs.ts";
import type { SearchDocument } from "../format/documents.ts";
import { decodeFacts, joinFacts } from "../format/facts.ts";
import { META_PART, docsPartName, factsPartName, type ArchiveFacts, type MetaFile, type MetaPayload, type SegmentView } from "../format/index-format.ts";
import { decodeMeta, validateMeta } from "../format/meta.ts";
import { LunrRebuild, type LunrTerm } from "./lunr-rebuild.ts";
import { lunrScores, type LunrClause, type ScoredDocs } from "./lunr-scores.ts";
import { PartCache, type PartSource } from "./part-cache.ts";
import { SegmentPostings } from "./segment-postings.ts";
import { CompactPostings, type TermPostings } from "./term-postings.ts";

export class IndexLoader {
  readonly meta: MetaPayload;
  readonly fieldNames: string[];
  private readonly parts: PartCache;
  private readonly postingsParts: SegmentPostings;
  private readonly rebuild: LunrRebuild;
  private readonly lunrTerms = new Map<string, LunrTerm>();
  private slots: Int32Array | undefined;
  private joinedFacts: Promise<ArchiveFacts> | undefined;

  private constructor(file: MetaFile, source: PartSource) {
    this.meta = decodeMeta(file);
    this.fieldNames = this.meta.fields.map(([name]) => name);
    this.parts = new PartCache(source);
    this.postingsParts = new SegmentPostings(this.meta, this.parts, this.fieldNames.length);
    this.rebuild = new LunrRebuild(this.meta);
  }

  /** Loads and checks the meta part. Rejects with FormatError on an unusable index. */
  static async open(source: PartSource): Promise<IndexLoader> {
    return new IndexLoader(validateMeta(await source(META_PART), ANALYZER_VERSION), source);
  }

  get docCount(): number {
    return this.meta.docCount;
  }

  /** The column and people of every article and their names (the facts part, loaded once). */
  facts(): Promise<ArchiveFacts> {
    this.joinedFacts ??= Promise.all(
      this.meta.segments.map((s) => {
        const name = factsPartName(s.dir);
        return this.parts.decoded(name, (payload) => decodeFacts(name, payload, s));
      }),
    ).then(joinFacts);
    return this.joinedFacts;
  }

  /** Makes sure the postings of these terms (and of all terms with these prefixes) are loaded. */
  loadTerms(exact: readonly string[], prefixes: readonly string[]): Promise<void> {
    return this.postingsParts.load(exact, prefixes);
  }

  /** True when the term occurs in the archive (its part must be loaded). */
  has(term: string): boolean {
    return this.postingsParts.has(term);
  }

  /** All terms starting with `prefix`, in sorted order (their parts must be loaded). */
  expand(prefix: string): string[] {
    return this.postingsParts.expand(prefix);
  }

  private lunrTerm(term: string): LunrTerm | undefined {
    const cached = this.lunrTerms.get(term);
    if (cached) return cached;
    const encoded = this.postingsParts.encoded(term);
    if (encoded === undefined) return undefined;
    const built = this.rebuild.term(CompactPostings.decode(encoded, this.fieldNames.length));
    this.lunrTerms.set(term, built);
    return built;
  }

  /** The decoded postings of a term, or undefined when it does not occur (for tests and tools). */
  postings(term: string): TermPostings | undefined {
    const t = this.lunrTerm(term);
    return t && { term, entries: t.postings.toEntries() };
  }

  /** Where a term occurs, or undefined when it does not occur in the archive. */
  occurrences(term: string): CompactPostings | undefined {
    return this.lunrTerm(term)?.postings;
  }

  /** A lunr.Index holding these terms as lunr.Builder built it, limited to `docs` when set (lunr-rebuild.ts). */
  lunrIndex(terms: readonly string[], docs?: ReadonlySet<number>): lunr.Index {
    return this.rebuild.index(terms, (term) => this.lunrTerm(term), docs);
  }

  /** Lunr's scores of these articles for these clauses, computed directly (lunr-scores.ts). */
  lunrScores(clauses: readonly LunrClause[], terms: readonly string[], docs: ReadonlySet<number>): ScoredDocs {
    // One slot per article, kept between queries: a Map of the hits cost more than the scoring.
    this.slots ??= new Int32Array(this.docCount).fill(-1);
    return lunrScores(this.rebuild, clauses, terms, (term) => this.lunrTerm(term), docs, this.slots);
  }

  /** The segment holding article n (0 ≤ n < docCount). */
  private segmentOf(n: number): SegmentView {
    const segments = this.meta.segments;
    let i = segments.length - 1;
    while (i > 0 && segments[i]!.offset > n) i--;
    return segments[i]!;
  }

  /** The stored documents (docs parts) of these article numbers. */
  async documents(numbers: readonly number[]): Promise<Map<number, SearchDocument>> {
    const per = this.meta.docsPerPart;
    const wanted = [...new Set(numbers.filter((n) => Number.isInteger(n) && n >= 0 && n < this.docCount))];
    // A docs part is its segment's: numbered from the segment's first article (index-format.ts, "Segments").
    const partsOf = new Map<string, { segment: SegmentView; k: number }>();
    for (const n of wanted) {
      const segment = this.segmentOf(n);
      const k = Math.floor((n - segment.offset) / per);
      partsOf.set(docsPartName(k, segment.dir), { segment, k });
    }
    const payloads = await Promise.all(
      [...partsOf].map(async ([name, { segment }]) => ({ segment, part: await this.parts.decoded(name, (payload) => decodeDocsPart(name, payload, segment.build)) })),
    );
    const found = new Map<number, SearchDocument>();
    payloads.forEach(({ segment, part }) => part.docs.forEach((doc, i) => found.set(segment.offset + part.first + i, doc)));
    return new Map(wanted.filter((n) => found.has(n)).map((n) => [n, found.get(n)!]));
  }
}
