/**
 * Builds the search index of a built site: reads `<site>/search/documents.json` (written
 * by the site build), builds the Lunr index with the shared analyzer and writes it in
 * the format of src/search/index-format.ts to `<site>/search/index/`.
 *
 * The new index is written to a temporary folder beside the old one and swapped in only
 * when complete, so an error never leaves a partial index behind (the previous one, if
 * any, stays in place).
 *
 * Usage: tsx scripts/build-index.ts [--site DIR]   (DIR defaults to _site)
 * From code: `await buildIndex(siteDir)`.
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readDocuments } from "../src/search/documents.ts";
import { INDEX_DIR } from "../src/search/index-format.ts";
import { writeIndex, type WriteOptions } from "../src/search/index-writer.ts";

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
    await rename(target, previous).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "ENOENT") throw e;
    });
    await rename(staging, target);
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
  await rm(previous, { recursive: true, force: true });
  return { documents: documents.length, terms: termCount, files: files.size, bytes, milliseconds: performance.now() - started };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let site = "_site";
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--site" && args[i + 1] !== undefined) site = args[++i]!;
    else if (args[i]?.startsWith("--site=")) site = args[i]!.slice("--site=".length);
    else {
      console.error(`usage: tsx scripts/build-index.ts [--site DIR]   (unknown argument ${JSON.stringify(args[i])})`);
      process.exit(2);
    }
  }
  try {
    const r = await buildIndex(site);
    console.log(
      `search index: ${r.documents} articles, ${r.terms} terms, ${r.files} files, ${r.bytes} bytes, ${Math.round(r.milliseconds)} ms → ${join(site, INDEX_DIR)}`,
    );
  } catch (e) {
    console.error(`build-index: ${(e as Error).message}`);
    process.exit(1);
  }
}
