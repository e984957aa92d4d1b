/**
 * Shard files: how a shard's pages get into the build's staging folder. A rendered
 * shard writes into a folder of its own in the work folder, whose files are then
 * moved (renamed) into staging, so the build knows exactly which files are the
 * shard's (the build cache records them, ./build-cache.ts). A reused shard's files
 * are hard-linked from the previous output: fast, and the same inodes, so the
 * cache's stamps stay true; copied where a link cannot be made (another device).
 */
import { mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { walkFiles } from "../files/walk-files.ts";

/** Moves every file under `from` to the same place under `to`; returns their paths ("/"-separated), sorted. */
export function moveFiles(from: string, to: string): string[] {
  const paths = [...walkFiles(from)].sort();
  const made = new Set<string>();
  for (const path of paths) {
    const target = join(to, path);
    const folder = dirname(target);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    renameSync(join(from, path), target);
  }
  rmSync(from, { recursive: true, force: true });
  return paths;
}

/** How many files are under `dir`, outside the folders in `skip` (relative to `dir`, "/"-separated). */
export function countFiles(dir: string, skip?: ReadonlySet<string>): number {
  let n = 0;
  for (const _ of walkFiles(dir, skip)) n++;
  return n;
}
