/**
 * Archive identity: what the archive calls itself, from `content/archive.json`
 * (validated by archiveSchema in ./schema.ts): the paper's name as a fact, a
 * title, a short name and a description. The masthead, `<title>`, the feed, the
 * web-app manifest and JSON-LD use it; without the file, or for a field it does
 * not give, the site falls back to `_data/site.json`. A paper name that is not
 * stated is never shown as if it were.
 */
import { join } from "node:path";
import { archiveSchema } from "./schema.ts";
import { readTextFile } from "./text-file.ts";
import { ContentErrors } from "./errors.ts";
import { ARCHIVE_FILE } from "./load-archive.ts";
import type { Fact } from "./model.ts";

export interface ArchiveIdentity {
  paper: Fact<string>;
  /** The site's name: the title, else the paper's name (marked （推断） when inferred), else null (site.json's). */
  name: string | null;
  shortName: string | null;
  description: string | null;
  /** The paper's name only when the print states it: what JSON-LD names as publisher. */
  statedPaper: string | null;
}

/** Reads `contentDir/archive.json`; undefined when there is none; ContentErrors naming the field when it is wrong. */
export function loadIdentity(contentDir: string): ArchiveIdentity | undefined {
  const file = join(contentDir, ARCHIVE_FILE);
  let raw: unknown;
  try {
    // Checked like every file of the archive: UTF-8 (a BOM allowed), no control characters.
    const read = readTextFile(file);
    if (!read.ok) throw new ContentErrors([{ file: ARCHIVE_FILE, field: "-", message: read.message }]);
    raw = JSON.parse(read.text);
  } catch (error) {
    if (error instanceof ContentErrors) throw error;
    const e = error as NodeJS.ErrnoException;
    if (e.code === "ENOENT") return undefined;
    throw new ContentErrors([{ file: ARCHIVE_FILE, field: "-", message: `is not valid JSON: ${e.message}` }]);
  }
  const result = archiveSchema.safeParse(raw);
  if (!result.success) {
    throw new ContentErrors(
      result.error.issues.map((issue) => ({
        file: ARCHIVE_FILE,
        field: issue.code === "unrecognized_keys" ? issue.keys.join(", ") : issue.path.join(".") || "-",
        message: issue.message,
      })),
    );
  }
  const { paper, title, shortName, description } = result.data;
  const paperName = paper.name === null ? null : paper.status === "stated" ? paper.name : `${paper.name}（推断）`;
  return {
    paper: { value: paper.name, status: paper.status, note: paper.note },
    name: title ?? paperName,
    shortName: shortName ?? title ?? paper.name,
    description: description ?? null,
    statedPaper: paper.status === "stated" ? paper.name : null,
  };
}
