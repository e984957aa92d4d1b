/**
 * Not found: 404.html is served by the web server at whatever address was
 * missing, at any depth, so its relative links would point nowhere. A small
 * inline script in its <head> (allowed by a CSP hash, the only inline script of
 * the site) inserts a <base> for the site root before any link is read: the
 * root's path when the build was given --site-url, else the origin's root at
 * once, then the deepest ancestor folder of the address that holds the site's
 * stylesheet, found with HEAD requests. It then loads the page script, from the
 * root it settled on.
 */
import { createHash } from "node:crypto";

/** The script, as it is written into 404.html (ES5, so it runs before anything else could). */
export const NOT_FOUND_SCRIPT = `(function () {
  function load(root) {
    var s = document.createElement("script");
    s.src = new URL("assets/site.js", root).href;
    document.head.appendChild(s);
  }
  // Opened from disk, the page is where the build wrote it, at the root: its links are right.
  if (location.protocol === "file:") return load(location.href);
  var known = document.documentElement.getAttribute("data-site-root");
  var base = document.createElement("base");
  base.href = known || "/";
  document.head.appendChild(base);
  function settle(root) {
    var abs = new URL(root, location.href).href;
    if (abs !== base.href) {
      base.href = abs;
      var links = document.querySelectorAll("link[href]");
      for (var i = 0; i < links.length; i++) {
        var copy = links[i].cloneNode();
        copy.href = new URL(links[i].getAttribute("href"), abs).href;
        links[i].replaceWith(copy);
      }
    }
    load(abs);
  }
  if (known) return settle(known);
  var parts = location.pathname.split("/").slice(0, -1);
  var candidates = [];
  for (var n = parts.length; n >= 1; n--) candidates.push(parts.slice(0, n).join("/") + "/");
  (function probe(k) {
    if (k >= candidates.length) return;
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
