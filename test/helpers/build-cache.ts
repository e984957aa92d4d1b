/**
 * Build cache: the sample archive is built by many test files with the same arguments,
 * and building it is most of their time. Under `npm test`, test/run.ts names a folder
 * for the run (BANMIAN_TEST_BUILDS); the first file to ask for a build does it there,
 * files asking meanwhile wait for it, and every file gets its own copy, so a test may
 * change its site. Outside `npm test` (one file run by hand) every build is fresh. Only
 * content that no test changes is cached: the caller decides (test/helpers/site.ts).
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";

export const BUILD_CACHE_ENV = "BANMIAN_TEST_BUILDS";

/** How long a file waits for another's build of the same site before giving up. */
const WAIT_MS = 10 * 60_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Writes the site that `build(dir)` builds for `key` into `out`: a copy of the run's
 * cached build when there is a cache, else `build(out)` itself.
 */
export function cachedBuild(key: string, out: string, build: (dir: string) => void): void {
  const cache = process.env[BUILD_CACHE_ENV];
  if (!cache) return build(out);
  const entry = join(cache, createHash("sha256").update(key).digest("hex").slice(0, 16));
  const lock = `${entry}.lock`;
  const until = Date.now() + WAIT_MS;
  while (!existsSync(entry)) {
    let mine = false;
    try {
      mkdirSync(lock);
      mine = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (mine) {
      try {
        const staging = `${entry}.building`;
        rmSync(staging, { recursive: true, force: true });
        build(staging);
        renameSync(staging, entry);
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
      break;
    }
    if (Date.now() > until) throw new Error(`waited ${WAIT_MS / 1000} s for another test file's build of ${key} (${lock})`);
    sleep(200);
  }
  cpSync(entry, out, { recursive: true });
}
