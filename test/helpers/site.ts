/**
 * Test helpers for built sites: build an archive into a temporary folder with
 * the real build script, and list its pages.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { cachedBuild } from "./build-cache.ts";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SAMPLE_CONTENT = join(ROOT, "content");

export interface BuildResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run build` as a user would (through tsx), with the given arguments. */
export function runBuild(args: string[]): BuildResult {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts/build.ts"), "--quiet", ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

const temporary: string[] = [];
process.on("exit", () => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed when the test process exits. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `banmian-${prefix}-`));
  temporary.push(dir);
  return dir;
}

/**
 * Builds `contentDir` into a fresh temporary folder and returns the folder; throws with the
 * build's output on failure. The sample archive, which no test changes, is built once per
 * `npm test` run and copied (build-cache.ts).
 */
export function buildInto(contentDir: string, extra: string[] = []): string {
  const out = join(tempDir("site"), "_site");
  const build = (dir: string) => {
    const r = runBuild(["--content", contentDir, "--out", dir, ...extra]);
    if (r.status !== 0) throw new Error(`build of ${contentDir} failed:\n${r.stdout}\n${r.stderr}`);
  };
  if (contentDir === SAMPLE_CONTENT) cachedBuild(JSON.stringify(["sample", ...extra]), out, build);
  else build(out);
  return out;
}

/** Path order folder by folder: a/b before a-c, as a walk that sorts each folder lists them. */
function byComponents(a: string, b: string): number {
  const x = a.split(sep);
  const y = b.split(sep);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return x.length - y.length;
}

/** Every file under `dir`, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((path) => !statSync(join(dir, path)).isDirectory())
    .sort(byComponents);
}

export function htmlPages(siteDir: string): string[] {
  return listFiles(siteDir).filter((f) => f.endsWith(".html"));
}
