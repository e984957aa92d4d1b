/**
 * Offline manifest format: what files one build has, with a content hash and size
 * each, written by the build (offline-manifest.ts) and read by the service worker
 * and the save action (save-archive.ts), never by a page view.
 *
 * The list is a tree of small JSON files, so that nothing read on an update grows
 * with the archive:
 *
 *   offline-manifest.json          the root: the site shell, the files that span the
 *                                  archive (home, archive, column and people indexes,
 *                                  search page, feed, sitemaps, the index's meta part),
 *                                  and the groups below with their hashes and sizes
 *   offline/e-2024.json            a year: its editions (an edition's folder name starts
 *                                  with its year, as YYYY-MM-DD does; others are e-other)
 *   offline/e-2024/2024-06-12.json an edition: every file of its pages and articles
 *   offline/i-postings.json        a folder of index parts (search/index/postings/),
 *   offline/i-postings/3.json        in chunks of parts 3000–3999 (a segment's folder,
 *                                    search/index/recent/docs/, is i-recent-docs)
 *   offline/p-people.json          a folder of listing pages (people/), in 16 buckets
 *   offline/p-people/7.json          by the hash of the subfolder's name
 *
 * Which group holds a file follows from its path alone (`groupOf`), given the root's
 * list of folders that are not editions, so the service worker finds a file's hash by
 * reading the root, one group and one sub-group. A group is named by the hash of its
 * manifest file's bytes, and the build's version is a hash of the root, so a new
 * edition changes its own manifest, its year's, and the root; an update reads only
 * the manifests whose hash changed and copies the rest from the old offline copy.
 */

export const MANIFEST_FILE = "offline-manifest.json";
/** Folder of the group manifests. */
export const MANIFEST_DIR = "offline";
export const OFFLINE_PAGE = "offline.html";
export const CACHE_PREFIX = "banmian-";
/**
 * Not a file of the site: kept only in a reader's offline copy, it lists what the
 * reader chose to save (range keys, see `rangeFiles`), so an update saves new files
 * of those ranges too.
 */
export const SAVED_RECORD = `${MANIFEST_DIR}/saved.json`;

/** [content hash, size in bytes] */
export type FileEntry = [hash: string, size: number];

export interface GroupRef {
  /** Hash of the group's manifest file. */
  hash: string;
  /** Bytes and number of all files under the group (not counting manifests). */
  bytes: number;
  files: number;
  /** An edition's date (its sort key: YYYY-MM-DD, YYYY-MM, YYYY or ""), for saving a month. */
  date?: string;
}

/** A manifest file: files, groups, or both. */
export interface ManifestNode {
  files?: Record<string, FileEntry>;
  groups?: Record<string, GroupRef>;
}

export interface RootManifest extends ManifestNode {
  /** Hash of the rest of the root: names the build. */
  version: string;
  /** Paths (relative to the site root, no leading slash) kept offline from the first visit. */
  shell: string[];
  files: Record<string, FileEntry>;
  groups: Record<string, GroupRef>;
  /** Top-level folders that are not editions, each its own group `p-NAME` (`search/index/*` are `i-*`). */
  dirs: string[];
  /** All files of the build: bytes and count. */
  bytes: number;
  count: number;
}

export const cacheName = (version: string) => `${CACHE_PREFIX}${version}`;

/** Content hash: SHA-256, first 12 bytes, base64url (16 characters). Same in Node and in browsers. */
export function hashText(digest: ArrayBuffer): string {
  const bytes = new Uint8Array(digest).slice(0, 12);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/gu, "-").replace(/\//gu, "_");
}

/** The site path a URL stands for: folders mean their index.html; query and hash are dropped. */
export function sitePath(url: URL, root: URL): string | null {
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return null;
  let path = decodeURIComponent(url.pathname.slice(root.pathname.length));
  if (path === "" || path.endsWith("/")) path += "index.html";
  return path;
}

/** Parts per chunk of a folder of numbered index parts. */
export const CHUNK_PARTS = 1000;
/** Buckets of a folder of listing pages. */
export const BUCKETS = 16;
const INDEX_DIR = "search/index";

/** FNV-1a over UTF-16 code units: a stable bucket for a name, the same in Node and browsers. */
function bucket(name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return String((h >>> 0) % BUCKETS);
}

export const yearGroup = (editionId: string) => (/^\d{4}/u.test(editionId) ? `e-${editionId.slice(0, 4)}` : "e-other");

/**
 * The group and sub-group whose manifest lists `path`, or [] when the root lists it.
 * `dirs`: the top-level folders that are not editions (RootManifest.dirs).
 */
export function groupOf(path: string, dirs: readonly string[]): [] | [string, string] {
  const parts = path.split("/");
  if (parts.length === 1) return [];
  const top = parts[0]!;
  if (!dirs.includes(top)) return [yearGroup(top), top];
  if (path.startsWith(`${INDEX_DIR}/`)) {
    if (parts.length === 3) return []; // the meta part and other single parts every query may need
    // A segment's folders are groups of their own (search/index/recent/docs/ is i-recent-docs), so remaking it rewrites only its manifests.
    const name = parts.at(-1)!;
    const n = /^(\d+)\./u.exec(name);
    return [`i-${parts.slice(2, -1).join("-")}`, n ? String(Math.floor(Number(n[1]) / CHUNK_PARTS)) : `h${bucket(name)}`];
  }
  if (parts.length === 2) return []; // assets, and the index page of a listing folder
  return [`p-${top}`, bucket(parts[1]!)];
}

/** Where a group's manifest is, relative to the site root. */
export const manifestPath = (chain: readonly string[]) => `${MANIFEST_DIR}/${chain.join("/")}.json`;

/** The group chain a manifest path stands for, or null if it is none. */
export function chainOf(path: string): string[] | null {
  if (!path.startsWith(`${MANIFEST_DIR}/`) || !path.endsWith(".json") || path === SAVED_RECORD) return null;
  const chain = path.slice(MANIFEST_DIR.length + 1, -".json".length).split("/");
  return chain.length <= 2 && chain.every(Boolean) ? chain : null;
}

/**
 * What a saved range is: `*` (the whole archive), `e-2024` (a year's editions), or
 * `e-2024/2024-06` (the editions of one month). Every range also holds the root's
 * files (the shell and the pages that span the archive).
 */
export function parseRange(key: string): { group?: string; month?: string } {
  if (key === "*") return {};
  const [group, month] = key.split("/");
  return { group, month };
}
