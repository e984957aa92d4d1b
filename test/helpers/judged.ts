/**
 * Judged queries: the development queries of the sample archive
 * (test/fixtures/queries/seed-dev.json), each with the titles of the articles it must
 * find, and queries that must find nothing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./site.ts";

export interface Judged {
  queries: Array<{ q: string; relevant: string[] }>;
  negative: string[];
}

export function judgedQueries(): Judged {
  return JSON.parse(readFileSync(join(ROOT, "test/fixtures/queries/seed-dev.json"), "utf8")) as Judged;
}
