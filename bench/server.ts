/**
 * Bench server: serves built sites on 127.0.0.1 as a static host with gzip would, and
 * counts what each request sent, so the benchmark can say how many bytes a search
 * fetched. Text files (HTML, JS, JSON, CSS, SVG, XML) are sent gzip-compressed (zlib
 * level 6, nginx's and most hosts' choice for on-the-fly gzip) when the browser asks
 * for it; other files (Pagefind's chunks and WebAssembly, which Pagefind already
 * compresses itself) are sent as they are. Compressed bodies are cached in memory, so
 * compression time is not part of what the benchmark times after the first run.
 *
 * Every response is logged as { path, raw, wire }: raw = the file's size, wire = the
 * body bytes actually sent (gzip size when compressed). Headers are not counted.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { contentType } from "../test/helpers/browser.ts";

export interface Transfer {
  path: string;
  raw: number;
  wire: number;
}

export interface BenchServer {
  origin: string;
  /** Responses since the last `take()`. */
  take(): Transfer[];
  close(): Promise<void>;
}

const COMPRESSIBLE = /\.(html?|js|mjs|json|css|svg|xml|webmanifest|txt)$/iu;

/**
 * Serves each mount's folder under its prefix ("/" for a site root, "/pagefind/" …), and
 * `pages` (path → HTML) as extra pages, e.g. a blank harness page without CSP.
 */
export async function startBenchServer(mounts: Record<string, string>, pages: Record<string, string> = {}): Promise<BenchServer> {
  const roots = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix.endsWith("/") ? prefix : `${prefix}/`, resolve(dir)] as const)
    .sort((a, b) => b[0].length - a[0].length);
  const gzipCache = new Map<string, Buffer>();
  let log: Transfer[] = [];

  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const notFound = () => {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end("404\n");
    };
    let file: string | undefined;
    let body: Buffer;
    if (pages[pathname] !== undefined) {
      body = Buffer.from(pages[pathname]!);
      file = pathname;
    } else {
      const mount = roots.find(([prefix]) => pathname.startsWith(prefix));
      if (!mount) return notFound();
      const [prefix, base] = mount;
      let path = resolve(base, pathname.slice(prefix.length));
      if (path !== base && !path.startsWith(base + sep)) return notFound();
      if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
      if (!existsSync(path) || !statSync(path).isFile()) return notFound();
      file = path;
      body = readFileSync(path);
    }
    const raw = body.length;
    const gzip = COMPRESSIBLE.test(file) && /\bgzip\b/u.test(String(req.headers["accept-encoding"] ?? ""));
    if (gzip) {
      let packed = gzipCache.get(file);
      if (!packed || pages[pathname] !== undefined) gzipCache.set(file, (packed = gzipSync(body, { level: 6 })));
      body = packed;
    }
    res.writeHead(200, {
      "content-type": pages[pathname] !== undefined ? "text/html; charset=utf-8" : contentType(file),
      "content-length": String(body.length),
      "cache-control": "no-store",
      ...(gzip ? { "content-encoding": "gzip", vary: "accept-encoding" } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : body);
    log.push({ path: pathname, raw, wire: body.length });
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    take() {
      const out = log;
      log = [];
      return out;
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
