/**
 * Read documents: loads `<site>/search/documents.json` from a built site and validates it
 * (format/documents.ts), for the index build and the tools that measure it. Node only.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DocumentsError, parseDocuments, type SearchDocuments } from "../format/documents.ts";

/** Path of the documents file inside a built site. */
export function documentsPath(siteDir: string): string {
  return join(siteDir, "search", "documents.json");
}

/** Reads and validates `<site>/search/documents.json`. */
export async function readDocuments(siteDir: string): Promise<SearchDocuments> {
  const path = documentsPath(siteDir);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new DocumentsError(`cannot read ${path}: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new DocumentsError(`${path} is not JSON: ${(e as Error).message}`);
  }
  return parseDocuments(data);
}
