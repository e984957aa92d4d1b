/**
 * Browser test helpers: the gates for Chromium and Java (gate.ts: skipped locally, required
 * under CI=true), report failures, and the shared Chromium launch and static server of
 * tools/ (also the benchmark's), re-exported for the tests.
 */
import { spawnSync } from "node:child_process";
import { sep } from "node:path";
import type { Test } from "uvu";
import { Assertion } from "uvu/assert";
import { chromiumPath, expectedChromiumPath } from "../../tools/chromium.ts";
import type { StaticServer } from "../../tools/static-server.ts";
import { gate, type Gate } from "./gate.ts";

export { CHROMIUM_ARGS, DEFAULT_CHROMIUM, chromiumPath, expectedChromiumPath, launchChromium } from "../../tools/chromium.ts";
export { serveStatic, type StaticServer } from "../../tools/static-server.ts";
export { gate, type Gate, type Register, type Requirement } from "./gate.ts";

/**
 * Fails the current test with a multi-line report, printed once (uvu would
 * print a multi-line message a second time as part of the stack).
 */
export function fail(report: string): never {
  const err = new Assertion({ message: report, operator: "", expects: undefined, actual: undefined });
  err.stack = `Assertion: ${report.split("\n")[0]}`;
  throw err;
}

/** Gate for browser tests: needs Chromium (CHROMIUM_PATH or /usr/bin/chromium). */
export function browserGate(test: Test): Gate {
  return gate(test, {
    tool: "Chromium",
    where: `at ${expectedChromiumPath()}`,
    what: "browser tests",
    remedy: "install Debian's chromium (apt-get install -y chromium)",
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
    remedy: "install a Java runtime (apt-get install -y default-jre-headless)",
    available: r.error === undefined && r.status === 0,
  });
}

/** Joins a site-relative file path (may contain Chinese) onto a served site's URL, percent-encoded. */
export function pageUrl(server: StaticServer, file: string): string {
  return new URL(file.split(sep).map(encodeURIComponent).join("/"), server.url).href;
}
