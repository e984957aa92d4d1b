/**
 * Runs one step of the benchmark as its own process and measures it: wall time (from
 * spawn to exit, as a user waiting for the command sees it) and peak memory, the maximum
 * resident set size reported by GNU time (`/usr/bin/time -f %M`), which covers the
 * process and the children it waited for. Without /usr/bin/time the peak is read from
 * /proc/PID/status (VmHWM) of the direct child, sampled until it exits.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
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
  const sampler = useTime
    ? undefined
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+)/u.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
          if (m) sampledKb = Math.max(sampledKb, Number(m[1]));
        } catch {
          /* exited */
        }
      }, 50);
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  const ms = performance.now() - started;
  if (sampler) clearInterval(sampler);
  let peakKb = sampledKb;
  if (useTime && existsSync(timeFile)) {
    const lines = readFileSync(timeFile, "utf8").trim().split("\n");
    peakKb = Number(lines[lines.length - 1]) || 0;
  }
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${code}):\n${stdout}\n${stderr}`);
  return { ms, peakBytes: peakKb * 1024, stdout, stderr };
}
