/**
 * Save archive: the "save the whole archive for offline reading" action. Asks the
 * service worker's copy of this build's manifest which files exist, works out
 * what is not cached yet, and fetches those through the service worker, which
 * checks each file's hash and caches it. Files already cached are skipped, so a
 * cancelled or interrupted save resumes where it stopped.
 */
import { MANIFEST_FILE, cacheName, type OfflineManifest } from "./manifest-format.ts";

export interface SavePlan {
  manifest: OfflineManifest;
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

const CONCURRENCY = 4;

export async function planSave(root: URL): Promise<SavePlan> {
  const response = await fetch(new URL(MANIFEST_FILE, root));
  if (!response.ok) throw new Error(`no offline manifest (HTTP ${response.status})`);
  const manifest = (await response.json()) as OfflineManifest;
  const cache = await caches.open(cacheName(manifest.version));
  const cached = new Set((await cache.keys()).map((r) => r.url));
  const missing: string[] = [];
  let totalBytes = 0;
  let missingBytes = 0;
  for (const [path, [, size]] of Object.entries(manifest.files)) {
    totalBytes += size;
    if (cached.has(new URL(path, root).href)) continue;
    missing.push(path);
    missingBytes += size;
  }
  return { manifest, missing, totalBytes, missingBytes };
}

export class NewBuildError extends Error {}

/** Fetches every missing file; rejects on a network failure (what was saved stays) or abort. */
export async function runSave(root: URL, plan: SavePlan, signal: AbortSignal, onProgress: (p: Progress) => void): Promise<void> {
  const cache = await caches.open(cacheName(plan.manifest.version));
  const queue = [...plan.missing];
  const progress: Progress = { doneBytes: 0, totalBytes: plan.missingBytes, doneFiles: 0, totalFiles: plan.missing.length };
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      signal.throwIfAborted();
      const url = new URL(path, root).href;
      const response = await fetch(url, { signal });
      await response.arrayBuffer(); // the service worker caches it once the body is read
      if (!(await cache.match(url))) throw new NewBuildError(`${path} was not kept: the server has a newer build`);
      progress.doneBytes += plan.manifest.files[path]![1];
      progress.doneFiles++;
      onProgress(progress);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/** 1.2 MB, 830 KB */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
