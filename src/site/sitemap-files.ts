/**
 * Sitemap files: how the archive's URLs are cut into sitemap files, for the
 * templates pages/sitemap.njk (the sitemap index, `sitemap.xml`) and
 * pages/sitemap-file.njk (one file each). The protocol allows 50,000 URLs per file.
 * Editions go by year, oldest first, so a new edition changes only the last file of
 * its year (or adds one) and the index; a year with more URLs goes on in
 * `sitemap-2024-2.xml` and so on. The pages that span the archive (home, archive,
 * column and people pages) are `sitemap-lists.xml`, cut the same way. Files sit at
 * the site root, since a sitemap may list only URLs under its own folder.
 */
import type { Archive, ArticleSummary } from "../content/model.ts";

/** The sitemap protocol's limit of URLs per file (and of files per index). */
export const SITEMAP_URL_LIMIT = 50_000;

export interface SitemapFile {
  /** The file, relative to the site root: sitemap-2024.xml */
  file: string;
  /** The URLs it lists, relative to the site root. */
  paths: string[];
}

/**
 * The sitemap files of an archive, at most `limit` URLs each. BANMIAN_SITEMAP_LIMIT
 * sets a smaller limit, so tests can see an archive cut into many files.
 */
export function sitemapFiles(archive: Archive<ArticleSummary>, limit = Number(process.env.BANMIAN_SITEMAP_LIMIT) || SITEMAP_URL_LIMIT): SitemapFile[] {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`sitemap limit must be a positive whole number, got ${limit}`);
  const groups = new Map<string, string[]>();
  groups.set("lists", ["index.html", "archive/index.html", "columns/index.html", "people/index.html", ...[...archive.columns, ...archive.people].map((l) => `${l.url}index.html`)]);
  const pagesOf = new Map<string, string[]>();
  for (const p of archive.pages) pagesOf.set(p.editionId, [...(pagesOf.get(p.editionId) ?? []), `${p.url}index.html`, ...p.articles.map((a) => `${a.url}index.html`)]);
  // archive.editions is newest first; a year's file lists its editions oldest first.
  for (const e of [...archive.editions].reverse()) {
    const year = /^\d{4}/u.exec(e.sortKey)?.[0] ?? "undated";
    const list = groups.get(year) ?? groups.set(year, []).get(year)!;
    list.push(`${e.url}index.html`, ...(pagesOf.get(e.id) ?? []));
  }
  const files: SitemapFile[] = [];
  for (const [name, paths] of groups) {
    for (let i = 0; i * limit < paths.length || i === 0; i++) {
      files.push({ file: `sitemap-${name}${i ? `-${i + 1}` : ""}.xml`, paths: paths.slice(i * limit, (i + 1) * limit) });
    }
  }
  return files;
}
