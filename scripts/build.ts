/**
 * Build: the whole site (pages, feed, sitemap, search documents and index) into
 * _site/ or --out, in shards of about --shard-articles articles
 * (src/build/sharded-build.ts). Builds into a staging folder beside the output and
 * swaps it in only when everything succeeded (src/site/staged-output.ts), so a
 * failed or interrupted build leaves the previous site untouched and no staging folder.
 * Shards unchanged since the previous build are taken from the previous output, as the
 * build cache (src/build/build-cache.ts, `.NAME.cache/` beside the output, or --cache)
 * records them.
 *
 *   npm run build -- [--content DIR] [--out DIR] [--site-url URL] [--shard-articles N] [--cache DIR] [--quiet]
 */
import { parseArgs } from "node:util";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { buildSharded } from "../src/build/sharded-build.ts";
import { cacheFolder } from "../src/build/build-cache.ts";
import { stageOutput } from "../src/site/staged-output.ts";

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    out: { type: "string", default: "_site" },
    "site-url": { type: "string" },
    "shard-articles": { type: "string" },
    cache: { type: "string" },
    quiet: { type: "boolean", default: false },
  },
});
const shardArticles = values["shard-articles"] === undefined ? undefined : Number(values["shard-articles"]);
if (shardArticles !== undefined && !(Number.isInteger(shardArticles) && shardArticles >= 1)) {
  console.error(`--shard-articles must be a positive whole number, got ${JSON.stringify(values["shard-articles"])}`);
  process.exit(2);
}

const out = resolve(values.out);
const started = performance.now();
mkdirSync(dirname(out), { recursive: true });
const output = stageOutput(out, (signal) => console.error(`Build interrupted (${signal}); ${values.out} was left as it was.`));
try {
  const cacheDir = values.cache === undefined ? cacheFolder(out) : resolve(values.cache);
  const report = await buildSharded({ contentDir: resolve(values.content), outDir: output.staging, workDir: output.work, siteUrl: values["site-url"], quiet: values.quiet, shardArticles, cacheDir, previousDir: out });
  const swapping = performance.now();
  output.commit();
  const swap = (performance.now() - swapping) / 1000;
  const shards = `${report.shards} shard${report.shards === 1 ? "" : "s"}`;
  if (!values.quiet) {
    const s = (n: number) => `${n.toFixed(1)} s`;
    const t = report.seconds;
    console.log(`${report.reused} of ${shards} reused; ${report.filesWritten} files written, ${report.filesLinked} linked from the previous output`);
    console.log(`scan ${s(t.scan)} (${report.editionsUnchanged} of ${report.editions} editions unchanged), pages ${s(t.pages)} (spine ${s(t.spine)}), index ${s(t.index)} (${report.index === "recent" ? "base kept, recent segment made" : "whole"}), manifest ${s(t.manifest)} (${report.manifestFoldersKept} folders kept), swap ${s(swap)}`);
  }
  console.log(`Built ${values.content} into ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s (${report.articles} articles, ${shards})`);
} catch (error) {
  output.abandon();
  console.error(`Build failed; ${values.out} was left as it was.\n${(error as Error).message}`);
  process.exit(1);
}
