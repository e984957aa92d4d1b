/**
 * Bench server: serves built sites on 127.0.0.1 as a static host with gzip would, and
 * counts what each request sent, so the benchmark can say how many bytes a search
 * fetched. Files come from the shared static server (tools/static-server.ts, sirv).
 * Text files (HTML, JS, JSON, CSS, SVG, XML) are sent gzip-compressed (zlib level 6,
 * nginx's and most hosts' choice for on-the-fly gzip) when the browser asks for it;
 * other files (Pagefind's chunks and WebAssembly, which Pagefind already compresses
 * itself) are sent as they are. Compressed bodies are cached in memory, so compression
 * time is not part of what the benchmark times after the first run.
 *
 * Every response is logged as { path, raw, wire }: raw = the file's size, wire = the
 * body bytes actually sent (gzip size when compressed). Headers are not counted.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { listen, sendText, siteHandler, type SiteHandler } from "../tools/static-server.ts";

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

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|manifest\+json)|image\/svg\+xml)/u;

/**
 * Holds back what a handler sends, then sends it whole, gzip-compressed (cached under
 * `key` and the file's Last-Modified) when `gzip` and the content type is text, and
 * reports the raw and sent sizes.
 */
function compressing(res: ServerResponse, key: string, gzip: boolean, cache: Map<string, Buffer>, done: (raw: number, wire: number) => void): void {
  const chunks: Buffer[] = [];
  let status = 200;
  let headers: Record<string, unknown> = {};
  const writeHead = res.writeHead.bind(res);
  const end = res.end.bind(res) as (body?: Buffer) => ServerResponse;
  res.writeHead = ((code: number, h?: Record<string, unknown>) => {
    status = code;
    headers = { ...(res.getHeaders() as Record<string, unknown>), ...(h ?? {}) };
    return res;
  }) as typeof res.writeHead;
  res.write = ((chunk: Buffer | string) => {
    chunks.push(Buffer.from(chunk));
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: Buffer | string | (() => void)) => {
    if (chunk !== undefined && typeof chunk !== "function") chunks.push(Buffer.from(chunk));
    let body: Buffer = Buffer.concat(chunks);
    const raw = body.length;
    const type = String(headers["Content-Type"] ?? headers["content-type"] ?? "");
    const packs = gzip && status === 200 && COMPRESSIBLE.test(type);
    if (packs) {
      const cacheKey = `${key}\n${String(headers["Last-Modified"] ?? "")}`;
      let packed = cache.get(cacheKey);
      if (!packed) cache.set(cacheKey, (packed = gzipSync(body, { level: 6 })));
      body = packed;
      headers = { ...headers, "Content-Encoding": "gzip", Vary: "accept-encoding" };
    }
    writeHead(status, { ...headers, "Content-Length": String(body.length) });
    end(body);
    if (status === 200) done(raw, body.length);
    return res;
  }) as typeof res.end;
}

/**
 * Serves each mount's folder under its prefix ("/" for a site root, "/pagefind/" …), and
 * `pages` (path → HTML) as extra pages, e.g. a blank harness page without CSP.
 */
export async function startBenchServer(mounts: Record<string, string>, pages: Record<string, string> = {}): Promise<BenchServer> {
  const roots: Array<[string, SiteHandler]> = Object.entries(mounts)
    .map(([prefix, dir]): [string, SiteHandler] => [prefix.endsWith("/") ? prefix : `${prefix}/`, siteHandler(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const gzipCache = new Map<string, Buffer>();
  let log: Transfer[] = [];

  const server = await listen((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const gzip = /\bgzip\b/u.test(String(req.headers["accept-encoding"] ?? ""));
    const record = (raw: number, wire: number) => log.push({ path: decodeURIComponent(url.pathname), raw, wire });
    const page = pages[decodeURIComponent(url.pathname)];
    if (page !== undefined) {
      compressing(res, `page ${url.pathname}`, gzip, new Map(), record);
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
      return res.end(req.method === "HEAD" ? undefined : page);
    }
    const mount = roots.find(([prefix]) => url.pathname.startsWith(prefix));
    if (!mount) return sendText(req, res, 404, "404\n");
    const [prefix, handler] = mount;
    compressing(res, `${prefix} ${url.pathname}`, gzip, gzipCache, record);
    req.url = url.pathname.slice(prefix.length - 1) + url.search;
    handler(req, res, () => sendText(req, res, 404, "404\n"));
  });
  return {
    origin: server.origin,
    take() {
      const out = log;
      log = [];
      return out;
    },
    close: server.close,
  };
}
