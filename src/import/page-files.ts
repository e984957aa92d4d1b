/**
 * Page files: the printed page's image and PDF that `--image` and `--pdf` give an
 * import, checked as the build will check them (src/content/page-image.ts: the
 * extension, and that the file is what it says) so that an import never writes a
 * page the build refuses. They are copied into the page folder as `page.EXT`, and
 * page.json names them; the regions of the articles are the editor's to add.
 */
import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import { PAGE_IMAGE_TYPES } from "../content/schema.ts";
import { pdfProblem, readPageImage } from "../content/page-image.ts";
import { ImportInputError } from "./read-page.ts";
import { inputErrors } from "./messages.ts";

export interface PageAttachment {
  /** Its name in the page folder, as page.json gives it. */
  name: string;
  bytes: Buffer;
}

/** Reads and checks the file given with `option` (--image or --pdf); undefined when the option was not given. */
export function readPageAttachment(option: "--image" | "--pdf", file: string | undefined): PageAttachment | undefined {
  if (file === undefined) return undefined;
  const extension = extname(file).slice(1).toLowerCase();
  const allowed: readonly string[] = option === "--image" ? PAGE_IMAGE_TYPES : ["pdf"];
  if (!allowed.includes(extension)) throw new ImportInputError(inputErrors.attachmentType(option, file, allowed));
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) throw new ImportInputError(inputErrors.notAFile(`${option} ${file}`));
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof ImportInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportInputError(code === "ENOENT" ? inputErrors.missing(`${option} ${file}`) : inputErrors.unreadable(`${option} ${file}`, (error as Error).message));
  }
  const name = `page.${extension}`;
  const problem = option === "--pdf" ? pdfProblem(file, bytes) : ((r) => ("problem" in r ? r.problem : undefined))(readPageImage(file, bytes));
  if (problem) throw new ImportInputError(`${option} ${problem}`);
  return { name, bytes };
}
