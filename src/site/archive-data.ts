/**
 * Archive data: the `archive` the templates get, in each of the build's three
 * roles (src/build/build-role.ts). The whole archive, loaded once per Eleventy
 * build and kept for the after-build steps (`npm start`); one shard's editions in
 * full (src/build/); or the summary of the whole archive for the pages that span
 * it. What only the site needs is added here: edition order and navigation
 * (src/content/edition-order.ts), the calendar (src/content/calendar.ts) and
 * the pages of every column's and person's list (./pagination.ts).
 */
import { loadArchive } from "../content/load-archive.ts";
import { orderArchive, type Link, type OrderedArchive, type OrderedArticle, type OrderedEdition } from "../content/edition-order.ts";
import { buildCalendar, type Calendar } from "../content/calendar.ts";
import { loadIdentity, type ArchiveIdentity } from "../content/archive-identity.ts";
import { ContentErrors, type ContentError } from "../content/errors.ts";
import type { Archive, Article, ArticleSummary, Edition, Listing } from "../content/model.ts";
import { paginate, type ListPage } from "./pagination.ts";

/** One static page of a column's or a person's list. */
export interface ListingPage<A extends ArticleSummary = Article> extends ListPage<OrderedArticle<A>> {
  listing: { name: string; url: string; total: number };
}

export type SiteArchive<A extends ArticleSummary = Article> = OrderedArchive<A> & {
  /** From content/archive.json; null fields fall back to _data/site.json in the templates. */
  identity: ArchiveIdentity;
  calendar: Calendar;
  columnPages: ListingPage<A>[];
  personPages: ListingPage<A>[];
  /** The newest articles in full, in archive order: at least the feed's (site.feedSize), which shows their text. */
  feedArticles: Article[];
};

let current: SiteArchive | undefined;

function listingPages<A extends ArticleSummary>(listings: Listing<A>[]): ListingPage<A>[] {
  return listings.flatMap((l) =>
    paginate(l.articles as OrderedArticle<A>[], l.url).map((page) => ({ ...page, listing: { name: l.name, url: l.url, total: l.articles.length } })),
  );
}

const NO_IDENTITY: ArchiveIdentity = { paper: { value: null, status: "unknown" }, name: null, shortName: null, description: null, statedPaper: null };

/** The whole archive for the site. */
export function siteArchive(archive: Archive, identity?: ArchiveIdentity): SiteArchive;
/** The summary of the whole archive, with the newest articles in full for the feed. */
export function siteArchive<A extends ArticleSummary>(archive: Archive<A>, identity: ArchiveIdentity | undefined, feedArticles: Article[]): SiteArchive<A>;
export function siteArchive<A extends ArticleSummary>(archive: Archive<A>, identity: ArchiveIdentity = NO_IDENTITY, feedArticles?: Article[]): SiteArchive<A> {
  const ordered = orderArchive(archive);
  return Object.assign(ordered, {
    identity,
    calendar: buildCalendar(ordered.editions),
    columnPages: listingPages(ordered.columns),
    personPages: listingPages(ordered.people),
    feedArticles: feedArticles ?? (ordered.articles as unknown as Article[]),
  });
}

/**
 * One shard's editions (consecutive in archive order, read in full) for their
 * edition, page and article views. Listings and the calendar belong to the
 * pages that span the archive; `earlier` and `later` are the editions just
 * beyond the shard, so 上一期/下一期 cross its edges as in a whole build.
 */
export function shardArchive(editions: Edition[], identity: ArchiveIdentity | undefined, edges: { earlier?: Link | undefined; later?: Link | undefined }): SiteArchive {
  const pages = editions.flatMap((e) => e.pages);
  const ordered = orderArchive({ editions, pages, articles: pages.flatMap((p) => p.articles), columns: [], people: [] });
  const list: OrderedEdition[] = ordered.editions;
  const oldest = list.at(-1);
  const newest = list[0];
  if (oldest && edges.earlier) oldest.nav.earlier = edges.earlier;
  if (newest && edges.later) newest.nav.later = edges.later;
  return Object.assign(ordered, { identity: identity ?? NO_IDENTITY, calendar: { months: [], years: [], undated: [] }, columnPages: [], personPages: [], feedArticles: [] });
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
