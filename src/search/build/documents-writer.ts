/**
 * Documents writer: the site build's hand-over to the search index. Writes
 * `search/documents.json`, one plain-text record per article in archive order;
 * build-index.ts reads it (types in format/documents.ts) and turns it into the
 * index parts the browser loads.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Archive } from "../../content/model.ts";
import type { SearchDocument, SearchDocuments } from "../format/documents.ts";

export function writeSearchDocuments(archive: Archive, siteDir: string): void {
  // Typed records: a field the format does not know (a person's page URL) stays out.
  const documents = archive.articles.map((a): SearchDocument => ({
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
  }));
  mkdirSync(join(siteDir, "search"), { recursive: true });
  writeFileSync(join(siteDir, "search", "documents.json"), JSON.stringify({ version: 1, documents } satisfies SearchDocuments));
}
