/**
 * Edition scans: what the archive scan (./archive-summary.ts) learnt of each edition,
 * kept in the build cache for the next build: the edition's summary and its content
 * hash (./build-cache.ts, `editionContentHash`), under the stamps (path, size,
 * modification time, inode) of its files. An edition whose files all have the stamps
 * recorded, by the same code, is neither read nor validated again: at 200,000 articles
 * reading and checking every file was the longest step of a day's build. Any other edition (a file added,
 * removed or touched, a fresh checkout) is read as on a first build. The stamps are
 * the ones the build cache already trusts for its own files.
 */
import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { jsonLines, readJsonLines, replaceFile } from "../files/replace-file.ts";
import type { ArticleSummary, Edition } from "../content/model.ts";

interface Scan {
  stamps: string;
  hash: string;
  summary: Edition<ArticleSummary>;
}

/** One line per file under the edition folder: its relative path and stamp, sorted. */
function editionStamps(folder: string): string {
  const lines: string[] = [];
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const stat = statSync(path);
    lines.push(`${path.slice(folder.length)}\0${stat.isFile() ? `${stat.size}\0${stat.mtimeMs}\0${stat.ino}` : "dir"}`);
  }
  return createHash("sha256").update(lines.sort().join("\n")).digest("hex");
}

export class EditionScans {
  private readonly known: Map<string, Scan>;
  private readonly next = new Map<string, Scan>();
  private readonly pending = new Map<string, string>();
  /** Editions taken as they were, not read again. */
  reused = 0;

  private constructor(
    private readonly file: string | undefined,
    known: Map<string, Scan>,
    private readonly code: string,
  ) {
    this.known = known;
  }

  /**
   * The scans in `file` (none when it is missing, unreadable or of other code: `code`,
   * ./build-cache.ts `codeVersion`, since what a summary holds is the code's to say);
   * without a file, nothing is kept.
   */
  static open(file: string | undefined, code: string): EditionScans {
    if (!file) return new EditionScans(undefined, new Map(), code);
    // JSON Lines, an edition a line, after one naming the code: hundreds of megabytes at archive size, never read whole.
    const known = new Map<string, Scan>();
    try {
      const lines = readJsonLines(file);
      if (JSON.stringify(lines.next().value) === JSON.stringify({ code })) {
        for (const value of lines) {
          const [name, scan] = value as [string, Scan];
          known.set(name, scan);
        }
      }
      lines.return(undefined);
    } catch {
      known.clear();
    }
    return new EditionScans(file, known, code);
  }

  /** The summary of the edition in `folder` if its files are as recorded (then it need not be read). */
  unchanged(folder: string, name: string): Edition<ArticleSummary> | undefined {
    if (!this.file) return undefined;
    const stamps = editionStamps(folder);
    const scan = this.known.get(name);
    if (scan && scan.stamps === stamps) {
      this.next.set(name, scan);
      this.reused++;
      return scan.summary;
    }
    this.pending.set(name, stamps);
    return undefined;
  }

  /** The content hash of an edition, as recorded, or made by `hash` and kept. */
  contentHash(name: string, hash: () => string): string {
    const scan = this.next.get(name);
    if (scan) return scan.hash;
    return hash();
  }

  /** Records an edition read in this build (its summary and content hash, made by `hash` only if kept), under the stamps `unchanged` found. */
  record(name: string, summary: Edition<ArticleSummary>, hash: () => string): void {
    const stamps = this.pending.get(name);
    if (stamps !== undefined) this.next.set(name, { stamps, hash: hash(), summary });
  }

  /** Writes this build's scans (and only those) for the next build (once it succeeded: a failed build leaves no cache behind). */
  save(): void {
    this.known.clear();
    if (this.file) replaceFile(this.file, jsonLines([{ code: this.code }, ...this.next]));
  }
}
