/**
 * Search failure: why a search has no answer, as opposed to an answer with no results.
 * The engine never throws (query-engine.ts), so a search that failed inside must say so
 * in its response, or the reader would be told that nothing matches. Three kinds:
 *
 * - `index-updated`: a part of the index is of another build than its meta part (the
 *   site was updated under an open page; format/index-format.ts, "Builds"): opening the
 *   index again gives a consistent answer;
 * - `index-unavailable`: a part could not be loaded or is corrupt (part-cache.ts,
 *   IndexPartError): searches that need other parts still work;
 * - `internal`: the engine's own code failed, a bug (the fuzz test asserts there is none).
 */
import { IndexPartError } from "./part-cache.ts";

export type SearchFailureKind = "index-updated" | "index-unavailable" | "internal";

export interface SearchFailure {
  kind: SearchFailureKind;
  message: string;
}

/** The failure an exception caught during a search stands for. */
export function failureOf(error: unknown): SearchFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof IndexPartError) return { kind: error.updated ? "index-updated" : "index-unavailable", message };
  return { kind: "internal", message };
}
