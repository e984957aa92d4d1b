/**
 * Offline manifest writer: after a build, hashes every file of the site (or takes the
 * hash a previous build remembered for it, files/file-hashes.ts) into the
 * manifest tree of manifest-format.ts (a small root, one manifest per year and per
 * edition, chunks for the index and listing folders) and returns the root, whose
 * version the service worker is stamped with. Folders linked whole from a previous
 * output keep that output's manifests (manifest-reuse.ts) and are not walked.
 */
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { FileHashes, type FileStamp } from "../files/file-hashes.ts";
import { linkFiles } from "../files/link-files.ts";
import { walkFiles } from "../files/walk-files.ts";
import { dirname, join } from "node:path";
import { keptParts, type KeptFolders, type KeptPart } from "./manifest-reuse.ts";
import { archiveOfLastBuild } from "../site/archive-data.ts";
import {
  MANIFEST_DIR,
  MANIFEST_FILE,
  OFFLINE_PAGE,
  groupOf,
  hashText,
  manifestPath,
  type FileEntry,
  type GroupRef,
  type ManifestNode,
  type RootManifest,
} from "./manifest-format.ts";

/** Not part of what a reader downloads: the index's input, the worker script itself, the manifests. */
const EXCLUDED = new Set(["search/documents.json", "sw.js", MANIFEST_FILE]);

/** An edition as the manifest needs it: its folder and its date, for saving a month. */
export interface EditionInfo {
  id: string;
  sortKey: string;
}

/** Every file of the site (not links or folders), as "/"-separated paths, outside the manifest folder and `skip`, with its stats. */
function siteFiles(siteDir: string, skip: ReadonlySet<string>): Map<string, FileStamp> {
  // Only the stamp of each file: a Stats object each, at 400,000 files, is hundreds of megabytes.
  const out = new Map<string, FileStamp>();
  for (const path of walkFiles(siteDir, new Set([...skip, MANIFEST_DIR]))) {
    const stat = lstatSync(join(siteDir, path));
    out.set(path, { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino });
  }
  return out;
}

export interface ManifestWritten {
  root: RootManifest;
  /** The kept folders whose manifests were taken from the previous output (not walked), and how many files they hold. */
  keptFolders: string[];
  keptFiles: number;
  /** Manifest files linked from the previous output. */
  manifestsLinked: number;
}

const hashOf = (bytes: Buffer | string) => {
  const digest = createHash("sha256").update(bytes).digest();
  return hashText(digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength));
};

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Keys in a fixed order, so the same files always give the same bytes. */
function sorted<T>(record: Map<string, T>): Record<string, T> {
  return Object.fromEntries([...record].sort(([a], [b]) => byName(a, b)));
}

/**
 * `hashes`: remembered hashes of files unchanged since a previous build (files/file-hashes.ts).
 * `kept`: folders linked whole from a previous output, whose manifests are taken from it.
 */
