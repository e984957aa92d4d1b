/**
 * Corpus access for tests: the corpus stays outside the repository. Its folder comes
 * from BANMIAN_CORPUS (default ../shared/corpus). A missing corpus file is a gate
 * (gate.ts): its tests are skipped with a message, except under CI, where they fail.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { test as defaultSuite, type Test } from "uvu";
import { gate, type Gate } from "./gate.ts";
import { ROOT } from "./site.ts";

export const CORPUS_DIR = resolve(ROOT, process.env.BANMIAN_CORPUS ?? "../shared/corpus");

const gates = new Map<string, Gate>();

/**
 * The path of a corpus file, or undefined when its tests must skip: the first call for a
 * name in a test file says why (on uvu's default suite, where the CI failure is registered).
 */
export function corpusFile(name: string): string | undefined {
  const file = join(CORPUS_DIR, name);
  let g = gates.get(name);
  if (!g) {
    g = gate(defaultSuite, {
      tool: `corpus file ${name}`,
      where: `in ${CORPUS_DIR}`,
      what: "the tests on the corpus",
      remedy: "set BANMIAN_CORPUS to the corpus folder",
      available: existsSync(file),
    });
    gates.set(name, g);
  }
  return g.available ? file : undefined;
}

/** Registers `fn` as a test when the corpus file exists, as a skipped test otherwise. */
export function corpusTest(suite: Test, name: string, file: string | undefined, fn: (file: string) => void | Promise<void>): void {
  if (file) suite(name, () => fn(file));
  else suite.skip(name, () => {});
}
