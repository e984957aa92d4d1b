/**
 * Offline manifest writer: after a build, hashes every file of the site into
 * `offline-manifest.json` (format in manifest-format.ts) and returns the build's
 * version, which the service worker is stamped with.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { MANIFEST_FILE, OFFLINE_PAGE, hashText, type OfflineManifest } from "./manifest-format.ts";

/** Not part of what a reader downloads: the index's input, the worker script itself, the manifest. */
const EXCLUDED = new Set(["search/documents.json", "sw.js", MANIFEST_FILE]);

function walk(dir: string, root: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, root, out);
    else if (entry.isFile()) out.push(relative(root, path).split(sep).join("/"));
  }
}

export function writeOfflineManifest(siteDir: string): OfflineManifest {
  const paths: string[] = [];
  walk(siteDir, siteDir, paths);
  paths.sort();
  const files: OfflineManifest["files"] = {};
  for (const path of paths) {
    if (EXCLUDED.has(path)) continue;
    const bytes = readFileSync(join(siteDir, path));
    const digest = createHash("sha256").update(bytes).digest();
    files[path] = [hashText(digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength)), bytes.length];
  }
  const shell = Object.keys(files).filter((p) => p.startsWith("assets/") || p === OFFLINE_PAGE || p === "manifest.webmanifest");
  const listing = JSON.stringify(files);
  const version = createHash("sha256").update(listing).digest("hex").slice(0, 16);
  const manifest: OfflineManifest = { version, files, shell };
  writeFileSync(join(siteDir, MANIFEST_FILE), JSON.stringify(manifest));
  return manifest;
}
