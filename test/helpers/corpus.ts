/**
 * Corpus access for tests: the corpus stays outside the repository. Its folder
 * comes from BANMIAN_CORPUS (default ../shared/corpus). Without it, corpus tests
 * are skipped with a message, except under CI, where they fail.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Test } from "uvu";
import { ROOT } from "./site.ts";

export const CORPUS_DIR = resolve(ROOT, process.env.BANMIAN_CORPUS ?? "../shared/corpus");

/** The path of a corpus file, or undefined (after saying why) when tests must skip. */
export function corpusFile(name: string): string | undefined {
  const file = join(CORPUS_DIR, name);
  if (existsSync(file)) return file;
  if (process.env.CI === "true") throw new Error(`corpus file ${file} is missing, and CI requires the corpus tests (set BANMIAN_CORPUS)`);
  console.log(`  Corpus file ${file} not found: skipping corpus tests (set BANMIAN_CORPUS to the corpus folder).`);
  return undefined;
}

/** Registers `fn` as a test when the corpus file exists, as a skipped test otherwise. */
export function corpusTest(suite: Test, name: string, file: string | undefined, fn: (file: string) => void | Promise<void>): void {
  if (file) suite(name, () => fn(file));
  else suite.skip(name, () => {});
}
