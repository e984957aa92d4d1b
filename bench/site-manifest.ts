/**
 * Site manifest: what a built site holds, file by file (path, size, modification time,
 * inode and a hash of the content), and the difference between two manifests of the same
 * folder, so the scale benchmark (scale-archive.ts) can say what a rebuild after adding an
 * edition did to the site: files added, removed, changed in content, and unchanged; and
 * of the unchanged, how many were written again all the same (a new inode or time).
 * Content is compared by hash because a build that swaps in a staging folder gives every
 * file a new inode and time whether or not its bytes changed.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export interface ManifestEntry {
  size: number;
  mtimeMs: number;
  ino: number;
  /** sha1 of the content, hex. */
  hash: string;
}

/** Path (relative, with "/") → entry, for every file under `dir`. */
export type SiteManifest = Map<string, ManifestEntry>;

export interface ManifestDiff {
  added: number;
  removed: number;
  /** Same path, other bytes. */
  changed: number;
  /** Same path, same bytes. */
  unchanged: number;
  /** Of the unchanged, those written again (another inode or modification time). */
  rewrittenUnchanged: number;
  /** Bytes of the files added or changed, as they are after. */
  bytesWritten: number;
  /** A few paths of each kind, sorted, to show what changed. */
  examples: { added: string[]; removed: string[]; changed: string[] };
}

export function siteManifest(dir: string): SiteManifest {
  const out: SiteManifest = new Map();
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  for (const e of entries) {
    const file = join(e.parentPath, e.name);
    const st = statSync(file);
    out.set(relative(dir, file).split("\\").join("/"), {
      size: st.size,
      mtimeMs: st.mtimeMs,
      ino: st.ino,
      hash: createHash("sha1").update(readFileSync(file)).digest("hex"),
    });
  }
  return out;
}

const EXAMPLES = 10;

export function diffManifests(before: SiteManifest, after: SiteManifest): ManifestDiff {
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  let unchanged = 0;
  let rewrittenUnchanged = 0;
  let bytesWritten = 0;
  for (const [path, a] of after) {
    const b = before.get(path);
    if (!b) {
      added.push(path);
      bytesWritten += a.size;
    } else if (b.hash !== a.hash || b.size !== a.size) {
      changed.push(path);
      bytesWritten += a.size;
    } else {
      unchanged++;
      if (b.ino !== a.ino || b.mtimeMs !== a.mtimeMs) rewrittenUnchanged++;
    }
  }
  for (const path of before.keys()) if (!after.has(path)) removed.push(path);
  const first = (xs: string[]) => xs.sort().slice(0, EXAMPLES);
  return {
    added: added.length,
    removed: removed.length,
    changed: changed.length,
    unchanged,
    rewrittenUnchanged,
    bytesWritten,
    examples: { added: first(added), removed: first(removed), changed: first(changed) },
  };
}
