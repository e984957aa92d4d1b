/**
 * Test runner: runs every `*.test.ts` under test/ with uvu, each file in its own process
 * (so a browser or build left behind by one file cannot leak into the next), two at a
 * time, and prints the one closing line CI reads: `N passed, N failed, N skipped`. A
 * file's output is printed whole when it ends; its counts come over IPC from
 * test/run-file.ts. A file that exits with an error before reporting counts as one
 * failure. The files share one build of the sample archive (test/helpers/build-cache.ts).
 *
 * Usage: npm test [-- PATTERN]   (PATTERN filters test files by path substring)
 */
import { fork } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { ROOT } from "./helpers/site.ts";
import { BUILD_CACHE_ENV } from "./helpers/build-cache.ts";

const WORKERS = 2;
const filter = process.argv[2] ?? "";

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const files = readdirSync(join(ROOT, "test"), { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".test.ts") && !f.split("/").includes("fixtures"))
  .map((f) => join(ROOT, "test", f))
  .filter((f) => relative(ROOT, f).includes(filter))
  .sort();

function runFile(file: string, env: NodeJS.ProcessEnv): Promise<Counts> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = fork(join(ROOT, "test/run-file.ts"), [file], {
      cwd: ROOT,
      env,
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    let out = "";
    let counts: Counts | undefined;
    child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("message", (m) => (counts = m as Counts));
    child.on("close", (code) => {
      process.stdout.write(`\n▶ ${relative(ROOT, file)} (${((performance.now() - started) / 1000).toFixed(1)} s)\n${out}`);
      if (!counts) resolve({ passed: 0, failed: 1, skipped: 0 });
      else resolve({ ...counts, failed: counts.failed + (code !== 0 && counts.failed === 0 ? 1 : 0) });
    });
  });
}

// One cache of sample builds for the run, shared by the files (test/helpers/build-cache.ts).
const builds = mkdtempSync(join(tmpdir(), "banmian-test-builds-"));
process.on("exit", () => rmSync(builds, { recursive: true, force: true }));
const env = { ...process.env, [BUILD_CACHE_ENV]: builds };

const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
const queue = [...files];
await Promise.all(
  Array.from({ length: WORKERS }, async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      const r = await runFile(file, env);
      totals.passed += r.passed;
      totals.failed += r.failed;
      totals.skipped += r.skipped;
    }
  }),
);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || files.length === 0 ? 1 : 0);
