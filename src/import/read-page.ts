/**
 * Read page: the importer's input checks. Decodes a raw page file (UTF-8, a BOM
 * is allowed) into its lines, and checks the edition date given on the command
 * line, so that bad input stops the import with one clear message before
 * anything is computed or written. `import-page.ts` calls these first; the CLI
 * (`scripts/import.ts`) turns an `ImportInputError` into exit code 2.
 */
import { readFileSync, statSync } from "node:fs";
import { editionSchema } from "../content/schema.ts";
import { inputErrors } from "./messages.ts";

/** Bad input: the message says what is wrong and how to fix it; nothing has been written. */
export class ImportInputError extends Error {
  override name = "ImportInputError";
}

/** A page as lines: `lines[i]` is line i + 1 of the file, with line endings and the BOM removed. */
export interface PageText {
  file: string;
  lines: string[];
}

/**
 * The largest page file the importer reads. A printed page's text is some
 * 10–30 KB; this is hundreds of pages run together, which the importer still
 * reads in time proportional to its size (the README says how long).
 */
export const MAX_PAGE_BYTES = 10 * 1024 * 1024;

export function readPageFile(file: string): PageText {
  let bytes: Buffer;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new ImportInputError(inputErrors.notAFile(file));
    if (stats.size > MAX_PAGE_BYTES) {
      throw new ImportInputError(inputErrors.tooLarge(file, stats.size, MAX_PAGE_BYTES));
    }
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof ImportInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportInputError(code === "ENOENT" ? inputErrors.missing(file) : inputErrors.unreadable(file, (error as Error).message));
  }
  return { file, lines: decodePage(bytes, file) };
}

/** Decodes the bytes of a page; `name` is used in messages. */
export function decodePage(bytes: Uint8Array, name: string): string[] {
  if (bytes.includes(0)) {
    throw new ImportInputError(inputErrors.binary(name));
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportInputError(inputErrors.notUtf8(name));
  }
  if (text.trim() === "") throw new ImportInputError(inputErrors.empty(name));
  return text.split(/\r\n|\r|\n/u);
}

/** Checks `--date`: a real calendar day written YYYY-MM-DD (checked with the edition schema's own date rule). */
export function checkEditionDate(value: string | undefined): string {
  if (value === undefined || value === "") throw new ImportInputError(inputErrors.dateRequired());
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(value)) throw new ImportInputError(inputErrors.dateForm(value));
  const r = editionSchema.safeParse({ date: { value, status: "stated" } });
  if (!r.success) throw new ImportInputError(inputErrors.dateInvalid(value, r.error.issues[0]?.message));
  return value;
}

/** Checks `--page`: a page number (版次), a positive integer. */
export function checkPageNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,3}$/u.test(value) || Number(value) < 1) throw new ImportInputError(inputErrors.pageNumber(value));
  return Number(value);
}
