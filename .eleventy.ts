/**
 * Eleventy configuration: where things are, what data the templates get, and
 * what runs after a build. Reads like a table of contents; the work lives in src/.
 *
 * BANMIAN_CONTENT names the archive to build (default content/), so one config
 * builds the sample, a test archive or a benchmark corpus. BANMIAN_ROLE says
 * which part of the site this run renders (src/build/build-role.ts): all of it,
 * one shard's editions, or the pages that span the archive.
 */
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { registerFilters, type FilterHost } from "./src/site/filters.ts";
import { buildRole } from "./src/build/build-role.ts";

interface Config extends FilterHost {
  setInputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setLayoutsDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  addGlobalData(name: string, data: unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
  addWatchTarget(path: string): void;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  on(event: string, fn: (arg: { directories: { output: string } }) => unknown): void;
  setQuietMode(quiet: boolean): void;
  ignores: Set<string>;
}

export default function (config: Config) {
  const contentDir = resolve(process.env.BANMIAN_CONTENT ?? "content");
  const role = buildRole();

  const here = fileURLToPath(new URL(".", import.meta.url));
  const pages = resolve(here, "src/site/pages");
  config.setInputDirectory(pages);
  for (const name of role.ignored(readdirSync(pages))) config.ignores.add(`**/src/site/pages/${name}`);
  config.setLayoutsDirectory("../layouts");
  config.setIncludesDirectory("../layouts");
  config.setDataDirectory("../../../_data");

  // Loaded anew on every build, so `npm start` picks up edited articles.
  config.addGlobalData("archive", () => role.archive(contentDir));
  // Only the feed and sitemap need to know where the site is published; pages link relatively.
  config.addGlobalData("siteUrl", process.env.BANMIAN_SITE_URL ?? null);
  config.addWatchTarget(contentDir);
  config.addWatchTarget(resolve(here, "src"));

  if (role.copiesAssets) config.addPassthroughCopy({ [resolve(here, "src/site/assets")]: "assets" });
  // Article text is data: every {{ }} escapes unless a template says `| safe`.
  config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  registerFilters(config);

  config.on("eleventy.after", ({ directories }) => role.afterBuild(directories.output));
}
