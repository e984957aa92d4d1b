/**
 * Folder entries: what a folder of the archive holds, each entry a folder, a
 * file, or a problem to report. The loader walks the archive only through here,
 * so nothing in it is skipped without a word.
 *
 * A symbolic link is followed when it resolves inside the archive (a page folder
 * linked from another edition, say) and is then what it points at; a link out of
 * the archive, a dangling link and a loop are problems. FIFOs, sockets and
 * devices are problems. Names beginning with "." (.DS_Store, .git) are ignored.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { join, relative, isAbsolute, sep } from "node:path";

export interface FolderEntry {
  name: string;
  path: string;
  kind: "folder" | "file" | "problem";
  /** For a problem: what is wrong, as the error message says it. */
  problem?: string;
}

export function folderEntries(dir: string, archiveRoot: string): FolderEntry[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => !d.name.startsWith("."))
    .map((d) => classify(d, join(dir, d.name), archiveRoot))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function classify(d: Dirent, path: string, archiveRoot: string): FolderEntry {
  const entry = (kind: FolderEntry["kind"], problem?: string): FolderEntry => ({ name: d.name, path, kind, ...(problem ? { problem } : {}) });
  if (d.isDirectory()) return entry("folder");
  if (d.isFile()) return entry("file");
  if (!d.isSymbolicLink()) return entry("problem", `is ${specialKind(d)}, not a file or a folder`);
  let target: string;
  try {
    target = realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return entry("problem", code === "ELOOP" ? "is a symbolic link in a loop" : code === "ENOENT" ? "is a symbolic link to nothing (dangling)" : `is a symbolic link that cannot be followed (${code})`);
  }
  const inside = relative(realpathSync(archiveRoot), target);
  if (inside === "" || inside.startsWith(`..${sep}`) || inside === ".." || isAbsolute(inside)) {
    return entry("problem", "is a symbolic link out of the content folder; only links inside it are followed");
  }
  const stats = statSync(target);
  if (stats.isDirectory()) return entry("folder");
  if (stats.isFile()) return entry("file");
  return entry("problem", "is a symbolic link to something that is not a file or a folder");
}

function specialKind(d: Dirent): string {
  if (d.isFIFO()) return "a named pipe (FIFO)";
  if (d.isSocket()) return "a socket";
  if (d.isBlockDevice() || d.isCharacterDevice()) return "a device";
  return "a special file";
}
