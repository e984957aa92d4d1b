/** Context: the settings and paths every step of a benchmark run shares. */
import { fileURLToPath } from "node:url";
import type { CorpusArticle } from "../src/content/corpus.ts";

/** The repository's root. */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));

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
