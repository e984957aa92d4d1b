/**
 * Build: the whole site (pages, feed, sitemap, search documents and index) into
 * _site/ or --out. Builds into a staging folder beside the output and swaps it in
 * only when everything succeeded (src/site/staged-output.ts), so a failed or
 * interrupted build leaves the previous site untouched and no staging folder.
 *
 *   npm run build -- [--content DIR] [--out DIR] [--site-url URL] [--quiet]
 */
import { parseArgs } from "node:util";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { buildSite } from "../src/site/build-site.ts";
import { stageOutput } from "../src/site/staged-output.ts";

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    out: { type: "string", default: "_site" },
    "site-url": { type: "string" },
    quiet: { type: "boolean", default: false },
  },
});

const out = resolve(values.out);
const started = performance.now();
mkdirSync(dirname(out), { recursive: true });
const output = stageOutput(out, (signal) => console.error(`Build interrupted (${signal}); ${values.out} was left as it was.`));
try {
  await buildSite({ contentDir: resolve(values.content), outDir: output.staging, siteUrl: values["site-url"], quiet: values.quiet });
  output.commit();
  console.log(`Built ${values.content} into ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  output.abandon();
  console.error(`Build failed; ${values.out} was left as it was.\n${(error as Error).message}`);
  process.exit(1);
}
