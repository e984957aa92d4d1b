/**
 * Runs one step of the benchmark as its own process and measures it: wall time (from
 * spawn to exit, as a user waiting for the command sees it) and peak memory: the larger
 * of the maximum resident set size reported by GNU time (`/usr/bin/time -f %M`; the
 * largest single process of the tree, not their sum) and the largest sum of the
 * resident sets of the whole process tree, sampled from /proc every 100 ms. The sum is
 * what a build of several processes at once (src/build/sharded-build.ts) needs of the
 * machine. Without /usr/bin/time the peak is the sampled one alone.
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

export async function runMeasured(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Measured> {
  const useTime = existsSync(GNU_TIME);
  const dir = mkdtempSync(join(tmpdir(), "banmian-bench-time-"));
  const timeFile = join(dir, "time.txt");
  const [cmd, argv] = useTime ? [GNU_TIME, ["-f", "%M", "-o", timeFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  let sampledKb = 0;
  const sampler = setInterval(() => (sampledKb = Math.max(sampledKb, treeResidentKb(child.pid!))), 100);
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  const ms = performance.now() - started;
  clearInterval(sampler);
  let peakKb = sampledKb;
  if (useTime && existsSync(timeFile)) {
    const lines = readFileSync(timeFile, "utf8").trim().split("\n");
    peakKb = Math.max(peakKb, Number(lines[lines.length - 1]) || 0);
  }
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${code}):\n${stdout}\n${stderr}`);
  return { ms, peakBytes: peakKb * 1024, stdout, stderr };
}
