/**
 * Build index: the index step of every build (src/site/after-build.ts) and of
 * `scripts/build-index.ts`, over search documents in JSON Lines files, or in a site's
 * `search/documents.json` (the earlier form), with the streaming builder
 * (stream-index.ts), which writes the parts (format/index-format.ts) to
 * `<site>/search/index/` and swaps them in only when complete (an error leaves the
 * previous index in place). Its runs go to a temporary work folder, removed when the
 * build ends, and also when the process exits first (a signal stops the build).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { documentsPath } from "./read-documents.ts";
import { buildIndexFromRuns, type BuildIndexReport, type StreamOptions } from "./stream-index.ts";

export type { BuildIndexReport } from "./stream-index.ts";

/** Runs `fn` with a fresh temporary folder, removed however it ends (short of SIGKILL). */
export async function withWorkFolder<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "banmian-index-"));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  process.on("exit", remove);
  try {
    return await fn(dir);
  } finally {
    process.off("exit", remove);
    remove();
  }
}

/** Writes `<site>/search/index/` from the documents in `documentFiles` (default: `<site>/search/documents.json`). */
export async function buildIndex(siteDir: string, options: StreamOptions = {}, documentFiles: readonly string[] = [documentsPath(siteDir)]): Promise<BuildIndexReport> {
  return withWorkFolder((workDir) => buildIndexFromRuns({ ...options, documentFiles, siteDir, workDir }));
}
