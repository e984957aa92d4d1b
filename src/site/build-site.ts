/**
 * Build site: runs Eleventy on an archive with the project's config, as the
 * build script, the dev server, tests and the benchmark all do. Content errors
 * surface as the ContentErrors the loader threw, not as Eleventy's wrapping.
 *
 * Eleventy's own log is held and printed when the build ends: all of it after a
 * success (only its errors with `quiet`); after a failure nothing of it for
 * content errors, whose message says everything (Eleventy would add its stack
 * trace, even in quiet mode), and its errors for any other failure (a template
 * bug), where the stack trace is what a developer needs.
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

type LogType = "log" | "info" | "warn" | "error";

export async function buildSite(options: BuildOptions): Promise<void> {
  configureEnvironment(options);
  const quiet = options.quiet ?? true;
  const eleventy = new Eleventy(undefined, options.outDir, { configPath: `${PROJECT_ROOT}.eleventy.ts`, quietMode: quiet });
  // Held until the build ends: on failure only its clean message is printed.
  const held: { type: LogType; message: string }[] = [];
  const hold = (type: LogType) => (message: string) => void held.push({ type, message });
  const { logger } = eleventy as unknown as { logger: { overrideLogger(logger: Record<LogType, (m: string) => void>): void } };
  logger.overrideLogger({ log: hold("log"), info: hold("info"), warn: hold("warn"), error: hold("error") });
  try {
    await eleventy.write();
  } catch (error) {
    const cause = rootCause(error);
    if (!(cause instanceof ContentErrors)) for (const { message } of held.filter((h) => h.type === "error")) console.error(message);
    throw cause;
  }
  for (const { type, message } of held) if (!quiet || type === "error") console[type](message);
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
