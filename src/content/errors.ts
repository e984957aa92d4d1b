/**
 * Content errors: every problem found in an archive, each naming the file and
 * the field, reported together so an editor fixes them in one pass.
 *
 * File names and values come from the archive, so a message escapes every
 * control character in them: a file name holding a newline or an ANSI escape
 * must not forge a line of the list or repaint the terminal.
 */
export interface ContentError {
  /** Path relative to the content folder. */
  file: string;
  /** Front-matter field, data-file key, or "-" for the file as a whole. */
  field: string;
  message: string;
}

export class ContentErrors extends Error {
  constructor(readonly errors: ContentError[]) {
    super(`${errors.length} content error${errors.length === 1 ? "" : "s"}:\n${errors.map(format).join("\n")}`);
    this.name = "ContentErrors";
  }
}

function format(e: ContentError): string {
  return `  ${escapeControls(e.file)}: ${e.field === "-" ? "" : `${escapeControls(e.field)}: `}${escapeControls(e.message)}`;
}

/**
 * C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional
 * overrides and isolates (which reorder what a terminal shows).
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/gu;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** `a\nb` → `a\\nb`, ESC → `\\u001b`: what a message shows of text it cannot show raw. */
export function escapeControls(text: string): string {
  return text.replace(UNPRINTABLE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
