/**
 * Write lines: writes lines to a file in batches of about a megabyte, so a long file
 * (an archive's search documents, a postings run) is never held as one string and not
 * written one small call per line. The search documents and the index's runs use it.
 */
import { closeSync, openSync, writeSync } from "node:fs";

/** Characters gathered before each write. */
const BATCH = 1 << 20;

/** Writes every line (each ending in its own "\n") to `path`; returns how many. */
export function writeLines(path: string, lines: Iterable<string>): number {
  const fd = openSync(path, "w");
  let count = 0;
  try {
    let batch: string[] = [];
    let size = 0;
    for (const line of lines) {
      batch.push(line);
      size += line.length;
      count++;
      if (size >= BATCH) {
        writeSync(fd, batch.join(""));
        batch = [];
        size = 0;
      }
    }
    if (batch.length > 0) writeSync(fd, batch.join(""));
  } finally {
    closeSync(fd);
  }
  return count;
}
