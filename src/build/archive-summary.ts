/**
 * Archive summary: the whole archive as the pages that span it need it (home,
 * calendar, lists, navigation, feed dates, sitemaps, listing slugs, the
 * offline manifest), read one edition at a time and kept without bodies, so a
 * build's memory for the archive as a whole is a few hundred bytes per article.
 * The scan validates every file on the way, and reports every content error of
 * the archive (and of archive.json) together, before anything is rendered.
 */
import { scanArchive, assembleArchive } from "../content/load-archive.ts";
import { loadIdentity, type ArchiveIdentity } from "../content/archive-identity.ts";
import { ContentErrors, type ContentError } from "../content/errors.ts";
import type { Archive, Article, ArticleSummary, Edition, Page } from "../content/model.ts";
import { editionContentHash } from "./build-cache.ts";
import type { EditionScans } from "./edition-scans.ts";

export type ArchiveSummary = Archive<ArticleSummary>;

export interface ScannedArchive {
  /** Null when the archive has no archive.json: the templates fall back to _data/site.json. */
  identity: ArchiveIdentity | undefined;
  summary: ArchiveSummary;
}

/** Only the fields of ArticleSummary, so nothing keeps a body alive. Edition and page copies stay shared. */
function summarizeArticle(a: Article): ArticleSummary {
  return {
    id: a.id,
    slug: a.slug,
    url: a.url,
    file: a.file,
    editionId: a.editionId,
    pageId: a.pageId,
    edition: a.edition,
    printPage: a.printPage,
    order: a.order,
    shortTitle: a.shortTitle,
    kicker: a.kicker,
    subtitle: a.subtitle,
    column: a.column,
    source: a.source,
    people: a.people.map((p) => ({ ...p })),
  };
}

export function summarizeEdition(edition: Edition): Edition<ArticleSummary> {
  const pages = edition.pages.map((p): Page<ArticleSummary> => ({ ...p, articles: p.articles.map(summarizeArticle) }));
  return { ...edition, pages };
}

/**
 * Reads and validates the whole archive; throws one ContentErrors for archive.json and
 * every edition. With `scans`, an edition unchanged since the build that recorded it is
 * taken from there, and every edition read is recorded (./edition-scans.ts).
 */
export function scanSummary(contentDir: string, scans?: EditionScans): ScannedArchive {
  const errors: ContentError[] = [];
  const collect = (load: () => void): void => {
    try {
      load();
    } catch (error) {
      if (!(error instanceof ContentErrors)) throw error;
      errors.push(...error.errors);
    }
  };
  let identity: ArchiveIdentity | undefined;
  collect(() => void (identity = loadIdentity(contentDir)));
  const editions: Edition<ArticleSummary>[] = [];
  const known = (folder: string, name: string) => {
    const summary = scans?.unchanged(folder, name);
    if (summary) editions.push(summary);
    return summary !== undefined;
  };
  const visit = (edition: Edition) => {
    const summary = summarizeEdition(edition);
    editions.push(summary);
    scans?.record(edition.id, summary, () => editionContentHash(contentDir, edition.id));
  };
  collect(() => scanArchive(contentDir, visit, known));
  if (errors.length) throw new ContentErrors(errors);
  return { identity, summary: assembleArchive(editions) };
}
