/**
 * Filters: restrict results to columns (栏目), people, and a date range, with or without
 * query text (a browsing UI uses them alone). They work on the small per-article facts
 * of the index (index-format.ts: dates in meta, columns and people in the facts part,
 * which the engine loads only for a column or person filter), so filtering never loads
 * article text. The query
 * engine (query-engine.ts) compiles them once per search into a test on article numbers.
 *
 * Names match after normalization (normalize.ts), so 丁祎嫻 finds 丁祎嫻 and 丁祎娴 alike.
 * Dates: an article dated only to a month (2023-06) or a year covers that whole period
 * and matches a range it overlaps, since its day could be in the range; an article with
 * no date matches no date range. Invalid values are reported, not thrown.
 */
import type { ArchiveFacts, MetaPayload } from "../format/index-format.ts";
import { normalize } from "../analysis/normalize.ts";

export interface SearchFilters {
  /** Column name(s); an article in any of them matches. */
  column?: string | readonly string[];
  /** Person name(s); an article naming any of them matches. */
  person?: string | readonly string[];
  /** Earliest date, YYYY, YYYY-MM or YYYY-MM-DD (inclusive). */
  from?: string;
  /** Latest date, YYYY, YYYY-MM or YYYY-MM-DD (inclusive). */
  to?: string;
}

/** A compiled filter: null means "no filter", otherwise a test on article numbers. */
export interface CompiledFilters {
  test: ((doc: number) => boolean) | null;
  problems: string[];
}

const DATE = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/;

/** The first and last day a partial date may denote, as YYYY-MM-DD strings (comparable as text). */
export function dateBounds(value: string): [string, string] | null {
  const m = DATE.exec(normalize(value).trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  const month = mo?.padStart(2, "0");
  const day = d?.padStart(2, "0");
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return null;
  if (day !== undefined && (Number(day) < 1 || Number(day) > 31)) return null;
  // "-31" as an upper bound is fine for text comparison even in shorter months.
  return [`${y}-${month ?? "01"}-${day ?? "01"}`, `${y}-${month ?? "12"}-${day ?? "31"}`];
}

const key = (name: string) => normalize(name).replace(/\s+/g, "");

function list(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  return (typeof value === "string" ? [value] : [...value]).filter((v) => typeof v === "string" && v.trim() !== "");
}

/** True when the filters name a column or a person: compiling them needs the facts part. */
export function needsFacts(filters: SearchFilters | undefined): boolean {
  return !!filters && typeof filters === "object" && (list(filters.column).length > 0 || list(filters.person).length > 0);
}

/** `facts` must be given when `needsFacts(filters)`. */
export function compileFilters(filters: SearchFilters | undefined, meta: MetaPayload, facts?: ArchiveFacts): CompiledFilters {
  const problems: string[] = [];
  const tests: Array<(doc: number) => boolean> = [];
  if (!filters || typeof filters !== "object") return { test: null, problems };
  const loaded = (): ArchiveFacts => {
    if (!facts) throw new Error("compileFilters: a column or person filter needs the facts part");
    return facts;
  };

  const columns = list(filters.column);
  if (columns.length > 0) {
    const { columns: names, column } = loaded();
    const wanted = new Set(columns.map(key));
    const numbers = new Set<number>();
    names.forEach((name, i) => wanted.has(key(name)) && numbers.add(i));
    tests.push((doc) => numbers.has(column[doc]!));
  }

  const persons = list(filters.person);
  if (persons.length > 0) {
    const { people: names, peopleOf } = loaded();
    const wanted = new Set(persons.map(key));
    const numbers = new Set<number>();
    names.forEach((name, i) => wanted.has(key(name)) && numbers.add(i));
    tests.push((doc) => peopleOf[doc]!.some((p) => numbers.has(p)));
  }

  let lowest: string | undefined;
  let highest: string | undefined;
  for (const [name, value] of [["from", filters.from], ["to", filters.to]] as const) {
    if (value === undefined || value === "") continue;
    const bounds = typeof value === "string" ? dateBounds(value) : null;
    if (!bounds) {
      problems.push(`ignored ${name} date ${JSON.stringify(value)}: write YYYY, YYYY-MM or YYYY-MM-DD`);
      continue;
    }
    if (name === "from") lowest = bounds[0];
    else highest = bounds[1];
  }
  if (lowest !== undefined || highest !== undefined) {
    const bounds = meta.docs.date.map((d) => (d === null ? null : dateBounds(d)));
    tests.push((doc) => {
      const b = bounds[doc];
      if (!b) return false;
      return (highest === undefined || b[0] <= highest) && (lowest === undefined || b[1] >= lowest);
    });
  }

  if (tests.length === 0) return { test: null, problems };
  return { test: (doc) => tests.every((t) => t(doc)), problems };
}
