/** Context: the settings and paths every step of a benchmark run shares. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CorpusArticle } from "../src/content/corpus.ts";

/** The repository's root. */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The installed version of a package, for the results' record ("?" if unknown). */
export function packageVersion(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

/** The commit the benchmark ran at ("?" outside a git checkout). */
export function gitCommit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    return "?";
  }
}

export interface BenchContext {
  /** The articles of news.jsonl, in order. */
  corpus: CorpusArticle[];
  /** The work folder: archives, built sites, Pagefind's bundle. */
  work: string;
  runs: number;
  coldRuns: number;
  focusedRuns: number;
  warmRounds: number;
  log: (line: string) => void;
}
