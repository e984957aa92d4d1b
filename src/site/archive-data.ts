/**
 * Archive data: loads the archive once per Eleventy build and keeps it for the
 * after-build steps, so pages and search documents come from the same load.
 */
import { loadArchive } from "../content/load-archive.ts";
import type { Archive } from "../content/model.ts";

let current: Archive | undefined;

export function loadForBuild(contentDir: string): Archive {
  current = loadArchive(contentDir);
  return current;
}

export function archiveOfLastBuild(): Archive {
  if (!current) throw new Error("no archive loaded: the after-build step ran before the build loaded its data");
  return current;
}
