/**
 * Sort order: results by relevance (the query engine's ranking, query-engine.ts) or by
 * date, newest or oldest first, for the CLI (scripts/search.ts) and the search page
 * (client/search-service.ts). Dates come from the meta part (index-format.ts); an
 * article dated to a month or a year sorts at the start of that period, and undated
 * articles come last either way. Ties keep the relevance order.
 */
import { compareNewest } from "./partial-matches.ts";

export type SortOrder = "relevance" | "newest" | "oldest";

/** The order named by a CLI or URL value (`date` is newest first), or null when unknown. */
export function parseSortOrder(value: string | null | undefined): SortOrder | null {
  if (value == null || value === "" || value === "relevance") return "relevance";
  if (value === "date" || value === "newest") return "newest";
  if (value === "oldest") return "oldest";
  return null;
}

/** `items` (in relevance order) in the given order; a new array, the input untouched. */
export function sortByDate<T extends { doc: number }>(items: readonly T[], order: SortOrder, dates: readonly (string | null)[]): T[] {
  if (order === "relevance") return [...items];
  const rank = new Map(items.map((x, i) => [x, i]));
  const sign = order === "newest" ? 1 : -1;
  return [...items].sort((a, b) => {
    const da = dates[a.doc] ?? null;
    const db = dates[b.doc] ?? null;
    if (da === null || db === null) return compareNewest(da, db) || rank.get(a)! - rank.get(b)!;
    return sign * compareNewest(da, db) || rank.get(a)! - rank.get(b)!;
  });
}
