/**
 * Sort and date range: the search page's order (relevance, or date newest or oldest
 * first) and a from–to date range, each end a year, a month or a day (2024, 2024-06,
 * 2024-06-01). The page's template holds the filter form (filter-form.ts) with these
 * controls, so the form does not grow when the script runs; this module adds them
 * when a form lacks them, and the URL carries them as
 * `sort`, `from` and `to` beside `q` and the filters.
 */
import type { SearchFilters } from "../query/filters.ts";
import { parseSortOrder, type SortOrder } from "../query/sort-order.ts";

export const RANGE_NAMES = ["sort", "from", "to"] as const;
export type RangeParams = Partial<Record<(typeof RANGE_NAMES)[number], string>>;

const control = (form: HTMLFormElement, name: string) => form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name=${name}]`);

/** Adds the controls to the filter form (once). */
export function addSortAndRange(form: HTMLFormElement): void {
  if (control(form, "sort")) return;
  const label = (text: string, field: HTMLElement) => {
    const l = document.createElement("label");
    l.append(`${text} `, field);
    return l;
  };
  const sort = document.createElement("select");
  sort.name = "sort";
  sort.append(new Option("按相关度", ""), new Option("按日期，新的在前", "newest"), new Option("按日期，旧的在前", "oldest"));
  const date = (name: string) => {
    const input = document.createElement("input");
    input.name = name;
    input.type = "text";
    input.inputMode = "numeric";
    input.size = 10;
    input.placeholder = "2024-06";
    input.pattern = String.raw`\d{4}([\-\/.]\d{1,2}([\-\/.]\d{1,2})?)?`;
    input.title = "年、年-月或年-月-日，如 2024、2024-06、2024-06-01";
    return input;
  };
  form.append(label("排序", sort), label("起", date("from")), label("止", date("to")));
}

export function rangeParams(form: HTMLFormElement): RangeParams {
  const params: RangeParams = {};
  for (const name of RANGE_NAMES) {
    const value = control(form, name)?.value.trim();
    if (value) params[name] = value;
  }
  return params;
}

export function writeRange(form: HTMLFormElement, params: URLSearchParams): void {
  for (const name of RANGE_NAMES) {
    const el = control(form, name);
    if (!el) continue;
    let value = params.get(name) ?? "";
    if (name === "sort") value = parseSortOrder(value) === "relevance" ? "" : (parseSortOrder(value) ?? "");
    el.value = value;
  }
}

/** The order the parameters ask for. */
export function sortOf(params: RangeParams): SortOrder {
  return parseSortOrder(params.sort) ?? "relevance";
}

/** The range as filters; an edition date chosen in the filter form (`from`/`to` already set) takes precedence. */
export function withRange(filters: SearchFilters, params: RangeParams): SearchFilters {
  if (filters.from !== undefined || filters.to !== undefined) return filters;
  return { ...filters, ...(params.from ? { from: params.from } : {}), ...(params.to ? { to: params.to } : {}) };
}
