/**
 * Link files: puts files of a previous output into a new one without writing them again.
 * Hard links are fast and keep the inodes, so the build cache's stamps stay true
 * (src/build/build-cache.ts); a file is copied where a link cannot be made (another
 * device, a file system without links). Used for reused shards' pages
 * (src/build/shard-files.ts) and the index segments an incremental build keeps
 * (src/search/build/stream-index.ts).
 */
import { copyFileSync, linkSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";

/** Links (or copies) each path from `previous` into `to`; returns how many were copied rather than linked. */
export function linkFiles(previous: string, to: string, paths: readonly string[]): number {
  const made = new Set<string>();
  let copied = 0;
  for (const path of paths) {
    const target = join(to, path);
    const folder = dirname(target);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    try {
      linkSync(join(previous, path), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EXDEV" && (error as NodeJS.ErrnoException).code !== "EPERM") throw error;
      copyFileSync(join(previous, path), target);
      copied++;
    }
  }
  return copied;
}
