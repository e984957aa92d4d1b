/**
 * Not found: 404.html is served by the web server at whatever address was
 * missing, at any depth, so its relative links would point nowhere. A small
 * inline script in its <head> (allowed by a CSP hash, the only inline script of
 * the site) puts a <base> for the site root in the head before any link is read,
 * then adds the stylesheet, icon and manifest links and the page script. The
 * root is the path of --site-url when the build had one, or the page's own
 * folder when it is opened as 404.html; otherwise the deepest ancestor folder of
 * the address that holds the site's stylesheet, found with HEAD requests, while
 * the page stays hidden (for at most two seconds) so it never shows unstyled.
 */
import { createHash } from "node:crypto";

/** The script, as it is written into 404.html (ES5, so it runs before anything else could). */
export const NOT_FOUND_SCRIPT = `(function () {
  var html = document.documentElement;
  var head = document.head;
  function add(tag, attrs) {
    var el = document.createElement(tag);
    for (var k in attrs) el.setAttribute(k, attrs[k]);
    head.appendChild(el);
  }
  function settle(root) {
    var abs = new URL(root, location.href).href;
    if (location.protocol !== "file:") add("base", { href: abs });
    add("link", { rel: "stylesheet", href: new URL("assets/site.css", abs).href });
    add("link", { rel: "icon", href: new URL("assets/icon.svg", abs).href, type: "image/svg+xml" });
    add("link", { rel: "manifest", href: new URL("manifest.webmanifest", abs).href });
    add("script", { src: new URL("assets/site.js", abs).href, defer: "" });
    html.hidden = false;
  }
  var known = html.getAttribute("data-site-root");
  // Opened from disk, or at its own address, the page is in the site's root folder.
  if (location.protocol === "file:" || /\\/404\\.html$/.test(location.pathname)) known = "./";
  if (known) return settle(known);
  html.hidden = true;
  setTimeout(function () { html.hidden = false; }, 2000);
  var parts = location.pathname.split("/").slice(0, -1);
  var candidates = [];
  for (var n = parts.length; n >= 1; n--) candidates.push(parts.slice(0, n).join("/") + "/");
  (function probe(k) {
    if (k >= candidates.length) { html.hidden = false; return; }
    fetch(candidates[k] + "assets/site.css", { method: "HEAD", cache: "no-store" }).then(
      function (r) { r.ok ? settle(candidates[k]) : probe(k + 1); },
      function () { probe(k + 1); }
    );
  })(0);
})();`;

/** The CSP source that allows exactly this script. */
export const NOT_FOUND_SCRIPT_HASH = `'sha256-${createHash("sha256").update(NOT_FOUND_SCRIPT).digest("base64")}'`;

/** The path of the published site's root (`/archive/`), from --site-url. */
export function sitePath(siteUrl: string): string {
  const path = new URL(siteUrl).pathname;
  return path.endsWith("/") ? path : `${path}/`;
}
