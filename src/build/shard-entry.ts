/**
 * Shard entry: the process that renders one shard of the sharded build
 * (./sharded-build.ts): one Eleventy run with BANMIAN_ROLE=shard and the spec
 * named by BANMIAN_SHARD (./build-role.ts), into the build's staging folder.
 *
 *   node --import tsx src/build/shard-entry.ts OUT_DIR [quiet]
 */
import { buildSite } from "../site/build-site.ts";
import { failChild } from "./child-runs.ts";

const [outDir, quiet] = process.argv.slice(2);
try {
  if (!outDir || !process.env.BANMIAN_CONTENT) throw new Error("usage: shard-entry.ts OUT_DIR [quiet], with BANMIAN_CONTENT and BANMIAN_SHARD set");
  await buildSite({ contentDir: process.env.BANMIAN_CONTENT, outDir, siteUrl: process.env.BANMIAN_SITE_URL, quiet: quiet === "quiet" });
  if (process.send) process.disconnect();
} catch (error) {
  failChild(error);
}
