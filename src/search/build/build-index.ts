/**
 * Build index: the index step of every build (src/site/after-build.ts) and of
 * `scripts/build-index.ts`. Reads `<site>/search/documents.json` (read-documents.ts),
 * builds the index with index-writer.ts and writes its parts (format/index-format.ts) to
 * `<site>/search/index/`.
 *
 * The new index is written to a temporary folder beside the old one and swapped in only
 * when complete, so an error never leaves a partial index behind (the previous one, if
 * any, stays in place).
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { INDEX_DIR } from "../format/index-format.ts";
import { readDocuments } from "./read-documents.ts";
import { writeIndex, type WriteOptions } from "./index-writer.ts";
import { swapFolder } from "../../files/swap-folder.ts";

export interface BuildIndexReport {
  documents: number;
  terms: number;
  files: number;
  bytes: number;
  milliseconds: number;
}

/** Reads `<site>/search/documents.json` and writes `<site>/search/index/`. */
export async function buildIndex(siteDir: string, options: WriteOptions = {}): Promise<BuildIndexReport> {
  const started = performance.now();
  const { documents } = await readDocuments(siteDir);
  const { files, termCount } = writeIndex(documents, options);
  const target = join(siteDir, INDEX_DIR);
  const staging = `${target}.tmp-${process.pid}-${Date.now()}`;
  const previous = `${target}.old-${process.pid}-${Date.now()}`;
  let bytes = 0;
  try {
    for (const [path, content] of files) {
      const file = join(staging, path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
      bytes += Buffer.byteLength(content);
    }
    swapFolder(staging, target, previous);
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
  return { documents: documents.length, terms: termCount, files: files.size, bytes, milliseconds: performance.now() - started };
}
