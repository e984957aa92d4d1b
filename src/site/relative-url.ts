/**
 * Relative URLs: every internal link is written relative to the page that holds
 * it, and folders are linked as `folder/index.html`, so the same _site works at a
 * domain root, under any sub-path, and opened from disk (file:// shows no index
 * page for a folder).
 */

/** `target` is a path from the site root ("" for the home page, "2023-06/", "assets/site.css"). */
export function relativeUrl(target: string, fromUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:/iu.test(target) || target.startsWith("#")) return target;
  const [path = "", hash] = target.replace(/^\/+/u, "").split("#", 2);
  const depth = Math.max(0, (fromUrl.match(/\//gu)?.length ?? 1) - 1);
  const file = path === "" || path.endsWith("/") ? `${path}index.html` : path;
  const encoded = file.split("/").map(encodeURIComponent).join("/");
  return "../".repeat(depth) + encoded + (hash === undefined ? "" : `#${hash}`);
}
