/**
 * Offline manifest writer: after a build, hashes every file of the site (or takes the
 * hash a previous build remembered for it, files/file-hashes.ts) into the
 * manifest tree of manifest-format.ts (a small root, one manifest per year and per
 * edition, chunks for the index and listing folders) and returns the root, whose
 * version the service worker is stamped with.
 */
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { FileHashes, type FileStamp } from "../files/file-hashes.ts";
import { dirname, join, relative, sep } from "node:path";
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

/** Every file of the site (not links or folders), as "/"-separated paths, outside the manifest folder, with its stats. */
function siteFiles(siteDir: string): Map<string, FileStamp> {
  // Only the stamp of each file: a Stats object each, at 400,000 files, is hundreds of megabytes.
  const out = new Map<string, FileStamp>();
  for (const path of readdirSync(siteDir, { recursive: true, encoding: "utf8" })) {
    if (path.split(sep)[0] === MANIFEST_DIR) continue;
    const stat = lstatSync(join(siteDir, path));
    if (stat.isFile()) out.set(path.split(sep).join("/"), { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino });
  }
  return out;
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

/** `hashes`: remembered hashes of files unchanged since a previous build (files/file-hashes.ts). */
export function writeOfflineManifest(siteDir: string, editions: EditionInfo[] = archiveOfLastBuild().editions, hashes: FileHashes = FileHashes.open()): RootManifest {
  const topLevel = readdirSync(siteDir, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== MANIFEST_DIR).map((e) => e.name);
  const editionIds = new Set(editions.map((e) => e.id));
  const dirs = topLevel.filter((d) => !editionIds.has(d)).sort(byName);
  const dateOf = new Map(editions.map((e) => [e.id, e.sortKey]));

  const stats = siteFiles(siteDir);
  const paths = [...stats.keys()].sort(byName);

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
  const groups = new Map<string, GroupRef>();
  for (const [group, subs] of tree) {
    const refs = new Map<string, GroupRef>();
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
  return root;
}
