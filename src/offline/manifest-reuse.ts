/**
 * Manifest reuse: an incremental build links most of its output from the previous
 * one (src/build/), whole folders of it: a reused shard's edition folders, a kept
 * index segment's part folders. Such a folder's manifest is the one the previous
 * output has, so the manifest writer (offline-manifest.ts) takes it from there
 * instead of walking, stat'ing and hashing the folder's files (at 200,000 articles,
 * most of a build's time after the pages). A folder is taken only if it is the whole
 * of one manifest (an edition's sub-group, or an index folder's group), every
 * previous manifest on the way reads back with the hash its parent lists, and the
 * files they list are exactly the files the caller says it linked there; anything
 * else, and the folder is walked as in a whole build.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MANIFEST_FILE, manifestPath, yearGroup, type GroupRef, type ManifestNode, type RootManifest } from "./manifest-format.ts";

/** Folders of the site all of whose files were linked from `previousDir`, each with those files (site paths, "/"-separated). */
export interface KeptFolders {
  previousDir: string;
  folders: ReadonlyMap<string, readonly string[]>;
}

/** A kept folder as the manifest takes it. */
export interface KeptPart {
  folder: string;
  /** The manifest it is the whole of: `[group]` (an index folder) or `[group, sub]` (an edition). */
  chain: [string] | [string, string];
  /** What its parent lists for it. */
  ref: GroupRef;
  /** Its manifest files (site paths), to link from the previous output. */
  manifests: string[];
}

/** The manifest that holds exactly the files directly or deeply under `folder`, if one does (see groupOf). */
function folderChain(folder: string, dirs: readonly string[]): [string] | [string, string] | undefined {
  const parts = folder.split("/");
  if (parts.length === 1 && !dirs.includes(folder)) return [yearGroup(folder), folder];
  if (parts.length >= 3 && folder.startsWith("search/index/")) return [`i-${parts.slice(2).join("-")}`];
  return undefined;
}

/** The kept folders whose previous manifests check out; `hashOf` is the manifest's content hash. */
export function keptParts(kept: KeptFolders, dirs: readonly string[], hashOf: (text: string) => string): KeptPart[] {
  const read = (path: string, hash: string): ManifestNode | undefined => {
    try {
      const text = readFileSync(join(kept.previousDir, path), "utf8");
      return hashOf(text) === hash ? (JSON.parse(text) as ManifestNode) : undefined;
    } catch {
      return undefined;
    }
  };
  let root: RootManifest;
  try {
    root = JSON.parse(readFileSync(join(kept.previousDir, MANIFEST_FILE), "utf8")) as RootManifest;
  } catch {
    return [];
  }
  const groups = new Map<string, ManifestNode | undefined>();
  const group = (name: string) => {
    if (!groups.has(name)) {
      const ref = root.groups?.[name];
      groups.set(name, ref ? read(manifestPath([name]), ref.hash) : undefined);
    }
    return groups.get(name);
  };

  const out: KeptPart[] = [];
  for (const [folder, files] of kept.folders) {
    const chain = folderChain(folder, dirs);
    if (!chain) continue;
    // An index folder's group holds only the files directly in it; deeper ones are groups of their own.
    if (chain.length === 1 && files.some((f) => f.indexOf("/", folder.length + 1) !== -1)) continue;
    const node = group(chain[0]);
    if (!node?.groups) continue;
    const subs = chain.length === 2 ? [chain[1]] : Object.keys(node.groups);
    const listed: string[] = [];
    const manifests = chain.length === 1 ? [manifestPath(chain)] : [];
    let sound = true;
    for (const sub of subs) {
      const ref = node.groups[sub];
      const files = ref && read(manifestPath([chain[0], sub]), ref.hash)?.files;
      if (!files) {
        sound = false;
        break;
      }
      listed.push(...Object.keys(files));
      manifests.push(manifestPath([chain[0], sub]));
    }
    const linked = new Set(files);
    if (!sound || listed.length !== linked.size || !listed.every((f) => linked.has(f))) continue;
    const ref = chain.length === 2 ? node.groups[chain[1]]! : root.groups[chain[0]]!;
    out.push({ folder, chain, ref: { hash: ref.hash, bytes: ref.bytes, files: ref.files }, manifests });
  }
  return out;
}
