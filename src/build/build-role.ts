/**
 * Build role: what one Eleventy run renders, set by BANMIAN_ROLE for the
 * config (.eleventy.ts). `whole` (no role: `npm start`) renders every page from
 * the whole archive and runs every after-build step, as one process. In the
 * sharded build (./sharded-build.ts), each `shard` run renders the edition,
 * page and article views of some editions, read in full, copies their pages'
 * images and PDFs and writes their search documents; the `spine` run renders the pages that span the archive
 * from its summary, and the browser code. The steps that need the whole site
 * (index, offline manifest, service worker) follow in the orchestrator.
 */
import { readFileSync } from "node:fs";
import { loadEditions, setListingUrls } from "../content/load-archive.ts";
import { loadForBuild, shardArchive, type SiteArchive } from "../site/archive-data.ts";
import { afterBuild } from "../site/after-build.ts";
import { bundleClient } from "../site/bundle-client.ts";
import { copyPageFiles } from "../site/page-files.ts";
import { writeArticleDocuments } from "../search/build/documents-writer.ts";
import type { ArticleSummary } from "../content/model.ts";
import type { ShardSpec } from "./shard-plan.ts";

/** The templates (in src/site/pages/) that show one edition, one page or one article. */
export const SHARD_PAGES = ["edition.njk", "print-page.njk", "article.njk"];

export interface BuildRole {
  /** The `archive` global data. */
  archive(contentDir: string): SiteArchive<ArticleSummary>;
  /** Of the templates in src/site/pages/ (file names), those this role does not render. */
  ignored(pages: string[]): string[];
  copiesAssets: boolean;
  afterBuild(outputDir: string): Promise<void> | void;
}

let spineData: SiteArchive<ArticleSummary> | undefined;

/** Hands the spine run its archive: the orchestrator runs it in its own process, where the summary already is. */
export function provideSpineArchive(archive: SiteArchive<ArticleSummary> | undefined): void {
  spineData = archive;
}

export function buildRole(env: NodeJS.ProcessEnv = process.env): BuildRole {
  const role = env.BANMIAN_ROLE ?? "whole";
  if (role === "whole") return { archive: loadForBuild, ignored: () => [], copiesAssets: true, afterBuild };
  if (role === "spine") {
    return {
      archive() {
        if (!spineData) throw new Error("the spine run has no archive: the sharded build provides it (src/build/sharded-build.ts)");
        return spineData;
      },
      ignored: (pages) => pages.filter((p) => SHARD_PAGES.includes(p)),
      copiesAssets: true,
      afterBuild: (outputDir) => bundleClient(outputDir),
    };
  }
  if (role === "shard") {
    const specFile = env.BANMIAN_SHARD;
    if (!specFile) throw new Error("BANMIAN_ROLE=shard needs BANMIAN_SHARD, the shard's spec file");
    const spec = JSON.parse(readFileSync(specFile, "utf8")) as ShardSpec;
    let loaded: SiteArchive | undefined;
    return {
      archive(contentDir) {
        const editions = loadEditions(contentDir, spec.editions);
        setListingUrls(editions.flatMap((e) => e.pages.flatMap((p) => p.articles)), new Map(spec.columnUrls), new Map(spec.personUrls));
        loaded = shardArchive(editions, spec.identity, spec);
        return loaded;
      },
      ignored: (pages) => pages.filter((p) => !SHARD_PAGES.includes(p)),
      copiesAssets: false,
      afterBuild(outputDir) {
        if (!loaded) throw new Error("the shard's after-build step ran before its data was loaded");
        copyPageFiles(loaded.pages, outputDir);
        writeArticleDocuments(loaded.articles, spec.documents);
      },
    };
  }
  throw new Error(`BANMIAN_ROLE must be shard or spine (or unset), got ${JSON.stringify(role)}`);
}
