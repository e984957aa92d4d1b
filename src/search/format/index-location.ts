/**
 * Index location: where the search index's parts live and what their files are called,
 * the one piece of the format (index-format.ts) the page script needs. Kept apart so the
 * page script, loaded by every page, carries none of the engine (the analyzer brings in
 * Lunr and the traditional→simplified table).
 */

/** The directory, relative to the site root, that holds the parts. */
export const INDEX_DIR = "search/index";

export const META_PART = "meta";

/** The relative file path of a part inside the index directory. */
export const partFile = (name: string) => `${name}.js`;
