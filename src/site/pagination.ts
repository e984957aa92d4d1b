/**
 * Pagination: splits a list that grows with the archive (a column's or a
 * person's articles) into static pages of a fixed size, with numbered links
 * and 上一页/下一页, so no page grows with the archive.
 *
 * Pages are numbered from the oldest article: page 1 holds the oldest PAGE_SIZE,
 * and so on; the newest page is the listing's own index.html and holds the rest
 * (PAGE_SIZE to 2 × PAGE_SIZE − 1 articles, or all of a shorter list). New
 * articles therefore change only the index page; when it fills, its oldest
 * PAGE_SIZE articles move to a new numbered page, and the older numbered pages
 * keep their content and address for good (their links to neighbours near the
 * newest end change, nothing else). Each page shows its articles newest first.
 */

export const PAGE_SIZE = 50;

export interface PagerLink {
  /** Page number, or 0 for the newest page (the index), which reads 最新. */
  number: number;
  label: string;
  url: string;
  current: boolean;
}

export interface Pager {
  /** Newest first: 最新, then descending numbers, with `null` where numbers are skipped. */
  links: (PagerLink | null)[];
  /** 上一页: the page of newer articles. */
  newer?: string | undefined;
  /** 下一页: the page of older articles. */
  older?: string | undefined;
}

export interface ListPage<T> {
  /** 1 is the oldest; the newest page has the highest number. */
  number: number;
  isNewest: boolean;
  /** Output folder from the site root, ending in `/`. */
  url: string;
  /** Newest first. */
  items: T[];
  pager: Pager;
}

/** How many neighbours each side of the current page the pager names. */
const WINDOW = 2;

/** Pages of `items` (given newest first) under `baseUrl` (a folder from the site root, ending in `/`). */
export function paginate<T>(items: T[], baseUrl: string, size = PAGE_SIZE): ListPage<T>[] {
  const oldestFirst = [...items].reverse();
  const count = Math.max(1, Math.floor(oldestFirst.length / size));
  const urlOf = (n: number) => (n === count ? baseUrl : `${baseUrl}page/${n}/`);
  const pages: ListPage<T>[] = [];
  for (let n = 1; n <= count; n++) {
    const slice = oldestFirst.slice((n - 1) * size, n === count ? undefined : n * size).reverse();
    pages.push({ number: n, isNewest: n === count, url: urlOf(n), items: slice, pager: { links: [] } });
  }
  if (count === 1) return pages;
  for (const page of pages) {
    const n = page.number;
    const shown = new Set([1, count]);
    for (let k = n - WINDOW; k <= n + WINDOW; k++) if (k >= 1 && k <= count) shown.add(k);
    const numbers = [...shown].sort((a, b) => b - a);
    const links: (PagerLink | null)[] = [];
    numbers.forEach((k, i) => {
      if (i > 0 && numbers[i - 1]! - k > 1) links.push(null);
      links.push({ number: k === count ? 0 : k, label: k === count ? "最新" : String(k), url: urlOf(k), current: k === n });
    });
    page.pager = { links, newer: n < count ? urlOf(n + 1) : undefined, older: n > 1 ? urlOf(n - 1) : undefined };
  }
  return pages;
}
