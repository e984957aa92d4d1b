/**
 * Archive data: loads the archive once per Eleventy build and keeps it for the
 * after-build steps, so pages and search documents come from the same load.
 * What only the site needs is added here: edition order and navigation
 * (src/content/edition-order.ts), the calendar (src/content/calendar.ts) and
 * the pages of every column's and person's list (./pagination.ts).
 */
import { loadArchive } from "../content/load-archive.ts";
import { orderArchive, type OrderedArchive, type OrderedArticle } from "../content/edition-order.ts";
import { buildCalendar, type Calendar } from "../content/calendar.ts";
import type { Archive, Listing } from "../content/model.ts";
import { paginate, type ListPage } from "./pagination.ts";

/** One static page of a column's or a person's list. */
export interface ListingPage extends ListPage<OrderedArticle> {
  listing: { name: string; url: string; total: number };
}

export type SiteArchive = OrderedArchive & {
  calendar: Calendar;
  columnPages: ListingPage[];
  personPages: ListingPage[];
};

let current: SiteArchive | undefined;

function listingPages(listings: Listing[]): ListingPage[] {
  return listings.flatMap((l) =>
    paginate(l.articles as OrderedArticle[], l.url).map((page) => ({ ...page, listing: { name: l.name, url: l.url, total: l.articles.length } })),
  );
}

export function siteArchive(archive: Archive): SiteArchive {
  const ordered = orderArchive(archive);
  return Object.assign(ordered, {
    calendar: buildCalendar(ordered.editions),
    columnPages: listingPages(ordered.columns),
    personPages: listingPages(ordered.people),
  });
}

export function loadForBuild(contentDir: string): SiteArchive {
  current = siteArchive(loadArchive(contentDir));
  return current;
}

export function archiveOfLastBuild(): SiteArchive {
  if (!current) throw new Error("no archive loaded: the after-build step ran before the build loaded its data");
  return current;
}
