/**
 * Line reader: reads a text file line by line through a fixed buffer, synchronously,
 * for the streaming index builder (its document files and its runs), which reads many
 * files in step and would spend most of its time in readline's events and promises.
 * Lines are split on LF bytes (a UTF-8 continuation byte is never 0x0A) and decoded
 * one by one; the file is never held whole.
 */
import { closeSync, openSync, readSync } from "node:fs";


export class LineReader {
  private fd: number | undefined;
  private buffer = Buffer.alloc(0);
  private at = 0;
  private eof = false;
  /** The number of the line `next` returned last (1-based). */
  line = 0;

  /** `chunk`: bytes read at a time (a reader of many files at once wants it small). */
  constructor(
    readonly path: string,
    private readonly chunk = 1 << 20,
  ) {
    this.fd = openSync(path, "r");
  }

  /** The next line without its line feed, or undefined at the end (after a final LF, no empty last line). */
  next(): string | undefined {
    for (;;) {
      const lf = this.buffer.indexOf(10, this.at);
      if (lf >= 0) {
        const text = this.buffer.toString("utf8", this.at, lf);
        this.at = lf + 1;
        this.line++;
        return text;
      }
      if (this.eof) {
        if (this.at >= this.buffer.length) {
          this.close();
          return undefined;
        }
        const text = this.buffer.toString("utf8", this.at);
        this.at = this.buffer.length;
        this.line++;
        return text;
      }
      this.fill();
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.eof = true;
  }

  /** Keeps the unread rest and appends the next chunk (a longer buffer when one line is longer than a chunk). */
  private fill(): void {
    const rest = this.buffer.subarray(this.at);
    const next = Buffer.allocUnsafe(Math.max(this.chunk, rest.length * 2));
    rest.copy(next);
    const read = this.fd === undefined ? 0 : readSync(this.fd, next, rest.length, next.length - rest.length, null);
    if (read === 0) this.close();
    this.buffer = next.subarray(0, rest.length + read);
    this.at = 0;
  }
}
