/**
 * Labels: how uncertain facts read to a reader. A stated date reads as printed
 * with its weekday (2023年6月12日 星期一); an inferred one says so
 * (2023年6月（推断）); an unknown one says it is unknown, never a made-up value.
 */
import type { Fact } from "./model.ts";

export function dateLabel(date: Fact<string>): string {
  if (date.value === null) return "日期不详";
  const [y, m, d] = date.value.split("-").map(Number);
  const text = `${y}年${m ? `${m}月` : ""}${d ? `${d}日 ${weekday(y!, m!, d)}` : ""}`;
  return date.status === "inferred" ? `${text}（推断）` : text;
}

const WEEKDAYS = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

/** 星期一 … 星期日 of a calendar day (month 1–12). */
export function weekday(year: number, month: number, day: number): string {
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
}

/** Editions sort by date; one known only to the month sorts by its earliest possible day. */
export function dateSortKey(date: Fact<string>, range?: { earliest: string }): string {
  return range?.earliest ?? date.value ?? "";
}

export function pageLabel(number: Fact<number>, name: Fact<string>): string {
  const num = number.value === null ? "版次不详" : `第${number.value}版${number.status === "inferred" ? "（推断）" : ""}`;
  const nameText = name.value === null ? "" : ` · ${name.value}${name.status === "inferred" ? "（推断）" : ""}`;
  return num + nameText;
}
