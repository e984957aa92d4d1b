/**
 * Reserved names: folders the site writes at its root beside the editions
 * (its own pages, assets and search index). An edition folder of one of these
 * names would overwrite them or be overwritten, so it is a content error.
 * Files the site writes at its root (index.html, feed.xml, sitemap.xml, sw.js,
 * offline-manifest.json, …) all hold a dot, which an edition's name cannot.
 * A test builds the sample and checks this list against what the build wrote.
 */
export const RESERVED_EDITION_NAMES: readonly string[] = ["archive", "assets", "columns", "offline", "people", "search"];
