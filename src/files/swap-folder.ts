/**
 * Swap folder: puts a finished folder in the place of another, as one step for whoever
 * reads the place: the old folder is renamed aside, the new one renamed in, then the old
 * one removed. The site build swaps its output this way (src/site/staged-output.ts, which
 * also cleans up after signals and dead builds) and the index step its index folder
 * (src/search/build/build-index.ts). Synchronous, so no signal handler or other callback
 * runs between the two renames.
 */
import { existsSync, renameSync, rmSync } from "node:fs";

/**
 * Moves `staged` to `target`. A folder at `target` is first moved to `aside` (which must
 * not exist) and removed once `staged` is in place (by `removeAside`, which may leave
 * that to another process); if moving `staged` in fails, it is put back and the error
 * thrown.
 */
export function swapFolder(staged: string, target: string, aside: string, removeAside: (aside: string) => void = (a) => rmSync(a, { recursive: true, force: true })): void {
  const hadTarget = existsSync(target);
  if (hadTarget) renameSync(target, aside);
  try {
    renameSync(staged, target);
  } catch (error) {
    if (hadTarget) renameSync(aside, target);
    throw error;
  }
  if (hadTarget) removeAside(aside);
}
