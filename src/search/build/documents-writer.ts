/**
 * Documents writer: the site build's hand-over to the search index. Writes the search
 * documents (format/documents.ts), one plain-text record per article in archive order,
 * as JSON Lines (one record a line) in the build's work folder, outside the published
 * site: one file for a whole build, one per shard for the sharded build (src/build/).
 * The streaming index builder (stream-index.ts) reads them back a line at a time.
 * Written in batches (src/files/write-lines.ts), never as one string of the whole archive.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Archive, Article } from "../../content/model.ts";
import type { SearchDocument } from "../format/documents.ts";
import { writeLines } from "../../files/write-lines.ts";

/** Writes the records to `path` as JSON Lines; returns how many. */
export function writeDocumentLines(path: string, documents: Iterable<SearchDocument>): number {
  mkdirSync(dirname(path), { recursive: true });
  return writeLines(path, documentLines(documents));
}

function* documentLines(documents: Iterable<SearchDocument>): Generator<string> {
  // JSON.stringify escapes every control character, line feeds included: one record, one line.
  for (const doc of documents) yield `${JSON.stringify(doc)}\n`;
}

/** An article's record. Typed: a field the format does not know (a person's page URL) stays out. */
export function articleDocument(a: Article): SearchDocument {
  return {
    id: a.id,
    url: a.url,
    title: a.title,
    ...(a.kicker ? { kicker: a.kicker } : {}),
    ...(a.subtitle ? { subtitle: a.subtitle } : {}),
    ...(a.column ? { column: a.column } : {}),
    ...(a.byline ? { byline: a.byline } : {}),
    people: a.people.map((p) => ({ name: p.name, role: p.role })),
    date: a.edition.date,
    dateLabel: a.edition.dateLabel,
    edition: a.editionId,
    page: { id: a.printPage.id, label: a.printPage.label },
    ...(a.readingTip ? { readingTip: a.readingTip } : {}),
    body: a.blocks.filter((b) => b.kind !== "gap").map((b) => b.text),
    ...(a.caption ? { caption: a.caption } : {}),
  };
}

function* articleDocuments(articles: Iterable<Article>): Generator<SearchDocument> {
  for (const a of articles) yield articleDocument(a);
}

/** Writes the search documents of `articles` (in archive order) to `path` (JSON Lines). */
export function writeArticleDocuments(articles: Iterable<Article>, path: string): number {
  return writeDocumentLines(path, articleDocuments(articles));
}

/** Writes the archive's search documents to `path` (JSON Lines). */
export function writeSearchDocuments(archive: Archive, path: string): number {
  return writeArticleDocuments(archive.articles, path);
}
