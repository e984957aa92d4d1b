/**
 * Runs one step of the benchmark as its own process and measures it: wall time (from
 * spawn to exit, as a user waiting for the command sees it) and peak memory: the larger
 * of the maximum resident set size reported by GNU time (`/usr/bin/time -f %M`; the
 * largest single process of the tree, not their sum) and the largest sum of the
 * resident sets of the whole process tree, sampled from /proc every 100 ms. The sum is
 * what a build of several processes at once (src/build/sharded-build.ts) needs of the
 * machine. Without /usr/bin/time the peak is the sampled one alone.
 *
 * `runCapped` runs a step that may not finish on this machine (Pagefind over a large
 * site) under a wall-time and a memory cap: the step's process group is killed when the
 * sampled tree passes either, and the result says which cap stopped it instead of
 * throwing, so the benchmark goes on and reports it.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Measured {
  ms: number;
  /** Peak resident memory, bytes. */
  peakBytes: number;
  stdout: string;
  stderr: string;
}

const GNU_TIME = "/usr/bin/time";
const PAGE_KB = 4;

/** Resident memory (KB) of `root` and all its descendants now, from /proc; 0 where /proc is not there. */
export function treeResidentKb(root: number): number {
  const parentOf = new Map<number, number>();
  const rssOf = new Map<number, number>();
  let names: string[];
  try {
    names = readdirSync("/proc").filter((n) => /^\d+$/u.test(n));
  } catch {
    return 0;
  }
  for (const name of names) {
    try {
      // Fields after the command name (which may hold spaces): state ppid … rss is the 24th field overall.
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parentOf.set(Number(name), Number(fields[1]));
      rssOf.set(Number(name), Number(fields[21]) * PAGE_KB);
    } catch {
      /* ended meanwhile */
    }
  }
  let total = 0;
  for (const [pid, rss] of rssOf) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parentOf.get(p)) {
      if (p === root) {
        total += rss;
        break;
      }
    }
  }
  return total;
}

export interface Caps {
  /** Wall time after which the step is killed, ms. */
  maxMs: number;
  /** Resident memory of the process tree above which the step is killed, bytes. */
  maxBytes: number;
}

export interface CappedMeasured extends Measured {
  /** Why the step did not complete: a cap it passed, or its exit code; absent when it completed. */
  stopped?: { reason: "time" | "memory" | "exit"; detail: string };
}

export async function runMeasured(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Measured> {
  const m = await runTree(command, args, options);
  if (m.stopped) throw new Error(`${command} ${args.join(" ")} failed (${m.stopped.detail}):\n${m.stdout}\n${m.stderr}`);
  return m;
}

/** Runs a TypeScript file of the repository (`file` relative to its root) in a process of its own, with tsx, measured. */
export function runScript(root: string, file: string, args: string[]): Promise<Measured> {
  return runMeasured(process.execPath, ["--import", "tsx", `${root}/${file}`, ...args], { cwd: root });
}

/** As runMeasured, under `caps`: never throws for the step's own failure; `stopped` says why it did not complete. */
export function runCapped(command: string, args: string[], caps: Caps, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CappedMeasured> {
  return runTree(command, args, { ...options, caps });
}

async function runTree(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; caps?: Caps }): Promise<CappedMeasured> {
  const caps = options.caps;
  const useTime = existsSync(GNU_TIME);
  const dir = mkdtempSync(join(tmpdir(), "banmian-bench-time-"));
  const timeFile = join(dir, "time.txt");
  const [cmd, argv] = useTime ? [GNU_TIME, ["-f", "%M", "-o", timeFile, command, ...args]] : [command, args];
  const started = performance.now();
  // A capped step gets a process group of its own, so that the whole tree can be killed at once.
  const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"], detached: caps !== undefined });
  let stopped: CappedMeasured["stopped"];
  const kill = () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* ended meanwhile */
    }
  };
  const killOnExit = () => kill();
  if (caps) process.on("exit", killOnExit);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  let sampledKb = 0;
  const sampler = setInterval(() => {
    const now = treeResidentKb(child.pid!);
    sampledKb = Math.max(sampledKb, now);
    if (!caps || stopped) return;
    const elapsed = performance.now() - started;
    if (now * 1024 > caps.maxBytes) stopped = { reason: "memory", detail: `stopped at ${Math.round((now * 1024) / 2 ** 20)} MB resident, above the cap of ${Math.round(caps.maxBytes / 2 ** 20)} MB, after ${Math.round(elapsed / 1000)} s` };
    else if (elapsed > caps.maxMs) stopped = { reason: "time", detail: `stopped after ${Math.round(elapsed / 1000)} s, the time cap` };
    if (stopped) kill();
  }, 100);
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  const ms = performance.now() - started;
  clearInterval(sampler);
  if (caps) process.off("exit", killOnExit);
  let peakKb = sampledKb;
  if (useTime && existsSync(timeFile)) {
    const lines = readFileSync(timeFile, "utf8").trim().split("\n");
    peakKb = Math.max(peakKb, Number(lines[lines.length - 1]) || 0);
  }
  rmSync(dir, { recursive: true, force: true });
  if (!stopped && code !== 0) stopped = { reason: "exit", detail: `exit ${code}` };
  return { ms, peakBytes: peakKb * 1024, stdout, stderr, ...(stopped ? { stopped } : {}) };
}
