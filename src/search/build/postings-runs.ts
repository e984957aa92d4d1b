/**
 * Postings runs: the streaming index builder's intermediate files (stream-index.ts). A
 * run holds the postings of consecutive articles, collected in memory by the direct
 * builder (collect-direct.ts) and written out sorted, so that memory is one run's; the
 * runs are then merged term by term into the index's postings, reading each run a line
 * at a time.
 *
 * A run is a text file, one line per term in UTF-16 code-unit order:
 *
 *     TERM SPACE LAST SPACE POSTINGS
 *
 * TERM as the analyzer made it (terms hold no space or line feed), LAST the article
 * number (decimal) of the term's last entry in the run, POSTINGS its encoded postings
 * (format/postings.ts) with article numbers of the whole archive: the first entry's
 * distance is from article 0, as if the run were the term's only postings. Merging
 * shifts each run's first entry to count from the term's last article before it
 * (postings.ts, shiftPostings), which gives exactly the postings of the whole archive.
 */
import { FIELDS } from "../analysis/fields.ts";
import { shiftPostings } from "../format/postings.ts";
import type { collectDirect } from "./collect-direct.ts";
import { compareCodeUnits } from "./collected.ts";
import { LineReader } from "../../files/line-reader.ts";
import { writeLines } from "../../files/write-lines.ts";

/** Bytes each run's reader takes at a time: the merge holds one buffer per run. */
const READ_CHUNK = 1 << 16;

/** Writes the run of articles collected from `first` on (their numbers in the archive). */
export function writeRun(path: string, collected: ReturnType<typeof collectDirect>, first: number): void {
  const F = FIELDS.length;
  writeLines(path, runLines(collected, first, F));
}

function* runLines(collected: ReturnType<typeof collectDirect>, first: number, F: number): Generator<string> {
  for (let i = 0; i < collected.terms.length; i++) {
    const term = collected.terms[i]!;
    if (/[ \n]/.test(term)) throw new Error(`term ${JSON.stringify(term)} holds a space or line feed, which the index format does not allow`);
    yield `${term} ${first + collected.lastDoc(i)} ${shiftPostings(collected.postings(i), first, F)}\n`;
  }
}

/** A run being read: its current line, split. */
class RunCursor {
  term = "";
  last = 0;
  postings = "";
  private readonly reader: LineReader;

  constructor(
    path: string,
    readonly run: number,
  ) {
    this.reader = new LineReader(path, READ_CHUNK);
  }

  /** Moves to the next line; false at the end of the run. */
  advance(): boolean {
    const line = this.reader.next();
    if (line === undefined) return false;
    const a = line.indexOf(" ");
    const b = line.indexOf(" ", a + 1);
    if (a <= 0 || b < 0) throw new Error(`${this.reader.path} line ${this.reader.line}: not a postings run line`);
    const term = line.slice(0, a);
    if (this.term !== "" && !(compareCodeUnits(this.term, term) < 0)) throw new Error(`${this.reader.path} line ${this.reader.line}: terms out of order`);
    this.term = term;
    this.last = Number(line.slice(a + 1, b));
    this.postings = line.slice(b + 1);
    return true;
  }

  close(): void {
    this.reader.close();
  }
}

/** Cursor a comes before b: by term, then by run (runs are in archive order). */
const before = (a: RunCursor, b: RunCursor) => a.term < b.term || (a.term === b.term && a.run < b.run);

/** A binary min-heap of the runs' cursors, so each step costs log(runs), not runs. */
class CursorHeap {
  readonly items: RunCursor[] = [];

  push(c: RunCursor): void {
    const h = this.items;
    h.push(c);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  pop(): RunCursor | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Merges the runs (in archive order) and calls `term` with each term of the archive, in
 * code-unit order, and its postings over the whole archive. Holds one line per run.
 */
export function mergeRuns(paths: readonly string[], term: (term: string, postings: string) => void): void {
  const F = FIELDS.length;
  const heap = new CursorHeap();
  const cursors = paths.map((p, run) => new RunCursor(p, run));
  try {
    for (const c of cursors) if (c.advance()) heap.push(c);
    while (heap.items.length > 0) {
      const first = heap.pop()!;
      const current = first.term;
      const pieces = [first.postings];
      let last = first.last;
      if (first.advance()) heap.push(first);
      while (heap.items.length > 0 && heap.items[0]!.term === current) {
        const c = heap.pop()!;
        pieces.push(shiftPostings(c.postings, -last, F));
        last = c.last;
        if (c.advance()) heap.push(c);
      }
      term(current, pieces.length === 1 ? pieces[0]! : pieces.join(""));
    }
  } finally {
    for (const c of cursors) c.close();
  }
}
