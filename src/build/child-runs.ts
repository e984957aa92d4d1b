/**
 * Child runs: the sharded build's worker processes (a shard's Eleventy run, the
 * index step), each a Node process running one entry script through tsx, and a
 * pool that keeps a fixed number of jobs running at once.
 *
 * A child ends with its parent: however the build ends (an error, SIGINT,
 * SIGTERM), every child still running is killed and waited for before the
 * staged output is removed (this exit handler runs before staged-output's), so
 * no child writes into a folder after it was cleaned away. A child reports
 * content errors as data over its IPC channel, so the build prints them like
 * its own; any other failure is its stderr.
 */
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { ContentErrors, type ContentError } from "../content/errors.ts";
import { PROJECT_ROOT } from "../site/build-site.ts";

/** What a child sends before it exits with a failure caused by the archive. */
export interface ChildReport {
  contentErrors?: ContentError[];
}

const running = new Set<ChildProcess>();

function gone(pid: number): boolean {
  try {
    // A killed child stays a zombie until reaped, which Node does only on its event loop.
    return /^\d+ \(.*\) Z/su.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

process.prependListener("exit", () => {
  const pids = [...running].map((c) => c.pid).filter((p): p is number => p !== undefined);
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already ended
    }
  }
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + 5000;
  while (pids.some((p) => !gone(p)) && Date.now() < deadline) Atomics.wait(pause, 0, 0, 10);
});

/** Runs `entry` (a path under the project) with `args` and extra environment; resolves when it exits 0. */
export function runChild(entry: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(entry, args, {
      cwd: PROJECT_ROOT,
      execArgv: ["--import", "tsx"],
      env: { ...process.env, ...env },
      stdio: ["ignore", "inherit", "pipe", "ipc"],
    });
    running.add(child);
    let stderr = "";
    let report: ChildReport = {};
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("message", (m) => (report = m as ChildReport));
    child.on("error", (e) => {
      running.delete(child);
      reject(e);
    });
    child.on("exit", (code, signal) => {
      running.delete(child);
      if (code === 0) {
        process.stderr.write(stderr);
        resolve();
      } else if (report.contentErrors) reject(new ContentErrors(report.contentErrors));
      else reject(new Error(`${stderr.trim() || `${entry} ended with ${signal ?? `exit code ${code}`}`}`));
    });
  });
}

/**
 * Runs the jobs, at most `width` at a time, in the given order; rejects with the
 * first failure, once the jobs already started have ended (none is started after it).
 */
export async function runPool(jobs: (() => Promise<void>)[], width: number): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (next < jobs.length && !failure) {
      const job = jobs[next++]!;
      try {
        await job();
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, width) }, lane));
  if (failure) throw failure.error;
}

/** In a child: sends content errors to the parent, or prints any other failure; then exits 1. */
export function failChild(error: unknown): void {
  if (error instanceof ContentErrors && process.send) {
    process.send({ contentErrors: error.errors } satisfies ChildReport, () => process.exit(1));
    return;
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
}
