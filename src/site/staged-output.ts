/**
 * Staged output: the build writes into `.NAME.building-PID` beside the output
 * folder NAME and swaps it in only when everything succeeded. Whatever stops the
 * build (a thrown error, SIGINT, SIGTERM, SIGHUP) removes the staging folder and
 * leaves the previous output as it was. A build killed outright (SIGKILL, a power
 * cut) cannot clean up, so every build first removes what dead builds left, and
 * puts back a previous output that a kill in the middle of the swap had moved
 * aside. Beside it, `.NAME.work-PID` holds what the build needs but does not
 * publish (the sharded build's specs and search documents); it is removed
 * whichever way the build ends. The previous output, once replaced, is removed by a
 * detached process (`.NAME.removing-PID`), so the build does not wait for it.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { swapFolder } from "../files/swap-folder.ts";

export interface StagedOutput {
  /** Where the build writes. */
  staging: string;
  /** A folder for the build's own files, never published. */
  work: string;
  /** Moves the staging folder to the output; the previous output is removed. */
  commit(): void;
  /** Removes the staging folder (and puts the previous output back if a swap was cut short). */
  abandon(): void;
}

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

export function stageOutput(out: string, onSignal: (signal: string) => void): StagedOutput {
  const parent = dirname(out);
  const staging = join(parent, `${stagingPrefix(out)}${process.pid}`);
  const aside = `${staging}.old`;
  const work = join(parent, `${workPrefix(out)}${process.pid}`);
  removeLeftovers(out);
  rmSync(staging, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
  let done = false;
  const abandon = () => {
    rmSync(work, { recursive: true, force: true });
    if (done) return;
    done = true;
    rmSync(staging, { recursive: true, force: true });
    if (existsSync(aside)) {
      if (!existsSync(out)) renameSync(aside, out);
      else rmSync(aside, { recursive: true, force: true });
    }
  };
  // Runs however the process ends, short of SIGKILL: process.exit, an uncaught error, a signal below.
  process.on("exit", abandon);
  for (const [signal, number] of Object.entries(SIGNALS)) {
    process.on(signal, () => {
      onSignal(signal);
      process.exit(128 + number);
    });
  }
  return {
    staging,
    work,
    commit() {
      // Synchronous: a signal's handler runs only after it. The previous output goes in the background.
      swapFolder(staging, out, aside, (a) => removeInBackground(a, out));
      done = true;
      rmSync(work, { recursive: true, force: true });
    },
    abandon,
  };
}

function removingPrefix(out: string): string {
  return `.${basename(out)}.removing-`;
}

/**
 * Removes a previous output moved aside, in a detached process: at archive size it is
 * hundreds of thousands of files (mostly hard links of the new output's), and
 * unlinking them took longer than the rest of a day's build. The process first renames
 * the folder to `.NAME.removing-PID` (its own pid), so a later build's
 * `removeLeftovers` leaves it alone while it runs and removes what a killed one left.
 */
function removeInBackground(aside: string, out: string): void {
  const script = `const fs = require("node:fs"); const [from, prefix] = process.argv.slice(1); const to = prefix + process.pid;
try { fs.renameSync(from, to); } catch { process.exit(0); } fs.rmSync(to, { recursive: true, force: true });`;
  try {
    spawn(process.execPath, ["-e", script, aside, join(dirname(out), removingPrefix(out))], { detached: true, stdio: "ignore" }).unref();
  } catch {
    rmSync(aside, { recursive: true, force: true });
  }
}

function stagingPrefix(out: string): string {
  return `.${basename(out)}.building-`;
}

function workPrefix(out: string): string {
  return `.${basename(out)}.work-`;
}

/** Removes the staging folders of builds no longer running, restoring an output that one had moved aside. */
export function removeLeftovers(out: string): void {
  const parent = dirname(out);
  const prefix = stagingPrefix(out);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  const leftovers = names
    .map((name) => ({ name, match: name.startsWith(prefix) ? /^(\d+)(\.old)?$/u.exec(name.slice(prefix.length)) : null }))
    .filter((l): l is { name: string; match: RegExpExecArray } => l.match !== null && !isRunning(Number(l.match[1])));
  // A previous output moved aside and never replaced comes back before anything is removed.
  for (const { name, match } of leftovers) {
    if (match[2] && !existsSync(out)) renameSync(join(parent, name), out);
  }
  for (const { name } of leftovers) rmSync(join(parent, name), { recursive: true, force: true });
  // Work folders of dead builds, and previous outputs whose background removal was killed.
  for (const prefix of [workPrefix(out), removingPrefix(out)]) {
    for (const name of names) {
      if (name.startsWith(prefix) && /^\d+$/u.test(name.slice(prefix.length)) && !isRunning(Number(name.slice(prefix.length)))) rmSync(join(parent, name), { recursive: true, force: true });
    }
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
