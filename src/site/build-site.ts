/**
 * Build site: runs Eleventy on an archive with the project's config, as the
 * build script, the dev server, tests and the benchmark all do. Content errors
 * surface as the ContentErrors the loader threw, not as Eleventy's wrapping.
 */
import Eleventy from "@11ty/eleventy";
import { fileURLToPath } from "node:url";
import { ContentErrors } from "../content/errors.ts";

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  /** Absolute URL the site will be published at; only the feed and sitemap use it. */
  siteUrl?: string | undefined;
  quiet?: boolean | undefined;
}

export const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export async function buildSite(options: BuildOptions): Promise<void> {
  configureEnvironment(options);
  const eleventy = new Eleventy(undefined, options.outDir, { configPath: `${PROJECT_ROOT}.eleventy.ts`, quietMode: options.quiet ?? true });
  try {
    await eleventy.write();
  } catch (error) {
    throw rootCause(error);
  }
}

/** The config reads these, so every entry point (build, serve, tests) sets them the same way. */
export function configureEnvironment(options: Pick<BuildOptions, "contentDir" | "siteUrl">): void {
  process.env.BANMIAN_CONTENT = options.contentDir;
  if (options.siteUrl) process.env.BANMIAN_SITE_URL = options.siteUrl;
  else delete process.env.BANMIAN_SITE_URL;
}

function rootCause(error: unknown): unknown {
  let e = error;
  for (let i = 0; i < 10 && e && !(e instanceof ContentErrors); i++) e = (e as { originalError?: unknown; cause?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
  return e instanceof ContentErrors ? e : error;
}
