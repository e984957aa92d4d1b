/**
 * Write files: puts the files of an import in place all together or not at
 * all. Each file is first written to a staging folder beside its target (the
 * same file system, so that moving it in is a rename); only when every one is
 * written are they moved in, a file they replace being set aside first (only a
 * file is replaced, never a folder). If a
 * step fails, what was moved in is taken out again, what was set aside is put
 * back, the folders made for them are removed, and the staging folders go.
 * `import-page.ts` calls it once its checks have passed.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { inputErrors } from "./messages.ts";

export interface FileToWrite {
  /** Absolute path. */
  path: string;
  /** Text (the drafts, the report) or bytes (the page's image and PDF). */
  content: string | Buffer;
}

/** A write that failed: nothing of the import is left on disk. */
export class ImportWriteError extends Error {
  override name = "ImportWriteError";
}

/** Creates `dir` and its missing parents; returns those it created, outermost first. */
function makeDirs(dir: string): string[] {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) missing.unshift(d);
  for (const d of missing) mkdirSync(d);
  return missing;
}

export function writeAllOrNothing(files: FileToWrite[]): void {
  const made: string[] = []; // folders created, outermost first
  const stages = new Map<string, string>(); // target folder → its staging folder
  const staged: { file: FileToWrite; temp: string }[] = [];
  const moved: { path: string; aside?: string }[] = [];
  const fail = (error: unknown, path: string): never => {
    throw new ImportWriteError(inputErrors.writeFailed(path, (error as Error).message));
  };
  try {
    for (const file of files) {
      const dir = dirname(file.path);
      let stage = stages.get(dir);
      try {
        if (!stage) {
          made.push(...makeDirs(dir));
          stage = mkdtempSync(join(dir, ".import-staging-"));
          stages.set(dir, stage);
        }
        const temp = join(stage, basename(file.path));
        writeFileSync(temp, file.content);
        staged.push({ file, temp });
      } catch (error) {
        fail(error, file.path);
      }
    }
    for (const { file, temp } of staged) {
      try {
        let aside: string | undefined;
        if (existsSync(file.path)) {
          if (!statSync(file.path).isFile()) throw new Error("it is not a file");
          aside = `${temp}.replaced`;
          renameSync(file.path, aside);
        }
        moved.push({ path: file.path, aside });
        renameSync(temp, file.path);
      } catch (error) {
        fail(error, file.path);
      }
    }
  } catch (error) {
    for (const m of moved.reverse()) {
      try {
        if (existsSync(m.path)) unlinkSync(m.path);
        if (m.aside) renameSync(m.aside, m.path);
      } catch {
        // best effort: the message below names the file that failed
      }
    }
    for (const stage of stages.values()) rmSync(stage, { recursive: true, force: true });
    for (const d of made.reverse()) {
      try {
        rmdirSync(d);
      } catch {
        // not empty: something else wrote there meanwhile
      }
    }
    throw error;
  }
  for (const stage of stages.values()) rmSync(stage, { recursive: true, force: true });
}
