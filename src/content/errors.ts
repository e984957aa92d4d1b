/**
 * Content errors: every problem found in an archive, each naming the file and
 * the field, reported together so an editor fixes them in one pass.
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
  return `  ${e.file}: ${e.field === "-" ? "" : `${e.field}: `}${e.message}`;
}
