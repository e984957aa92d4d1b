/**
 * Static server: serves built sites on 127.0.0.1 (a free port, or a given one) as a static
 * host would, for the browser tests and `npm start` (`serveStatic`) and the benchmark
 * (bench/server.ts, which adds gzip and byte counts on top of `siteHandler`). Files, their content types and folder
 * index pages come from sirv; this module adds what a host does around it: a site under
 * a prefix, a folder URL without its trailing slash redirected to it, 404 for anything
 * else (with the site's own 404 page when asked), `nosniff` so that a wrong content type fails as it would on a real host, and no
 * caching, since tests rebuild sites they serve.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve, sep } from "node:path";
import sirv from "sirv";

/** A request handler for one folder: calls `next` when no file answers the path. */
export type SiteHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Serves the files of `root` for paths relative to it (`req.url` with any prefix already
 * removed). Paths are percent-decoded (file names may be Chinese); a folder serves its
 * index.html, a folder without a trailing slash is redirected to it with one.
 */
export function siteHandler(root: string): SiteHandler {
  const base = resolve(root);
  // dev: read the folder on every request (tests rebuild it), send Cache-Control: no-store.
  const files = sirv(base, {
    dev: true,
    dotfiles: true,
    extensions: ["html"],
    setHeaders: (res) => res.setHeader("X-Content-Type-Options", "nosniff"),
  });
  return (req, res, next) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    if (!pathname.endsWith("/")) {
      let path: string;
      try {
        path = resolve(base, `.${decodeURIComponent(pathname)}`);
      } catch {
        return next();
      }
      if ((path === base || path.startsWith(base + sep)) && existsSync(path) && statSync(path).isDirectory()) {
        // Relative, so that it holds under any prefix the caller removed.
        res.writeHead(301, { location: `${pathname.slice(pathname.lastIndexOf("/") + 1)}/`, "cache-control": "no-store" });
        return res.end();
      }
    }
    files(req, res, next);
  };
}

export interface Listening {
  origin: string;
  close(): Promise<void>;
}

/** Runs a handler on 127.0.0.1, on `port` (default: a free one). */
export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, port = 0): Promise<Listening> {
  const server = createServer(handler);
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => done());
  });
  const address = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** A plain-text response that is not cached. */
export function sendText(req: IncomingMessage, res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(req.method === "HEAD" ? undefined : body);
}

export interface StaticServer {
  /** The site's root URL, with the prefix and a trailing slash, e.g. http://127.0.0.1:41234/archive/ */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The path the site is served under, default "/". */
  prefix?: string;
  /** The port, default a free one. */
  port?: number;
  /** A file of the site (e.g. "404.html") sent with status 404 for a missing path; read per request, since the site may be rebuilt. */
  notFoundPage?: string;
}

/** Serves `root` read-only under `prefix`; only GET and HEAD. */
export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  let prefix = options.prefix ?? "/";
  if (!prefix.startsWith("/")) prefix = `/${prefix}`;
  if (!prefix.endsWith("/")) prefix = `${prefix}/`;
  const site = siteHandler(root);
  const server = await listen((req, res) => {
    const notFound = () => sendNotFound(req, res, root, options.notFoundPage);
    if (req.method !== "GET" && req.method !== "HEAD") return sendText(req, res, 405, "405 Method Not Allowed\n", { allow: "GET, HEAD" });
    const url = new URL(req.url ?? "/", "http://localhost");
    if (`${url.pathname}/` === prefix) return sendText(req, res, 301, "", { location: prefix });
    if (!url.pathname.startsWith(prefix)) return notFound();
    req.url = url.pathname.slice(prefix.length - 1) + url.search;
    site(req, res, notFound);
  }, options.port);
  return { ...server, url: `${server.origin}${encodeURI(prefix)}` };
}

/** 404 with the site's page when there is one (a host configured with it), else plain text. */
function sendNotFound(req: IncomingMessage, res: ServerResponse, root: string, page: string | undefined): void {
  const file = page === undefined ? undefined : resolve(root, page);
  if (file === undefined || !existsSync(file)) return sendText(req, res, 404, "404 Not Found\n");
  res.writeHead(404, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" });
  res.end(req.method === "HEAD" ? undefined : readFileSync(file));
}
