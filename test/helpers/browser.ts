/**
 * Browser test helpers: gate tests on a tool being installed (skipped locally, required
 * under CI=true), report failures, and the shared Chromium launch and static server of
 * tools/ (also the benchmark's), re-exported for the tests.
 */
import { spawnSync } from "node:child_process";
import { sep } from "node:path";
import type { Callback, Test } from "uvu";
import { Assertion } from "uvu/assert";
import { chromiumPath, expectedChromiumPath } from "../../tools/chromium.ts";
import type { StaticServer } from "../../tools/static-server.ts";

export { CHROMIUM_ARGS, DEFAULT_CHROMIUM, chromiumPath, expectedChromiumPath, launchChromium } from "../../tools/chromium.ts";
export { serveStatic, type StaticServer } from "../../tools/static-server.ts";

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

/** Joins a site-relative file path (may contain Chinese) onto a served site's URL, percent-encoded. */
export function pageUrl(server: StaticServer, file: string): string {
  return new URL(file.split(sep).map(encodeURIComponent).join("/"), server.url).href;
}