export function writeOfflineManifest(
  siteDir: string,
  editions: EditionInfo[] = archiveOfLastBuild().editions,
  hashes: FileHashes = FileHashes.open(),
  kept?: KeptFolders,
): ManifestWritten {
  const topLevel = readdirSync(siteDir, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== MANIFEST_DIR).map((e) => e.name);
  const editionIds = new Set(editions.map((e) => e.id));
  const dirs = topLevel.filter((d) => !editionIds.has(d)).sort(byName);
  const dateOf = new Map(editions.map((e) => [e.id, e.sortKey]));

  const parts = kept ? keptParts(kept, dirs, hashOf) : [];
  const stats = siteFiles(siteDir, new Set(parts.map((p) => p.folder)));
  const paths = [...stats.keys()].sort(byName);
  // A walked file that a taken manifest would have to list (only a strange layout does this): walk that folder too.
  const taken = new Map(parts.map((p) => [p.chain.join("/"), p]));
  const clashing = new Set<KeptPart>();
  for (const path of paths) {
    const chain = groupOf(path, dirs);
    const part = chain.length === 0 ? undefined : (taken.get(chain[0]) ?? taken.get(chain.join("/")));
    if (part) clashing.add(part);
  }
  if (kept && clashing.size > 0) {
    const folders = new Map([...kept.folders].filter(([folder]) => ![...clashing].some((p) => p.folder === folder)));
    return writeOfflineManifest(siteDir, editions, hashes, { previousDir: kept.previousDir, folders });
  }

  const rootFiles = new Map<string, FileEntry>();
  // group → sub-group → files
  const tree = new Map<string, Map<string, Map<string, FileEntry>>>();
  let bytes = 0;
  for (const path of paths) {
    if (EXCLUDED.has(path)) continue;
    const stat = stats.get(path)!;
    const entry: FileEntry = [hashes.hashOf(path, join(siteDir, path), stat, hashOf), stat.size];
    bytes += stat.size;
    const chain = groupOf(path, dirs);
    if (chain.length === 0) {
      rootFiles.set(path, entry);
      continue;
    }
    const [group, sub] = chain;
    const subs = tree.get(group) ?? tree.set(group, new Map()).get(group)!;
    (subs.get(sub) ?? subs.set(sub, new Map()).get(sub)!).set(path, entry);
  }

  const write = (chain: string[], node: ManifestNode): string => {
    const text = JSON.stringify(node);
    const file = join(siteDir, manifestPath(chain));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return hashOf(text);
  };
  // The taken manifests: linked from the previous output, listed with the refs it had.
  const takenSubs = new Map<string, Map<string, GroupRef>>();
  const groups = new Map<string, GroupRef>();
  for (const part of parts) {
    bytes += part.ref.bytes;
    if (part.chain.length === 1) groups.set(part.chain[0], part.ref);
    else {
      const [group, sub] = part.chain;
      const ref: GroupRef = { ...part.ref };
      const date = dateOf.get(sub);
      if (date !== undefined) ref.date = date;
      (takenSubs.get(group) ?? takenSubs.set(group, new Map()).get(group)!).set(sub, ref);
      if (!tree.has(group)) tree.set(group, new Map());
    }
  }
  const links = parts.flatMap((p) => p.manifests);
  for (const path of links) rmSync(join(siteDir, path), { force: true });
  if (kept) linkFiles(kept.previousDir, siteDir, links);

  for (const [group, subs] of tree) {
    const refs = new Map<string, GroupRef>(takenSubs.get(group));
    for (const [sub, files] of subs) {
      const hash = write([group, sub], { files: sorted(files) });
      let subBytes = 0;
      for (const [, size] of files.values()) subBytes += size;
      const ref: GroupRef = { hash, bytes: subBytes, files: files.size };
      const date = group.startsWith("e-") ? dateOf.get(sub) : undefined;
      if (date !== undefined) ref.date = date;
      refs.set(sub, ref);
    }
    const hash = write([group], { groups: sorted(refs) });
    let groupBytes = 0;
    let groupFiles = 0;
    for (const r of refs.values()) {
      groupBytes += r.bytes;
      groupFiles += r.files;
    }
    groups.set(group, { hash, bytes: groupBytes, files: groupFiles });
  }

  const files = sorted(rootFiles);
  const shell = Object.keys(files).filter((p) => p.startsWith("assets/") || p === OFFLINE_PAGE || p === "manifest.webmanifest");
  let count = rootFiles.size;
  for (const g of groups.values()) count += g.files;
  const body = { shell, files, groups: sorted(groups), dirs, bytes, count };
  const version = createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 16);
  const root: RootManifest = { version, ...body };
  writeFileSync(join(siteDir, MANIFEST_FILE), JSON.stringify(root));
  let keptFiles = 0;
  for (const p of parts) keptFiles += kept!.folders.get(p.folder)!.length;
  return { root, keptFolders: parts.map((p) => p.folder), keptFiles, manifestsLinked: links.length };
}
