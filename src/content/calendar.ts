/**
 * Calendar: the archive's editions by year, month and day, as a reader of a
 * 数字报 picks a date. Each month that has an edition becomes one static page
 * (archive/YYYY/MM/) with its month grid, its editions with weekday and counts,
 * and links to the neighbouring months and to every year: no script is needed
 * to read it, and a new edition changes only its own month's page (and the
 * pages that show the latest month).
 *
 * A date known only to the month (2023-06, inferred) is listed in its month
 * but placed on no day; one known only to the year is listed under the year;
 * an edition with no date at all is listed apart. Nothing is guessed.
 */
import { weekday } from "./labels.ts";
import type { ArticleSummary, Edition } from "./model.ts";
import type { Link } from "./edition-order.ts";

/** One edition as the calendar lists it. */
export interface CalendarEntry {
  url: string;
  /** The edition's date label: 2023年6月12日 星期一, 2023年6月（推断）. */
  label: string;
  /** The day of the month, when the date is known to the day. */
  day?: number | undefined;
  pageCount: number;
  articleCount: number;
}

export interface CalendarDay {
  day: number;
  /** 星期一 … */
  weekday: string;
  /** 6月12日 星期一: the cell's accessible name. */
  label: string;
  editions: CalendarEntry[];
}

export interface CalendarMonth {
  /** 2023-06 */
  key: string;
  year: number;
  month: number;
  /** 2023年6月 */
  label: string;
  /** archive/2023/06/ */
  url: string;
  /** Rows of seven cells, Sunday first (as Chinese wall calendars print); null pads the first and last week. */
  weeks: (CalendarDay | null)[][];
  /** Every edition of the month in date order, those without a known day last. */
  entries: CalendarEntry[];
  /** Of those, the editions whose day is not known. */
  undated: CalendarEntry[];
  articleCount: number;
  /** The nearest months before and after that have an edition. */
  earlier?: Link | undefined;
  later?: Link | undefined;
}

export interface CalendarYear {
  year: number;
  /** The year's latest month with an edition: where a link to the year leads. */
  url: string;
  /** Twelve slots, January first; a month without an edition has no url. */
  months: { month: number; label: string; url?: string | undefined; editionCount: number; articleCount: number }[];
  /** Editions known only to the year. */
  undated: CalendarEntry[];
  editionCount: number;
  articleCount: number;
}

export interface Calendar {
  /** Months with an edition (or a dated-to-the-month edition), newest first. */
  months: CalendarMonth[];
  /** Newest first. */
  years: CalendarYear[];
  /** Editions whose date is unknown. */
  undated: CalendarEntry[];
}

export const WEEK_HEADER = ["日", "一", "二", "三", "四", "五", "六"];

function entryOf(edition: Edition<ArticleSummary>, day?: number): CalendarEntry {
  return {
    url: edition.url,
    label: edition.dateLabel,
    day,
    pageCount: edition.pages.length,
    articleCount: edition.pages.reduce((n, p) => n + p.articles.length, 0),
  };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthGrid(year: number, month: number, byDay: Map<number, CalendarEntry[]>): (CalendarDay | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const cells: (CalendarDay | null)[] = Array.from({ length: first }, () => null);
  for (let day = 1; day <= daysIn(year, month); day++) {
    const wd = weekday(year, month, day);
    cells.push({ day, weekday: wd, label: `${month}月${day}日 ${wd}`, editions: byDay.get(day) ?? [] });
  }
  while (cells.length % 7) cells.push(null);
  const weeks: (CalendarDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The calendar of `editions` (any order). */
export function buildCalendar(editions: Edition<ArticleSummary>[]): Calendar {
  const months = new Map<string, { year: number; month: number; dated: CalendarEntry[]; undated: CalendarEntry[] }>();
  const yearOnly = new Map<number, CalendarEntry[]>();
  const undated: CalendarEntry[] = [];
  const ordered = [...editions].sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.id.localeCompare(b.id));
  for (const edition of ordered) {
    const value = edition.date.value;
    const [y, m, d] = value === null ? [] : value.split("-").map(Number);
    if (y === undefined) {
      undated.push(entryOf(edition));
    } else if (m === undefined) {
      yearOnly.set(y, [...(yearOnly.get(y) ?? []), entryOf(edition)]);
    } else {
      const key = `${y}-${String(m).padStart(2, "0")}`;
      const slot = months.get(key) ?? { year: y, month: m, dated: [], undated: [] };
      if (d === undefined) slot.undated.push(entryOf(edition));
      else slot.dated.push(entryOf(edition, d));
      months.set(key, slot);
    }
  }

  const list: CalendarMonth[] = [...months.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([key, { year, month, dated, undated: noDay }]) => {
      const byDay = new Map<number, CalendarEntry[]>();
      for (const e of dated) byDay.set(e.day!, [...(byDay.get(e.day!) ?? []), e]);
      const entries = [...dated, ...noDay];
      return {
        key,
        year,
        month,
        label: `${year}年${month}月`,
        url: `archive/${year}/${String(month).padStart(2, "0")}/`,
        weeks: monthGrid(year, month, byDay),
        entries,
        undated: noDay,
        articleCount: entries.reduce((n, e) => n + e.articleCount, 0),
      };
    });
  list.forEach((m, i) => {
    const earlier = list[i + 1];
    const later = list[i - 1];
    m.earlier = earlier && { url: earlier.url, label: earlier.label };
    m.later = later && { url: later.url, label: later.label };
  });

  const yearNumbers = [...new Set([...list.map((m) => m.year), ...yearOnly.keys()])].sort((a, b) => b - a);
  const years: CalendarYear[] = yearNumbers.map((year) => {
    const ofYear = list.filter((m) => m.year === year);
    const onlyYear = yearOnly.get(year) ?? [];
    const months = Array.from({ length: 12 }, (_, i) => {
      const m = ofYear.find((x) => x.month === i + 1);
      return { month: i + 1, label: `${i + 1}月`, url: m?.url, editionCount: m?.entries.length ?? 0, articleCount: m?.articleCount ?? 0 };
    });
    return {
      year,
      // A year with editions dated only to the year has no month page: the archive index lists them.
      url: ofYear[0]?.url ?? `archive/#y${year}`,
      months,
      undated: onlyYear,
      editionCount: ofYear.reduce((n, m) => n + m.entries.length, 0) + onlyYear.length,
      articleCount: ofYear.reduce((n, m) => n + m.articleCount, 0) + onlyYear.reduce((n, e) => n + e.articleCount, 0),
    };
  });
  return { months: list, years, undated };
}
