/**
 * Replace file: writes a file whole beside its place and renames it in, so a reader (the
 * next build) finds the old file or the new one, never half of one, however the writer
 * ends. The build cache's entries and records use it; `lines` are written in batches
 * (./write-lines.ts), so a store of hundreds of thousands of lines is never one string.
 */
import { mkdirSync, renameSync } from "node:fs";
import { dirname } from "node:path";
import { LineReader } from "./line-reader.ts";
import { writeLines } from "./write-lines.ts";

/** Replaces `file` with `content` (a string, or lines each ending in "\n"), making its folder if need be. */
export function replaceFile(file: string, content: string | Iterable<string>): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}`;
  writeLines(partial, typeof content === "string" ? [content] : content);
  renameSync(partial, file);
}

/** The values of a JSON Lines file, one a line, read a line at a time; throws on a missing file or a bad line. */
export function* readJsonLines(file: string): Generator<unknown> {
  const reader = new LineReader(file);
  try {
    for (let line = reader.next(); line !== undefined; line = reader.next()) yield JSON.parse(line);
  } finally {
    reader.close();
  }
}

/** Each value as a line of JSON Lines. */
export function* jsonLines(values: Iterable<unknown>): Generator<string> {
  for (const value of values) yield `${JSON.stringify(value)}\n`;
}
