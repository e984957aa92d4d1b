/**
 * Model: the archive as the site and the search index see it, after loading and
 * validation. Plain data without cycles (articles refer to their edition and page
 * by id), so Eleventy can paginate over it and tests can compare it.
 */
import type { FactStatus, Person, PageData } from "./schema.ts";
import type { TextBlock } from "./markdown.ts";

export interface Fact<T> {
  value: T | null;
  status: FactStatus;
  note?: string | undefined;
}

/**
 * What the pages that span the archive need of an article (lists, calendar,
 * navigation, sitemaps, listings): no body, no summary, no headline beyond the
 * short one. The sharded build (src/build/) keeps only this of every article.
 */
export interface ArticleSummary {
  /** `edition/page/slug`: unique in the archive. */
  id: string;
  slug: string;
  /** Output path relative to the site root, always ending in `/`. */
  url: string;
  /** Source file, relative to the content folder. */
  file: string;
  editionId: string;
  pageId: string;
  /** What an article page shows of its edition and page (copies, not references). */
  edition: { id: string; url: string; dateLabel: string; date: string | null };
  printPage: { id: string; url: string; label: string };
  order: number;
  /** The title cut to at most SHORT_TITLE_MAX characters, for <title>, lists and links; the article page shows `title`. */
  shortTitle: string;
  kicker?: string | undefined;
  subtitle?: string | undefined;
  column?: string | undefined;
  /** The column's listing page. */
  columnUrl?: string | undefined;
  source?: string | undefined;
  /** Each person with the URL of their listing page. */
  people: (Person & { url: string })[];
  prev?: { title: string; url: string } | undefined;
  next?: { title: string; url: string } | undefined;
}

export interface Article extends ArticleSummary {
  title: string;
  byline?: string | undefined;
  readingTip?: string | undefined;
  caption?: string | undefined;
  credit?: string | undefined;
  affiliation?: string | undefined;
  ending: "complete" | "breaks-off" | "continues";
  endingNote?: string | undefined;
  tags: string[];
  bodyHtml: string;
  blocks: TextBlock[];
  /** A plain-text summary for <meta name="description"> and feeds. */
  description: string;
}

export interface Page<A extends ArticleSummary = Article> {
  /** `edition/page` */
  id: string;
  slug: string;
  editionId: string;
  edition: Article["edition"];
  url: string;
  number: Fact<number>;
  name: Fact<string>;
  /** 第3版 · 工会新闻, or 版次不详 when the print does not say. */
  label: string;
  unplaced: NonNullable<PageData["unplaced"]>;
  articles: A[];
  /** The printed page's image with each article's region, when page.json names one (src/content/page-image.ts). */
  image?: PageImage | undefined;
  /** A PDF of the printed page, when page.json names one. */
  pdf?: PageFile | undefined;
}

/** A file beside page.json, copied beside the page's index.html in the output. */
export interface PageFile {
  /** Its name, the same in the content folder and in the output. */
  file: string;
  /** Its path on disk, to copy from. */
  source: string;
}

export interface PageImage extends PageFile {
  /** Pixels, read from the file. */
  width: number;
  height: number;
  regions: PageRegion[];
}

/** An article's region on the page image, as a link. */
export interface PageRegion {
  /** The article's URL (relative to the site root) and short title. */
  url: string;
  title: string;
  /** SVG polygon points in the image's pixels, "x,y x,y …" (a rectangle as its four corners). */
  points: string;
}

export interface Edition<A extends ArticleSummary = Article> {
  id: string;
  url: string;
  date: Fact<string>;
  dateRange?: { earliest: string; latest?: string | undefined } | undefined;
  /** 2023年6月12日, 2023年6月(推断), 日期不详 */
  dateLabel: string;
  /** A sortable key: the date, or the earliest possible day, or "" when unknown. */
  sortKey: string;
  paper: Fact<string>;
  note?: string | undefined;
  pages: Page<A>[];
}

/** Articles of a column or a person, for their listing pages. */
export interface Listing<A extends ArticleSummary = Article> {
  name: string;
  slug: string;
  url: string;
  articles: A[];
}

export interface Archive<A extends ArticleSummary = Article> {
  /** Newest first. */
  editions: Edition<A>[];
  /** Every page of every edition, in edition order. */
  pages: Page<A>[];
  /** In reading order: newest edition first, then page, then order on the page. */
  articles: A[];
  columns: Listing<A>[];
  people: Listing<A>[];
}
