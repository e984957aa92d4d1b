/**
 * Facets: counts of results per column, person and edition date, for filters that
 * show how many results each choice leaves. Each facet is counted over the results
 * of the query with the *other* filters applied, so a reader sees what picking a
 * different value in that filter would give. Works on the meta and facts parts only.
 */
import { compileFilters, type SearchFilters } from "./filters.ts";
import type { ArchiveFacts, MetaPayload } from "../format/index-format.ts";

export interface FacetValue {
  value: string;
  count: number;
}

export interface Facets {
  column: FacetValue[];
  person: FacetValue[];
  date: FacetValue[];
}

type Test = ((doc: number) => boolean) | null;

/** `docs`: the articles matching the query text (or every article when there is none). */
export function countFacets(meta: MetaPayload, facts: ArchiveFacts, docs: readonly number[], filters: SearchFilters): Facets {
  const without = (key: keyof SearchFilters): Test => {
    const rest: SearchFilters = { ...filters };
    delete rest[key];
    if (key === "from") delete rest.to; // the date filter is one choice: from and to together
    return compileFilters(rest, meta, facts).test;
  };
  const count = (test: Test, values: (doc: number) => Iterable<string>): FacetValue[] => {
    const counts = new Map<string, number>();
    for (const doc of docs) {
      if (test && !test(doc)) continue;
      for (const v of values(doc)) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return [...counts].map(([value, n]) => ({ value, count: n }));
  };
  const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || a.value.localeCompare(b.value, "zh-Hans-CN");
  return {
    column: count(without("column"), (d) => {
      const c = facts.column[d]!;
      return c >= 0 ? [facts.columns[c]!] : [];
    }).sort(byCount),
    person: count(without("person"), (d) => new Set(facts.peopleOf[d]!.map((p) => facts.people[p]!))).sort(byCount),
    // Editions newest first, as the archive lists them.
    date: count(without("from"), (d) => (meta.docs.date[d] ? [meta.docs.date[d]!] : [])).sort((a, b) => b.value.localeCompare(a.value)),
  };
}
