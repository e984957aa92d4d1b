/**
 * Interrupted builds: a real `npm run build` is stopped at several points by
 * SIGINT or SIGTERM sent to npm alone (as a process manager or CI does); the
 * build and every process it started end, the previous _site is untouched and no
 * staging folder is left. After a SIGKILL of the whole build, the next build
 * removes what it left, and puts back a previous site a kill during the swap had
 * moved aside. A build that succeeds removes the previous site in a process of its own.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync } from "node:fs";
import { join } from "node:path";
import { runBuild, tempDir, ROOT, SAMPLE_CONTENT } from "../helpers/site.ts";
import { writeArchive, article, EDITION, PAGE } from "../helpers/archive.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function previousSite(): { out: string; parent: string } {
  const parent = tempDir("interrupt");
  const out = join(parent, "_site");
  mkdirSync(out);
  writeFileSync(join(out, "index.html"), "previous build");
  return { out, parent };
}

function assertUntouched(out: string, parent: string): void {
  assert.equal(readdirSync(parent), ["_site"], "no staging folder is left");
  assert.equal(readdirSync(out), ["index.html"]);
  assert.is(readFileSync(join(out, "index.html"), "utf8"), "previous build");
}

/** A build of an archive with a content error fails, and leaves the previous site and no staging folder. */
function assertFailedBuildKeeps(out: string, parent: string): void {
  const broken = writeArchive({ "2024-03-01/edition.json": EDITION, "2024-03-01/p1/page.json": PAGE, "2024-03-01/p1/a.md": article("order: 1") });
  const r = runBuild(["--content", broken, "--out", out]);
  assert.is(r.status, 1, r.stderr);
  assertUntouched(out, parent);
}

const groupAlive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

const stagingOf = (parent: string) => readdirSync(parent).find((n) => n.startsWith("._site.building-"));

/** When to stop the build: a moment of its run, seen from the outside. */
const POINTS: [string, (parent: string, started: number) => boolean][] = [
  ["while it starts", (_parent, started) => Date.now() - started > 1500],
  ["once Eleventy writes pages", (parent) => stagingOf(parent) !== undefined],
  ["during the after-build steps", (parent) => {
    const s = stagingOf(parent);
    return s !== undefined && existsSync(join(parent, s, "assets", "site.js"));
  }],
];

/** Starts `npm run build` in a process group of its own (npm leads it), so the test can see every process it started. */
function startBuild(out: string, content = SAMPLE_CONTENT) {
  const child = spawn("npm", ["run", "-s", "build", "--", "--content", content, "--out", out, "--quiet"], { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return { child, exited, output: () => output };
}

// SIGTERM at every point; SIGINT (what Ctrl-C sends, here to npm alone) once Eleventy writes.
const CASES = [...POINTS.map((p) => ["SIGTERM", ...p] as const), ["SIGINT", ...POINTS[1]!] as const];

for (const [signal, point, reached] of CASES) {
  {
    test(`${signal} to npm ${point}: the build stops, the previous site stays, no staging folder`, async () => {
      const { out, parent } = previousSite();
      const build = startBuild(out);
      const started = Date.now();
      let ended = false;
      void build.exited.then(() => (ended = true));
      while (!reached(parent, started)) {
        assert.not.ok(ended, `the build ended before the point was reached:\n${build.output()}`);
        await sleep(10);
      }
      process.kill(build.child.pid!, signal);
      await build.exited;
      // Every process of the build (node, esbuild) must end, not only npm.
      const deadline = Date.now() + 10_000;
      while (groupAlive(build.child.pid!) && Date.now() < deadline) await sleep(50);
      assert.not.ok(groupAlive(build.child.pid!), "no process of the build is still running");
      assertUntouched(out, parent);
    });
  }
}

test("after a SIGKILL, the next build removes the staging folder the killed one left", async () => {
  const { out, parent } = previousSite();
  const build = startBuild(out);
  while (!stagingOf(parent)) await sleep(10);
  process.kill(-build.child.pid!, "SIGKILL");
  await build.exited;
  while (groupAlive(build.child.pid!)) await sleep(20);
  assert.ok(stagingOf(parent), "the killed build left its staging folder");
  // A failing build still cleans up, and keeps the previous site.
  assertFailedBuildKeeps(out, parent);
});

test("a previous site that a kill during the swap left moved aside is put back", () => {
  const { out, parent } = previousSite();
  // What a kill between the swap's two renames leaves: the old site aside, its staging half-written.
  const dead = 99_999_999;
  cpSync(out, join(parent, `._site.building-${dead}.old`), { recursive: true });
  mkdirSync(join(parent, `._site.building-${dead}`));
  writeFileSync(join(parent, `._site.building-${dead}`, "index.html"), "half written");
  rmSync(out, { recursive: true });
  assertFailedBuildKeeps(out, parent);
});

test("a build that succeeds removes the previous site in the background, and the next build what a killed removal left", async () => {
  const { out, parent } = previousSite();
  // What a removal killed half way leaves (its pid is not running).
  mkdirSync(join(parent, "._site.removing-99999999"));
  writeFileSync(join(parent, "._site.removing-99999999", "index.html"), "old");
  const r = runBuild(["--content", SAMPLE_CONTENT, "--out", out]);
  assert.is(r.status, 0, r.stderr);
  assert.is.not(readFileSync(join(out, "index.html"), "utf8"), "previous build");
  const others = () => readdirSync(parent).filter((n) => n !== "_site" && n !== "._site.cache");
  for (let waited = 0; others().length > 0 && waited < 10_000; waited += 50) await sleep(50);
  assert.equal(others(), [], "the previous site, the killed removal's folder and the staging folder are gone");
});

test("a thrown error leaves the previous site and no staging folder", () => {
  const { out, parent } = previousSite();
  // The feed's absolute URLs throw on a site URL that is not one: an error in a template, not in content.
  const r = runBuild(["--content", SAMPLE_CONTENT, "--out", out, "--site-url", "not a url"]);
  assert.is(r.status, 1, r.stderr);
  assertUntouched(out, parent);
});

test.run();
