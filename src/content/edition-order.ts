/**
 * Edition order: how a reader steps through the archive as through a paper.
 * 上一期/下一期 between editions (the earlier and the later one), the edition's
 * page list (版次 and 版名) with 上一版/下一版, and 上一篇/下一篇 running across
 * the pages of the whole edition (the loader links articles only within a page).
 *
 * It adds plain link objects to the loaded model (no references back up the
 * tree, so the model stays free of cycles); the site build calls it once after
 * loading (src/site/archive-data.ts).
 */
import type { Archive, Article, ArticleSummary, Edition, Page } from "./model.ts";

export interface Link {
  url: string;
  label: string;
}

/** One entry of an edition's page list. */
export interface PageLink {
  id: string;
  url: string;
  /** 第3版, 第3版（推断）, or null when the print does not say. */
  number: string | null;
  /** 版名, or null. */
  name: string | null;
  /** What the list shows: 第3版 · 工会新闻, or 版次不详. */
  label: string;
}

/** What every view of one edition shares: its neighbours and its pages. */
export interface EditionNav {
  /** 上一期: the edition before this one. */
  earlier?: Link | undefined;
  /** 下一期: the edition after this one. */
  later?: Link | undefined;
  pages: PageLink[];
  /** Articles in the edition. */
  articleCount: number;
}

export type OrderedEdition<A extends ArticleSummary = Article> = Edition<A> & { nav: EditionNav };
export type OrderedPage<A extends ArticleSummary = Article> = Page<A> & { nav: EditionNav; earlierPage?: Link | undefined; laterPage?: Link | undefined };
export type OrderedArticle<A extends ArticleSummary = Article> = A & { nav: EditionNav };
export type OrderedArchive<A extends ArticleSummary = Article> = Archive<A> & { editions: OrderedEdition<A>[]; pages: OrderedPage<A>[]; articles: OrderedArticle<A>[] };

export function pageLink(page: Page<ArticleSummary>): PageLink {
  const number = page.number.value === null ? null : `第${page.number.value}版${page.number.status === "inferred" ? "（推断）" : ""}`;
  const name = page.name.value === null ? null : `${page.name.value}${page.name.status === "inferred" ? "（推断）" : ""}`;
  return { id: page.id, url: page.url, number, name, label: page.label };
}

/** A link to `other` from `from`, naming its page when the step crosses to another page. */
function neighbour(other: ArticleSummary, from: ArticleSummary): NonNullable<Article["prev"]> & { page?: string } {
  const link = { title: other.shortTitle, url: other.url };
  return other.pageId === from.pageId ? link : { ...link, page: other.printPage.label };
}

/** Adds edition, page and article navigation to `archive` (in place) and returns it, typed. */
export function orderArchive<A extends ArticleSummary>(archive: Archive<A>): OrderedArchive<A> {
  const editions = archive.editions; // newest first
  editions.forEach((edition, i) => {
    const earlier = editions[i + 1];
    const later = editions[i - 1];
    const nav: EditionNav = {
      earlier: earlier && { url: earlier.url, label: earlier.dateLabel },
      later: later && { url: later.url, label: later.dateLabel },
      pages: edition.pages.map(pageLink),
      articleCount: edition.pages.reduce((n, p) => n + p.articles.length, 0),
    };
    Object.assign(edition, { nav });
    edition.pages.forEach((page, j) => {
      const before = nav.pages[j - 1];
      const after = nav.pages[j + 1];
      Object.assign(page, {
        nav,
        earlierPage: before && { url: before.url, label: before.label },
        laterPage: after && { url: after.url, label: after.label },
      });
    });
    const articles = edition.pages.flatMap((p) => p.articles);
    articles.forEach((a, k) => {
      const prev = articles[k - 1];
      const next = articles[k + 1];
      a.prev = prev && neighbour(prev, a);
      a.next = next && neighbour(next, a);
      Object.assign(a, { nav });
    });
  });
  return archive as OrderedArchive<A>;
}
