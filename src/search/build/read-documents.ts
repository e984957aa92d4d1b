/**
 * Read documents: the search documents (format/documents.ts) from where a build leaves
 * them, validated. Two forms: JSON Lines files, one record a line, which the site build
 * writes (documents-writer.ts) and the streaming index builder reads one line at a time
 * (`readDocumentFiles`); and a whole `documents.json` ({version, documents}), the
 * earlier form, still read (`readDocuments`, and by `readDocumentFiles` for a `.json`
 * file) so an index can be rebuilt from one. Node only.
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DocumentsError, parseDocument, parseDocuments, type SearchDocument, type SearchDocuments } from "../format/documents.ts";
import { LineReader } from "../../files/line-reader.ts";

/** Path of the documents file inside a site (the earlier form: builds no longer write it there). */
export function documentsPath(siteDir: string): string {
  return join(siteDir, "search", "documents.json");
}

/** Parses a whole documents.json text; `path` names the file in errors. */
function parseDocumentsText(path: string, text: string): SearchDocuments {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new DocumentsError(`${path} is not JSON: ${(e as Error).message}`);
  }
  return parseDocuments(data);
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
  return parseDocumentsText(path, text);
}

/** The records of one JSON Lines file, validated line by line; errors name the file and line. */
function* jsonLines(path: string): Generator<SearchDocument> {
  let reader: LineReader;
  try {
    reader = new LineReader(path);
  } catch (e) {
    throw new DocumentsError(`cannot read ${path}: ${(e as Error).message}`);
  }
  try {
    for (let text = reader.next(); text !== undefined; text = reader.next()) {
      const at = `${path} line ${reader.line}`;
      if (text.trim() === "") throw new DocumentsError(`${at}: empty line (one record a line)`);
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (e) {
        throw new DocumentsError(`${at}: not JSON: ${(e as Error).message}`);
      }
      yield parseDocument(raw, "record", (where, what) => {
        throw new DocumentsError(`${at}: ${where}: ${what}`);
      });
    }
  } finally {
    reader.close();
  }
}

/**
 * The records of the files in order, one at a time: `.json` files as a whole
 * documents.json, any other as JSON Lines. Ids must be distinct across all of them (and
 * from those already in `ids`, which collects them: for a caller reading files one by one).
 */
export function* readDocumentFiles(files: readonly string[], ids = new Set<string>()): Generator<SearchDocument> {
  for (const path of files) {
    let n = 0;
    const records = path.endsWith(".json") ? parseDocumentsText(path, readWhole(path)).documents : jsonLines(path);
    for (const doc of records) {
      n++;
      if (ids.has(doc.id)) throw new DocumentsError(`${path} ${path.endsWith(".json") ? `documents[${n - 1}]` : `line ${n}`}: id: duplicate id ${JSON.stringify(doc.id)}`);
      ids.add(doc.id);
      yield doc;
    }
  }
}

function readWhole(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new DocumentsError(`cannot read ${path}: ${(e as Error).message}`);
  }
}
