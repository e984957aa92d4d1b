/**
 * Index entry: the process that builds the search index of a staged site
 * (src/search/build/build-index.ts, from its search/documents.json), so the
 * index's memory is never added to the pages'.
 *
 *   node --import tsx src/build/index-entry.ts SITE_DIR
 */
import { buildIndex } from "../search/build/build-index.ts";
import { failChild } from "./child-runs.ts";

try {
  const site = process.argv[2];
  if (!site) throw new Error("usage: index-entry.ts SITE_DIR");
  await buildIndex(site);
  if (process.send) process.disconnect();
} catch (error) {
  failChild(error);
}
