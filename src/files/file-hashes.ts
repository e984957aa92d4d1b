/**
 * File hashes: content hashes remembered by file stamp (size, modification time, inode),
 * so a build that hard-links most of its output from the previous one (src/build/)
 * does not read those files again to hash them: the offline manifest hashes every file
 * of the site, over a gigabyte at 200,000 articles. A file whose stamp differs from the
 * one remembered is read and hashed again; a missing or unreadable store is an empty
 * one. The build cache trusts the same stamps (src/build/build-cache.ts).
 */
import { readFileSync } from "node:fs";
import { jsonLines, readJsonLines, replaceFile } from "./replace-file.ts";

type Stamp = [size: number, mtimeMs: number, ino: number, hash: string];

/** What a file's stamp is made of (a Stats object has them). */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

export class FileHashes {
  private readonly known: Map<string, Stamp>;
  private readonly used = new Map<string, Stamp>();
  /** Files hashed from their content (not remembered). */
  hashed = 0;

  private constructor(
    private readonly file: string | undefined,
    known: Map<string, Stamp>,
  ) {
    this.known = known;
  }

  /** The store in `file` (nothing remembered when it is missing or unreadable); without a file, nothing is kept. */
  static open(file?: string): FileHashes {
    if (!file) return new FileHashes(undefined, new Map());
    // JSON Lines, a file a line: never the whole store as one string.
    const known = new Map<string, Stamp>();
    try {
      for (const value of readJsonLines(file)) {
        const [key, ...stamp] = value as [string, ...Stamp];
        known.set(key, stamp);
      }
    } catch {
      known.clear();
    }
    return new FileHashes(file, known);
  }

  /** The hash of the file at `path` (known as `key`) with stats `stat`: remembered, or `hash(content)` of its bytes. */
  hashOf(key: string, path: string, stat: FileStamp, hash: (content: Buffer) => string): string {
    const known = this.known.get(key);
    if (known && known[0] === stat.size && known[1] === stat.mtimeMs && known[2] === stat.ino) {
      this.used.set(key, known);
      return known[3];
    }
    const value = hash(readFileSync(path));
    this.hashed++;
    this.used.set(key, [stat.size, stat.mtimeMs, stat.ino, value]);
    return value;
  }

  /** Writes what this build used (and only that) for the next. */
  save(): void {
    const entries = function* (used: Map<string, Stamp>) {
      for (const [key, stamp] of used) yield [key, ...stamp];
    };
    if (this.file) replaceFile(this.file, jsonLines(entries(this.used)));
  }
}
