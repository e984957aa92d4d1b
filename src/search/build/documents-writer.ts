/**
 * Documents writer: the site build's hand-over to the search index. Writes
 * `search/documents.json`, one plain-text record per article in archive order;
 * build-index.ts reads it (types in format/documents.ts) and turns it into the
 * index parts the browser loads. The sharded build (src/build/) writes the same
 * records as JSON Lines, one file per shard, and joins them into the same
 * documents.json (joinDocumentLines), byte for byte, without holding them all.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Archive, Article } from "../../content/model.ts";
import type { SearchDocument, SearchDocuments } from "../format/documents.ts";

/** An article's record. Typed: a field the format does not know (a person's page URL) stays out. */
export function searchDocument(a: Article): SearchDocument {
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

export function writeSearchDocuments(archive: Archive, siteDir: string): void {
  const documents = archive.articles.map(searchDocument);
  mkdirSync(join(siteDir, "search"), { recursive: true });
  writeFileSync(join(siteDir, "search", "documents.json"), JSON.stringify({ version: 1, documents } satisfies SearchDocuments));
}

/** The records of `articles` (in archive order) as JSON Lines: one JSON.stringify'd record a line. */
export function writeDocumentLines(articles: readonly Article[], file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, articles.map((a) => `${JSON.stringify(searchDocument(a))}\n`).join(""));
}

/**
 * `<site>/search/documents.json` from JSON Lines files (in archive order): the
 * bytes JSON.stringify gives for the whole list, written one file at a time.
 */
export function joinDocumentLines(files: readonly string[], siteDir: string): void {
  mkdirSync(join(siteDir, "search"), { recursive: true });
  const out = openSync(join(siteDir, "search", "documents.json"), "w");
  try {
    writeSync(out, '{"version":1,"documents":[');
    let first = true;
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      if (!text) continue;
      // Each line ends in "\n"; between records stands ",", as in one JSON array.
      writeSync(out, (first ? "" : ",") + text.slice(0, -1).replaceAll("\n", ","));
      first = false;
    }
    writeSync(out, "]}");
  } finally {
    closeSync(out);
  }
}
