/**
 * Gates: the one way a test that needs something outside the repository (Chromium, a
 * Java runtime, the news corpus) is skipped when it is missing. Present: the tests run.
 * Absent: they are registered with `test.skip`, so the runner's closing line counts them
 * as skipped, and one line says what is missing and what to do; under CI=true, one test is
 * registered that fails with that line instead, so CI cannot go green without them.
 */
import type { Callback, Test } from "uvu";

/** Registers a test: uvu's `test`, or a stand-in that skips it. */
export type Register = (name: string, fn: Callback) => void;

export interface Gate {
  /** Whether the requirement is met, so the tests will really run. */
  available: boolean;
  /** Register the tests that need it with this instead of `test`. */
  test: Register;
}

export interface Requirement {
  /** e.g. "Chromium", "java", "corpus file news.jsonl" */
  tool: string;
  /** Where it was looked for, for the message: "at /usr/bin/chromium", "on PATH". */
  where: string;
  /** What is skipped without it, e.g. "browser tests". */
  what: string;
  /** What to do about it, e.g. "install a Java runtime (apt-get install -y default-jre-headless)". */
  remedy: string;
  available: boolean;
}

export function gate(test: Test, req: Requirement): Gate {
  if (req.available) return { available: true, test: (name, fn) => test(name, fn) };
  const missing = `${req.tool} not found ${req.where}`;
  if (process.env.CI === "true") {
    const message = `${missing}: ${req.what} are required when CI=true; ${req.remedy}`;
    console.error(message);
    test(`${req.tool} is present (required when CI=true)`, () => {
      throw new Error(message);
    });
  } else {
    console.log(`${missing}: skipping ${req.what}; ${req.remedy}`);
  }
  return { available: false, test: (name, fn) => test.skip(name, fn) };
}
