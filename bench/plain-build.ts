/**
 * Plain build: Eleventy alone on an archive, with the project's layout and no search
 * index (bench/plain-eleventy.config.ts), as the benchmark's baseline. Run as its own
 * process so its wall time and peak memory can be measured like the full build's.
 *
 *   tsx bench/plain-build.ts --content DIR --out DIR
 */
import Eleventy from "@11ty/eleventy";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { configureEnvironment } from "../src/site/build-site.ts";

const { values } = parseArgs({ options: { content: { type: "string" }, out: { type: "string" } } });
if (!values.content || !values.out) {
  console.error("usage: tsx bench/plain-build.ts --content DIR --out DIR");
  process.exit(2);
}
const out = resolve(values.out);
rmSync(out, { recursive: true, force: true });
configureEnvironment({ contentDir: resolve(values.content) });
const configPath = fileURLToPath(new URL("plain-eleventy.config.ts", import.meta.url));
const started = performance.now();
await new Eleventy(undefined, out, { configPath, quietMode: true }).write();
console.log(`plain Eleventy: ${values.content} into ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
