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
import { loadIdentity, type ArchiveIdentity } from "../content/archive-identity.ts";
import { ContentErrors, type ContentError } from "../content/errors.ts";
import type { Archive, Listing } from "../content/model.ts";
import { paginate, type ListPage } from "./pagination.ts";

/** One static page of a column's or a person's list. */
export interface ListingPage extends ListPage<OrderedArticle> {
  listing: { name: string; url: string; total: number };
}

export type SiteArchive = OrderedArchive & {
  /** From content/archive.json; null fields fall back to _data/site.json in the templates. */
  identity: ArchiveIdentity;
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

const NO_IDENTITY: ArchiveIdentity = { paper: { value: null, status: "unknown" }, name: null, shortName: null, description: null, statedPaper: null };

export function siteArchive(archive: Archive, identity: ArchiveIdentity = NO_IDENTITY): SiteArchive {
  const ordered = orderArchive(archive);
  return Object.assign(ordered, {
    identity,
    calendar: buildCalendar(ordered.editions),
    columnPages: listingPages(ordered.columns),
    personPages: listingPages(ordered.people),
  });
}

export function loadForBuild(contentDir: string): SiteArchive {
  // The identity's errors and the archive's are reported together, as one list.
  const errors: ContentError[] = [];
  const collect = <T>(load: () => T): T | undefined => {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof ContentErrors)) throw error;
      errors.push(...error.errors);
      return undefined;
    }
  };
  const identity = collect(() => loadIdentity(contentDir));
  const archive = collect(() => loadArchive(contentDir));
  if (errors.length || !archive) throw new ContentErrors(errors);
  current = siteArchive(archive, identity);
  return current;
}

export function archiveOfLastBuild(): SiteArchive {
  if (!current) throw new Error("no archive loaded: the after-build step ran before the build loaded its data");
  return current;
}
