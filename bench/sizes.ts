/** Sizes: what an index holds on disk (files, bytes, and bytes as a gzip host sends them). */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const COMPRESSIBLE = /\.(html?|js|json|css|svg|xml)$/iu;

export function treeSize(dir: string): { files: number; bytes: number; gzip: number } {
  let bytes = 0;
  let gzip = 0;
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
  for (const f of files) {
    const b = readFileSync(f);
    bytes += b.length;
    gzip += COMPRESSIBLE.test(f) ? gzipSync(b, { level: 6 }).length : b.length;
  }
  return { files: files.length, bytes, gzip };
}

/** gzip level 6 size of a buffer, as a host compresses on the fly. */
export const gzipSize = (b: Buffer): number => gzipSync(b, { level: 6 }).length;
