/**
 * Eleventy configuration: where things are, what data the templates get, and
 * what runs after a build. Reads like a table of contents; the work lives in src/.
 *
 * BANMIAN_CONTENT names the archive to build (default content/), so one config
 * builds the sample, a test archive or a benchmark corpus.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadForBuild } from "./src/site/archive-data.ts";
import { registerFilters, type FilterHost } from "./src/site/filters.ts";
import { afterBuild } from "./src/site/after-build.ts";

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
}

export default function (config: Config) {
  const contentDir = resolve(process.env.BANMIAN_CONTENT ?? "content");

  const here = fileURLToPath(new URL(".", import.meta.url));
  config.setInputDirectory(resolve(here, "src/site/pages"));
  config.setLayoutsDirectory("../layouts");
  config.setIncludesDirectory("../layouts");
  config.setDataDirectory("../../../_data");

  // Loaded anew on every build, so `npm start` picks up edited articles.
  config.addGlobalData("archive", () => loadForBuild(contentDir));
  // Only the feed and sitemap need to know where the site is published; pages link relatively.
  config.addGlobalData("siteUrl", process.env.BANMIAN_SITE_URL ?? null);
  config.addWatchTarget(contentDir);
  config.addWatchTarget(resolve(here, "src"));

  config.addPassthroughCopy({ [resolve(here, "src/site/assets")]: "assets" });
  // Article text is data: every {{ }} escapes unless a template says `| safe`.
  config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  registerFilters(config);

  config.on("eleventy.after", ({ directories }) => afterBuild(directories.output));
}
