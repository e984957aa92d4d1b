/**
 * Read page: the importer's input checks. Decodes a raw page file (UTF-8, a BOM
 * is allowed) into its lines, and checks the edition date given on the command
 * line, so that bad input stops the import with one clear message before
 * anything is computed or written. `import-page.ts` calls these first; the CLI
 * (`scripts/import.ts`) turns an `ImportInputError` into exit code 2.
 */
import { readFileSync, statSync } from "node:fs";
import { editionSchema } from "../content/schema.ts";

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
    if (!stats.isFile()) throw new ImportInputError(`${file} is not a file`);
    if (stats.size > MAX_PAGE_BYTES) {
      throw new ImportInputError(`${file} is ${stats.size.toLocaleString("en")} bytes, over the importer's limit of 10 MB (${MAX_PAGE_BYTES.toLocaleString("en")} bytes): a page's text is some 10–30 KB; import the pages one at a time`);
    }
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof ImportInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportInputError(code === "ENOENT" ? `${file} does not exist` : `${file} cannot be read: ${(error as Error).message}`);
  }
  return { file, lines: decodePage(bytes, file) };
}

/** Decodes the bytes of a page; `name` is used in messages. */
export function decodePage(bytes: Uint8Array, name: string): string[] {
  if (bytes.includes(0)) {
    throw new ImportInputError(`${name} is not a text file (it contains NUL bytes); give the page's text, extracted as UTF-8`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportInputError(`${name} is not valid UTF-8; convert it first (for GB 18030 text: iconv -f GB18030 -t UTF-8 ${name})`);
  }
  if (text.trim() === "") throw new ImportInputError(`${name} is empty: there is no text to import`);
  return text.split(/\r\n|\r|\n/u);
}

/** Checks `--date`: a real calendar day written YYYY-MM-DD (checked with the edition schema's own date rule). */
export function checkEditionDate(value: string | undefined): string {
  if (value === undefined || value === "") throw new ImportInputError("--date YYYY-MM-DD is required: the edition's date, which is also its folder name");
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(value)) throw new ImportInputError(`--date ${value}: write the date as YYYY-MM-DD, e.g. 2023-06-12`);
  const r = editionSchema.safeParse({ date: { value, status: "stated" } });
  if (!r.success) throw new ImportInputError(`--date ${value}: ${r.error.issues[0]?.message ?? "is not a date"}`);
  return value;
}

/** Checks `--page`: a page number (版次), a positive integer. */
export function checkPageNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,3}$/u.test(value) || Number(value) < 1) throw new ImportInputError(`--page ${value}: give the page number (版次) as a positive whole number, e.g. --page 3`);
  return Number(value);
}
