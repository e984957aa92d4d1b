/**
 * Archive: the whole benchmark of one archive size. The first N corpus articles become
 * an archive (src/content/corpus.ts); then its builds (build-runs.ts), the index sizes
 * (sizes.ts), Banmian's engine in Node (node-answers.ts) and the browser measurements
 * (browser-pass.ts), put together as one ArchiveResult (report.ts).
 */
import { readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { writeCorpusArchive } from "../src/content/corpus.ts";
import { readSiteDocuments } from "../src/search/build/site-documents.ts";
import { INDEX_DIR, META_PART, partFile } from "../src/search/format/index-format.ts";
import { browserPass } from "./browser-pass.ts";
import { benchDocumentsFile, buildRuns } from "./build-runs.ts";
import type { BenchContext } from "./context.ts";
import { corpusUrls, keywordSystem, readKeywordSet } from "./keyword-queries.ts";
import { nodeAnswers } from "./node-answers.ts";
import { queryResults, searchSummary } from "./query-results.ts";
import type { ArchiveResult } from "./report.ts";
import { gzipSize, treeSize } from "./sizes.ts";
import { stat } from "./stats.ts";

export async function benchArchive(ctx: BenchContext, n: number): Promise<ArchiveResult> {
  ctx.log(`N = ${n}: writing the archive`);
  const content = join(ctx.work, `content-${n}`);
  const site = join(ctx.work, `site-${n}`);
  const pagefindOut = join(ctx.work, `pagefind-${n}`);
  rmSync(content, { recursive: true, force: true });
  const articles = ctx.corpus.slice(0, n);
  const slugs = writeCorpusArchive(articles, content);
  // The keyword set was judged on its own number of articles: only that archive answers it.
  const keywordSet = readKeywordSet();
  const keywordQueries = n === keywordSet.n ? keywordSet.queries.map((k) => k.q) : [];

  const builds = await buildRuns(ctx, n, { content, site, pagefindOut }, keywordQueries);
  const { queries } = builds;
  const indexDir = join(site, INDEX_DIR);
  const metaBytes = readFileSync(join(indexDir, partFile(META_PART)));
  const documents = readSiteDocuments(site);

  ctx.log("  queries in Node (Banmian's engine, exact-phrase counts, known-item ranks)");
  const node = await nodeAnswers(site, queries);
  ctx.log(`  browser: ${queries.length} queries, ${ctx.coldRuns} cold runs each, ${ctx.focusedRuns} after warm-up, ${ctx.warmRounds} warm rounds`);
  const pass = await browserPass(ctx, { site, pagefindOut }, queries, documents, keywordQueries);
  const results = queryResults(queries, documents, pass, node, builds.lunrResult);
  const lunrGzip = builds.lunrResult?.gzipBytes ?? -1;
  let keywords: ArchiveResult["keywords"];
  if (pass.keywords) {
    const urlOf = corpusUrls(articles, slugs);
    const lunrAnswers = (builds.lunrResult?.queries ?? []).slice(queries.length).map((l) => ({ total: l.total, top: l.refs, wire: lunrGzip }));
    keywords = {
      queries: keywordSet.queries.length,
      banmian: keywordSystem(keywordSet, urlOf, pass.keywords.banmian),
      pagefind: keywordSystem(keywordSet, urlOf, pass.keywords.pagefind),
      lunrLanguages: keywordSystem(keywordSet, urlOf, lunrAnswers),
    };
  }

  return {
    articles: n,
    builds: {
      banmianFull: stat(builds.full),
      plainEleventy: stat(builds.plain),
      banmianIndex: stat(builds.index),
      pagefind: stat(builds.pagefind),
      lunrLanguages: stat(builds.lunr, builds.lunrInner),
    },
    sizes: {
      documentsJson: statSync(benchDocumentsFile(ctx, n)).size,
      banmian: {
        ...treeSize(indexDir),
        metaBytes: metaBytes.length,
        metaGzip: gzipSize(metaBytes),
        postingsParts: readdirSync(join(indexDir, "postings")).length,
        docsParts: documents.length,
      },
      pagefind: treeSize(pagefindOut),
      lunrLanguages: { bytes: builds.lunrResult?.jsonBytes ?? -1, gzip: builds.lunrResult?.gzipBytes ?? -1 },
    },
    queries: results,
    search: searchSummary(results, pass),
    ...(keywords ? { keywords } : {}),
    chromium: pass.chromium,
  };
}
