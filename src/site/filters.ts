/**
 * Filters: the few functions templates need beyond Nunjucks, each a thin wrapper
 * over a module that does the work (relative links, JSON-LD, feed dates and ids).
 */
import { createHash } from "node:crypto";
import { relativeUrl } from "./relative-url.ts";
import { newsArticle, scriptJson } from "./json-ld.ts";
import { NOT_FOUND_SCRIPT, NOT_FOUND_SCRIPT_HASH, sitePath } from "./not-found.ts";
import type { Archive, Article, Edition } from "../content/model.ts";

interface FilterContext {
  page: { url: string };
}

export interface FilterHost {
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
}

export function registerFilters(config: FilterHost): void {
  config.addFilter("rel", function (this: FilterContext, target: string) {
    return relativeUrl(target, this.page.url);
  });
  config.addFilter("jsonLd", (article: Article, siteName: string, paperName: string | null) => scriptJson(newsArticle(article, siteName, paperName)));
  config.addFilter("feedDate", (edition: Edition) => feedDate(edition));
  config.addFilter("feedId", (id: string) => stableUrn(id));
  config.addFilter("take", <T>(list: T[], n: number) => list.slice(0, n));
  config.addFilter("editionOf", (archive: Archive, article: Article) => archive.editions.find((e) => e.id === article.editionId));
  config.addFilter("notFoundScript", () => NOT_FOUND_SCRIPT);
  config.addFilter("notFoundScriptHash", () => NOT_FOUND_SCRIPT_HASH);
  config.addFilter("sitePath", (siteUrl: string) => sitePath(siteUrl));
  config.addFilter("absolute", (path: string, siteUrl: string | null) => (siteUrl ? new URL(path, siteUrl).href : path));
}

/**
 * Atom requires a full timestamp. An edition's date is stated to the day, or
 * known only to the month: then its earliest possible day stands in, at 00:00
 * China time, and the feed entry's summary shows the date label as printed.
 */
export function feedDate(edition: Edition): string {
  const day = edition.date.value && /^\d{4}-\d{2}-\d{2}$/u.test(edition.date.value) ? edition.date.value : edition.dateRange?.earliest ?? padDate(edition.date.value ?? "1970");
  return `${padDate(day)}T00:00:00+08:00`;
}

function padDate(partial: string): string {
  const [y, m = "01", d = "01"] = partial.split("-");
  return `${y}-${m}-${d}`;
}

/** A permanent Atom id that needs no domain: a name-based (SHA-1, version 5 layout) UUID of the article id. */
export function stableUrn(id: string): string {
  const h = createHash("sha1").update(`banmian:${id}`).digest("hex");
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
