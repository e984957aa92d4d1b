/**
 * Serve: builds the archive, then serves the output on localhost with
 * Eleventy's dev server and rebuilds (pages, search documents, index) whenever
 * content, templates or code change.
 *
 *   npm start -- [--content DIR] [--out DIR] [--port 8080]
 */
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import Eleventy from "@11ty/eleventy";
import { configureEnvironment, PROJECT_ROOT } from "../src/site/build-site.ts";

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    out: { type: "string", default: "_site" },
    port: { type: "string", default: "8080" },
  },
});

configureEnvironment({ contentDir: resolve(values.content) });
const eleventy = new Eleventy(undefined, resolve(values.out), { source: "cli", runMode: "serve", quietMode: true, configPath: `${PROJECT_ROOT}.eleventy.ts` });
await eleventy.init();
await eleventy.watch();
await eleventy.serve(Number(values.port));
process.on("SIGINT", async () => {
  await eleventy.stopWatch();
  process.exit(0);
});
