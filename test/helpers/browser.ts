/**
 * Browser test helpers: launch Debian's Chromium with playwright-core (no
 * downloaded browser), gate tests on a tool being installed (skipped locally,
 * required under CI=true), and serve a built site over HTTP.
 */
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { chromium, type Browser } from "playwright-core";
import type { Callback, Test } from "uvu";
import { Assertion } from "uvu/assert";

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
  // Headless Chromium loads the omnibox popup's WebUI in a renderer of its own for every
  // new window (each browser context): about 0.7 s of CPU in the first 600 ms after a
  // page loads, which a reader's long-open window spent long ago. It competed with
  // every benchmark query on a fresh context and slows the browser tests.
  "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup",
];

/** Where Chromium is expected: `CHROMIUM_PATH`, else Debian's /usr/bin/chromium. */
export function expectedChromiumPath(): string {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

/** The Chromium executable to use, or undefined when it is not installed. */
export function chromiumPath(): string | undefined {
  const path = expectedChromiumPath();
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}

/**
 * Launches headless Chromium. Playwright gives `launch()` its own fresh
 * user-data-dir and removes it on close, so nothing persists between runs.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(`Chromium not found at ${expectedChromiumPath()}`);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/**
 * Fails the current test with a multi-line report, printed once (uvu would
 * print a multi-line message a second time as part of the stack).
 */
export function fail(report: string): never {
  const err = new Assertion({ message: report, operator: "", expects: undefined, actual: undefined });
  err.stack = `Assertion: ${report.split("\n")[0]}`;
  throw err;
}

/** Registers a test: uvu's `test`, or a stand-in that skips it. */
export type Register = (name: string, fn: Callback) => void;

export interface Gate {
  /** Whether the tool is there, so the tests will really run. */
  available: boolean;
  /** Register the tests that need the tool with this instead of `test`. */
  test: Register;
}

export interface Requirement {
  /** e.g. "Chromium", "java" */
  tool: string;
  /** Where it was looked for, for the message: "at /usr/bin/chromium", "on PATH". */
  where: string;
  /** What is skipped without it, e.g. "browser tests". */
  what: string;
  /** How to install it. */
  install: string;
  available: boolean;
}

/**
 * Gates tests on a tool. Present: tests run. Absent: they are registered with
 * `test.skip` and a message says why; under CI=true, one required test is
 * registered that fails with that message (the rest are skipped), so CI cannot
 * go green without running them.
 */
export function gate(test: Test, req: Requirement): Gate {
  if (req.available) return { available: true, test: (name, fn) => test(name, fn) };
  const missing = `${req.tool} not found ${req.where}`;
  if (process.env.CI === "true") {
    const message = `${missing}: ${req.what} are required when CI=true; install ${req.install}`;
    console.error(message);
    test(`${req.tool} is installed (required when CI=true)`, () => {
      throw new Error(message);
    });
  } else {
    console.log(`${missing}: skipping ${req.what}; install ${req.install}`);
  }
  return { available: false, test: (name, fn) => test.skip(name, fn) };
}

/** Gate for browser tests: needs Chromium (CHROMIUM_PATH or /usr/bin/chromium). */
export function browserGate(test: Test): Gate {
  return gate(test, {
    tool: "Chromium",
    where: `at ${expectedChromiumPath()}`,
    what: "browser tests",
    install: "Debian's chromium (apt-get install -y chromium)",
    available: chromiumPath() !== undefined,
  });
}

/** Gate for tests that run a Java program (the Nu HTML Checker): needs `java` on PATH. */
export function javaGate(test: Test, what: string): Gate {
  const r = spawnSync("java", ["-version"], { stdio: "ignore" });
  return gate(test, {
    tool: "java",
    where: "on PATH",
    what,
    install: "a Java runtime (apt-get install -y default-jre-headless)",
    available: r.error === undefined && r.status === 0,
  });
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
};

export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
}

export interface StaticServer {
  /** The site's root URL, with the prefix and a trailing slash, e.g. http://127.0.0.1:41234/archive/ */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `root` read-only on 127.0.0.1 (a free port), under `prefix` (default
 * "/"), as a static host would: percent-decoded paths (file names may be
 * Chinese), a folder serves its index.html (a folder without a trailing slash
 * redirects to it with one), everything else is a plain 404. Responses are
 * `nosniff`, so a wrong content type fails as it would on a real host.
 */
export async function serveStatic(root: string, options: { prefix?: string } = {}): Promise<StaticServer> {
  const base = resolve(root);
  let prefix = options.prefix ?? "/";
  if (!prefix.startsWith("/")) prefix = `/${prefix}`;
  if (!prefix.endsWith("/")) prefix = `${prefix}/`;

  const server = createServer((req, res) => {
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "405 Method Not Allowed\n", { allow: "GET, HEAD" });

    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    if (`${pathname}/` === prefix) return send(301, "", { location: prefix });
    if (!pathname.startsWith(prefix)) return send(404, "404 Not Found\n");
    let rel: string;
    try {
      rel = decodeURIComponent(pathname.slice(prefix.length));
    } catch {
      return send(400, "400 Bad Request\n");
    }
    if (rel.includes("\0")) return send(400, "400 Bad Request\n");

    let file = resolve(base, rel);
    if (file !== base && !file.startsWith(base + sep)) return send(404, "404 Not Found\n"); // no way out of root
    if (!existsSync(file)) return send(404, "404 Not Found\n");
    if (statSync(file).isDirectory()) {
      if (!pathname.endsWith("/")) return send(301, "", { location: `${pathname}/` });
      file = join(file, "index.html");
      if (!existsSync(file)) return send(404, "404 Not Found\n");
    }
    const stat = statSync(file);
    if (!stat.isFile()) return send(404, "404 Not Found\n");

    res.writeHead(200, {
      "content-type": contentType(file),
      "content-length": String(stat.size),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    if (req.method === "HEAD") return res.end();
    createReadStream(file)
      .on("error", () => res.destroy())
      .pipe(res);
  });

  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => done());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${encodeURI(prefix)}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** Joins a site-relative file path (may contain Chinese) onto a served site's URL, percent-encoded. */
export function pageUrl(server: StaticServer, file: string): string {
  return new URL(file.split(sep).map(encodeURIComponent).join("/"), server.url).href;
}
