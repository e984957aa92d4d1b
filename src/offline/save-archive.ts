/**
 * Save archive: the "save for offline reading" action, for the whole archive or a
 * range of it (a year, a month). Only this reads the offline manifests
 * (manifest-format.ts), and only when the reader asks: the root for the sizes to
 * show first, then the manifests of the chosen range, through the service worker,
 * which serves its own build's copies. It works out what is not cached yet and
 * fetches those through the service worker, which checks each file's hash and
 * caches it. Files already cached are skipped, so a cancelled or interrupted save
 * resumes where it stopped. A finished save is recorded in the offline copy, so
 * the next build's service worker saves that range's new files too.
 */
import { MANIFEST_FILE, SAVED_RECORD, cacheName, hashText, manifestPath, type FileEntry, type ManifestNode, type RootManifest } from "./manifest-format.ts";
import { ManifestTree } from "./manifest-tree.ts";

export interface SavePlan {
  manifest: RootManifest;
  /** The range key (manifest-format.ts `parseRange`). */
  range: string;
  files: Map<string, FileEntry>;
  /** Paths not cached yet. */
  missing: string[];
  totalBytes: number;
  missingBytes: number;
}

export interface Progress {
  doneBytes: number;
  totalBytes: number;
  doneFiles: number;
  totalFiles: number;
}

/** A range the reader can save, with what it holds. */
export interface RangeChoice {
  key: string;
  label: string;
  bytes: number;
  files: number;
}

const CONCURRENCY = 4;

export class NewBuildError extends Error {}

/** The root manifest of the build the service worker serves. */
export async function readRoot(root: URL): Promise<RootManifest> {
  const response = await fetch(new URL(MANIFEST_FILE, root));
  if (!response.ok) throw new Error(`no offline manifest (HTTP ${response.status})`);
  return (await response.json()) as RootManifest;
}

function treeOf(root: URL, manifest: RootManifest): ManifestTree {
  return new ManifestTree(manifest, async (chain, hash) => {
    const response = await fetch(new URL(manifestPath(chain), root));
    if (!response.ok) throw new Error(`no offline manifest ${chain.join("/")} (HTTP ${response.status})`);
    const bytes = await response.arrayBuffer();
    if (hashText(await crypto.subtle.digest("SHA-256", bytes)) !== hash) throw new NewBuildError(`${chain.join("/")}: the server has a newer build`);
    return JSON.parse(new TextDecoder().decode(bytes)) as ManifestNode;
  });
}

const rootBytes = (m: RootManifest) => Object.values(m.files).reduce((sum, [, size]) => sum + size, 0);

/** The whole archive and each year, with their sizes, from the root alone. */
export function rangeChoices(manifest: RootManifest): RangeChoice[] {
  const shared = rootBytes(manifest);
  const shares = Object.keys(manifest.files).length;
  const years = Object.entries(manifest.groups)
    .filter(([g]) => g.startsWith("e-"))
    .sort(([a], [b]) => (a === "e-other" ? 1 : b === "e-other" ? -1 : b.localeCompare(a)))
    .map(([g, ref]) => ({ key: g, label: g === "e-other" ? "其他各期" : `${g.slice(2)}年`, bytes: ref.bytes + shared, files: ref.files + shares }));
  return [{ key: "*", label: "全站", bytes: manifest.bytes, files: manifest.count }, ...years];
}

/** The months of a year with their sizes (reads that year's manifest). */
export async function monthChoices(root: URL, manifest: RootManifest, year: string): Promise<RangeChoice[]> {
  const node = await treeOf(root, manifest).node([year]);
  const shared = rootBytes(manifest);
  const shares = Object.keys(manifest.files).length;
  const months = new Map<string, RangeChoice>();
  for (const ref of Object.values(node?.groups ?? {})) {
    const month = /^\d{4}-\d{2}/u.exec(ref.date ?? "")?.[0];
    if (!month) continue;
    const choice = months.get(month) ?? { key: `${year}/${month}`, label: `${month.slice(0, 4)}年${Number(month.slice(5))}月`, bytes: shared, files: shares };
    choice.bytes += ref.bytes;
    choice.files += ref.files;
    months.set(month, choice);
  }
  return [...months.values()].sort((a, b) => b.key.localeCompare(a.key));
}

export async function planSave(root: URL, manifest: RootManifest, range: string): Promise<SavePlan> {
  const files = await treeOf(root, manifest).files(range);
  const cache = await caches.open(cacheName(manifest.version));
  const cached = new Set((await cache.keys()).map((r) => r.url));
  const missing: string[] = [];
  let totalBytes = 0;
  let missingBytes = 0;
  for (const [path, [, size]] of files) {
    totalBytes += size;
    if (cached.has(new URL(path, root).href)) continue;
    missing.push(path);
    missingBytes += size;
  }
  return { manifest, range, files, missing, totalBytes, missingBytes };
}

/** Whether the server still holds the build `version` (asked past the service worker's copy of the root). */
async function serverHas(root: URL, version: string): Promise<boolean> {
  const response = await fetch(new URL(MANIFEST_FILE, root), { cache: "no-store" });
  return response.ok && ((await response.json()) as RootManifest).version === version;
}

/**
 * Fetches every missing file; rejects on a network failure (what was saved stays), on
 * abort, or when the server has a newer build. Returns the files the server holds
 * damaged (not matching this build's manifest): they are left out, and named.
 */
export async function runSave(root: URL, plan: SavePlan, signal: AbortSignal, onProgress: (p: Progress) => void): Promise<{ damaged: string[] }> {
  const cache = await caches.open(cacheName(plan.manifest.version));
  const queue = [...plan.missing];
  const damaged: string[] = [];
  const progress: Progress = { doneBytes: 0, totalBytes: plan.missingBytes, doneFiles: 0, totalFiles: plan.missing.length };
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      signal.throwIfAborted();
      const url = new URL(path, root).href;
      const response = await fetch(url, { signal });
      await response.arrayBuffer(); // the service worker caches it once the body is read
      if (!(await cache.match(url))) {
        if (!(await serverHas(root, plan.manifest.version))) throw new NewBuildError(`${path} was not kept: the server has a newer build`);
        damaged.push(path);
      }
      progress.doneBytes += plan.files.get(path)![1];
      progress.doneFiles++;
      onProgress(progress);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const record = new URL(SAVED_RECORD, root).href;
  const ranges = new Set(((await (await cache.match(record))?.json().catch(() => undefined)) as { ranges?: string[] } | undefined)?.ranges ?? []);
  ranges.add(plan.range);
  await cache.put(record, new Response(JSON.stringify({ ranges: [...ranges] }), { headers: { "content-type": "application/json" } }));
  return { damaged: damaged.sort() };
}

/** 1.2 MB, 830 KB */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
