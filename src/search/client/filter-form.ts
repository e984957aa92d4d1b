/**
 * Filter form: the search page's column, person and edition-date filters, as
 * <select> elements whose options show how many results each choice gives. The
 * URL carries them as `column`, `person` and `date` beside `q`.
 */
import type { Facets, FacetValue } from "../query/facets.ts";
import type { SearchFilters } from "../query/filters.ts";

export const FILTER_NAMES = ["column", "person", "date"] as const;
export type FilterParams = Partial<Record<(typeof FILTER_NAMES)[number], string>>;

const select = (form: HTMLFormElement, name: string) => form.querySelector<HTMLSelectElement>(`select[name=${name}]`);

export function filterParams(form: HTMLFormElement): FilterParams {
  const params: FilterParams = {};
  for (const name of FILTER_NAMES) {
    const value = select(form, name)?.value;
    if (value) params[name] = value;
  }
  return params;
}

export function searchFilters(params: FilterParams): SearchFilters {
  return {
    ...(params.column ? { column: params.column } : {}),
    ...(params.person ? { person: params.person } : {}),
    ...(params.date ? { from: params.date, to: params.date } : {}),
  };
}

export function hasFilters(filters: SearchFilters): boolean {
  return Object.keys(filters).length > 0;
}

/** Sets the selects from URL parameters; a value the archive lacks is kept as an option so the URL stays honest. */
export function writeFilters(form: HTMLFormElement, params: URLSearchParams): void {
  for (const name of FILTER_NAMES) {
    const el = select(form, name);
    if (!el) continue;
    const value = params.get(name) ?? "";
    if (value && ![...el.options].some((o) => o.value === value)) el.append(new Option(value, value));
    el.value = value;
  }
}

/** 2023-06-12 → 2023年6月12日; 2023-06 → 2023年6月. */
export function dateText(value: string): string {
  const [y, m, d] = value.split("-").map(Number);
  return `${y}年${m ? `${m}月` : ""}${d ? `${d}日` : ""}`;
}

const label = (name: string, value: string) => (name === "date" ? dateText(value) : value);

export function fillChoices(form: HTMLFormElement, choices: { columns: string[]; people: string[]; dates: string[] }): void {
  const values: Record<string, string[]> = { column: choices.columns, person: choices.people, date: choices.dates };
  for (const name of FILTER_NAMES) {
    const el = select(form, name);
    if (!el) continue;
    const all = el.options[0]!;
    el.replaceChildren(all, ...values[name]!.map((v) => new Option(label(name, v), v)));
  }
}

export function updateCounts(form: HTMLFormElement, facets: Facets): void {
  const by: Record<string, FacetValue[]> = { column: facets.column, person: facets.person, date: facets.date };
  for (const name of FILTER_NAMES) {
    const el = select(form, name);
    if (!el) continue;
    const counts = new Map(by[name]!.map((f) => [f.value, f.count]));
    for (const option of [...el.options].slice(1)) {
      const n = counts.get(option.value) ?? 0;
      option.textContent = `${label(name, option.value)}(${n})`;
      option.disabled = n === 0 && option.value !== el.value;
    }
  }
}
