/**
 * Serve: builds the archive, then serves the output on localhost as a static host would
 * (tools/static-server.ts, with the site's 404 page) and rebuilds (pages, search
 * documents, index) whenever content, templates or code change.
 *
 *   npm start -- [--content DIR] [--out DIR] [--port 8080]
 */
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import Eleventy from "@11ty/eleventy";
import { configureEnvironment, PROJECT_ROOT } from "../src/site/build-site.ts";
import { serveStatic } from "../tools/static-server.ts";

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    out: { type: "string", default: "_site" },
    port: { type: "string", default: "8080" },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port ${values.port}: not a port number (0 to 65535)`);
  process.exit(2);
}

const out = resolve(values.out);
configureEnvironment({ contentDir: resolve(values.content) });
const eleventy = new Eleventy(undefined, out, { source: "cli", runMode: "watch", quietMode: true, configPath: `${PROJECT_ROOT}.eleventy.ts` });
await eleventy.init();
// Builds once, then again on every change.
await eleventy.watch();
const server = await serveStatic(out, { port, notFoundPage: "404.html" });
console.log(`Serving ${out} at ${server.url} (rebuilding on change; Ctrl-C stops)`);
process.on("SIGINT", async () => {
  await eleventy.stopWatch();
  await server.close();
  process.exit(0);
});
