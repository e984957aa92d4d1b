/**
 * Build: the whole site (pages, feed, sitemap, search documents and index) into
 * _site/ or --out. Builds into a fresh folder beside the output and swaps it in
 * only when everything succeeded, so a failed build leaves the previous site
 * untouched and never half-written.
 *
 *   npm run build -- [--content DIR] [--out DIR] [--site-url URL] [--quiet]
 */
import { parseArgs } from "node:util";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, basename, join, resolve } from "node:path";
import { buildSite } from "../src/site/build-site.ts";

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    out: { type: "string", default: "_site" },
    "site-url": { type: "string" },
    quiet: { type: "boolean", default: false },
  },
});

const out = resolve(values.out);
const staging = join(dirname(out), `.${basename(out)}.building-${process.pid}`);
const started = performance.now();
mkdirSync(dirname(out), { recursive: true });
try {
  await buildSite({ contentDir: resolve(values.content), outDir: staging, siteUrl: values["site-url"], quiet: values.quiet });
  const old = `${staging}.old`;
  if (existsSync(out)) renameSync(out, old);
  renameSync(staging, out);
  rmSync(old, { recursive: true, force: true });
  console.log(`Built ${values.content} into ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`Build failed; ${values.out} was left as it was.\n${(error as Error).message}`);
  process.exit(1);
}
