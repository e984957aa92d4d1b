/**
 * Collect with Lunr: the reference index builder. lunr.Builder is fed tokens from the
 * analyzer (analysis/analyzer.ts) through a pass-through tokenizer and an empty pipeline
 * (so no pipeline function is serialized or needs registering in the browser), every
 * token carrying its position as Lunr metadata, and the inverted index the builder made
 * is encoded term by term (format/postings.ts). The direct builder (collect-direct.ts)
 * must give the same files; test/search/index.test.ts compares them byte for byte.
 */
import lunr from "lunr";
import { analyzeSegments } from "../analysis/analyzer.ts";
import { FIELDS, fieldSegments } from "../analysis/fields.ts";
import type { SearchDocument } from "../format/documents.ts";
import { docNumber, docRef } from "../format/index-format.ts";
import { encodeTermPostings, type TermEntry } from "../format/postings.ts";
import { compareCodeUnits, type Collected } from "./collected.ts";

/** Lunr document field (extractor input): analyzed tokens per field. */
interface AnalyzedDoc {
  ref: string;
  fields: lunr.Token[][];
}

/** Builds a lunr.Builder over the documents with the analyzer's tokens (the reference path). */
export function buildLunr(documents: readonly SearchDocument[]): { builder: lunr.Builder; fieldLengths: number[][] } {
  const builder = new lunr.Builder();
  builder.ref("ref");
  FIELDS.forEach((f, i) => {
    builder.field(f.name, { boost: f.boost, extractor: (doc: object) => (doc as AnalyzedDoc).fields[i]! });
  });
  builder.metadataWhitelist = ["position"];
  // The extractor already returns lunr.Tokens: the tokenizer passes them through.
  builder.tokenizer = ((tokens: lunr.Token[]) => tokens) as unknown as typeof lunr.tokenizer;
  const fieldLengths: number[][] = [];
  documents.forEach((doc, n) => {
    const fields = fieldSegments(doc).map((segments) =>
      analyzeSegments(segments).map((t) => new lunr.Token(t.term, { position: t.position })),
    );
    fieldLengths.push(fields.map((f) => f.length));
    builder.add({ ref: docRef(n), fields } satisfies AnalyzedDoc);
  });
  return { builder, fieldLengths };
}

type LunrPosting = Record<string, Record<string, { position: number[] }>>;

/**
 * One term's entries from lunr.Builder's inverted index entry, ordered by article then
 * field; each entry's length is the field length lunr.Builder recorded (its
 * `fieldLengths`, keyed by lunr.FieldRef: "field/ref").
 */
function lunrEntries(posting: LunrPosting, lengths: Record<string, number>): TermEntry[] {
  const entries: TermEntry[] = [];
  FIELDS.forEach((f, field) => {
    const byDoc = posting[f.name] ?? {};
    for (const ref of Object.keys(byDoc)) entries.push({ doc: docNumber(ref), field, length: lengths[`${f.name}/${ref}`]!, positions: byDoc[ref]!.position });
  });
  return entries.sort((a, b) => a.doc - b.doc || a.field - b.field);
}

export function collectWithLunr(documents: readonly SearchDocument[]): Collected {
  const { builder, fieldLengths } = buildLunr(documents);
  const inverted = (builder as unknown as { invertedIndex: Record<string, LunrPosting> }).invertedIndex;
  const lengths = (builder as unknown as { fieldLengths: Record<string, number> }).fieldLengths;
  // Code-unit order, as lunr.TokenSet.Builder requires.
  const terms = Object.keys(inverted).sort(compareCodeUnits);
  return { terms, postings: (i) => encodeTermPostings(lunrEntries(inverted[terms[i]!]!, lengths), FIELDS.length), fieldLengths, builder };
}
