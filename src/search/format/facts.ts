/**
 * Facts: the encoding of the facts part (index-format.ts, "Facts"), both ways: the column
 * and people of every article, for the search page's filters and facet counts. Kept out
 * of meta so that a plain query, which needs neither, does not load a few bytes per
 * article of the archive.
 */
import { decodeInts, encodeInts } from "./codec.ts";
import { FormatError, checkBuild, type ArchiveFacts, type FactsPayload } from "./index-format.ts";
import { numbering } from "./meta.ts";

/** The facts part's payload, from each article's column and people, in archive order. */
export function encodeFacts(articles: Iterable<{ column?: string | undefined; people: readonly string[] }>, build: string): FactsPayload {
  const columns = numbering<string>();
  const people = numbering<string>();
  const column: number[] = [];
  const peopleOf: number[] = [];
  for (const a of articles) {
    column.push(a.column === undefined ? 0 : columns.number(a.column) + 1);
    const numbers = [...new Set(a.people.map((name) => people.number(name)))];
    peopleOf.push(numbers.length, ...numbers);
  }
  return { build, columns: columns.values, people: people.values, column: encodeInts(column), peopleOf: encodeInts(peopleOf) };
}

/**
 * The facts part decoded, checked against the index it belongs to (its build, its
 * number of articles); throws FormatError (BuildMismatchError for another build).
 */
export function decodeFacts(name: string, payload: unknown, meta: { build: string; docCount: number }): ArchiveFacts {
  const p = payload as Partial<FactsPayload> | null;
  if (typeof p !== "object" || p === null) throw new FormatError(`${name}: malformed`);
  checkBuild(name, p, meta.build);
  if (!Array.isArray(p.columns) || !Array.isArray(p.people) || typeof p.column !== "string" || typeof p.peopleOf !== "string") {
    throw new FormatError(`${name}: incomplete`);
  }
  const bad = (what: string) => new FormatError(`${name}: ${what} do not match`);
  const n = meta.docCount;
  const column = Int32Array.from(decodeInts(p.column), (c) => c - 1);
  if (column.length !== n || column.some((c) => c >= p.columns!.length)) throw bad("columns");
  const peopleOf: number[][] = [];
  const ints = decodeInts(p.peopleOf);
  for (let i = 0; i < ints.length; ) {
    const count = ints[i++]!;
    if (i + count > ints.length) throw bad("people");
    const list = ints.slice(i, i + count);
    i += count;
    if (list.some((x) => x >= p.people!.length)) throw bad("people");
    peopleOf.push(list);
  }
  if (peopleOf.length !== n) throw bad("people");
  return { columns: p.columns as string[], people: p.people as string[], column, peopleOf };
}

/**
 * The facts of consecutive segments (index-format.ts, "Segments") as one index's: names
 * numbered by first appearance over the articles of all, in archive order, as the facts
 * part of a whole build numbers them.
 */
export function joinFacts(segments: readonly ArchiveFacts[]): ArchiveFacts {
  if (segments.length === 1) return segments[0]!;
  const columns = numbering<string>();
  const people = numbering<string>();
  const column: number[] = [];
  const peopleOf: number[][] = [];
  for (const s of segments) {
    for (let d = 0; d < s.column.length; d++) {
      const c = s.column[d]!;
      column.push(c < 0 ? -1 : columns.number(s.columns[c]!));
      peopleOf.push(s.peopleOf[d]!.map((p) => people.number(s.people[p]!)));
    }
  }
  return { columns: columns.values, people: people.values, column: Int32Array.from(column), peopleOf };
}
