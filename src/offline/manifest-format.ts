/**
 * Offline manifest format: the list of every file of one build with a content
 * hash and size, written by the build (offline-manifest.ts) as
 * `offline-manifest.json` and read by the service worker and the save-all
 * action. The build's version is a hash of this list, so two builds with the same
 * files have the same version, and a file whose hash did not change between two
 * versions is copied from the old offline copy instead of downloaded again.
 */

export const MANIFEST_FILE = "offline-manifest.json";
export const OFFLINE_PAGE = "offline.html";
export const CACHE_PREFIX = "banmian-";

export interface OfflineManifest {
  /** Hash of the file list: names the build. */
  version: string;
  /** Path (relative to the site root, no leading slash) → [content hash, size in bytes]. */
  files: Record<string, [hash: string, size: number]>;
  /** The paths kept offline from the first visit: styles, scripts, icons, the offline page. */
  shell: string[];
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
