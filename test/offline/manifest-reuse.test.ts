/**
 * Manifest reuse (src/offline/manifest-reuse.ts): the manifests of folders a build
 * linked from a previous output are taken from that output, and only when they check
 * out. On copies of the sample site: with every edition folder and index folder claimed
 * as kept, the manifests written are byte for byte those a walk of every file writes;
 * a previous manifest that does not match its hash, a claim that lists other files
 * than the previous manifest, and a folder that is not a whole manifest are walked
 * instead, and the result is again the walk's.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { cpSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildInto, listFiles, SAMPLE_CONTENT, tempDir } from "../helpers/site.ts";
import { walkFiles } from "../../src/files/walk-files.ts";
import { writeOfflineManifest, type EditionInfo } from "../../src/offline/offline-manifest.ts";
import { MANIFEST_FILE, manifestPath, type ManifestNode, type RootManifest } from "../../src/offline/manifest-format.ts";

const built = buildInto(SAMPLE_CONTENT);
const root = JSON.parse(readFileSync(join(built, MANIFEST_FILE), "utf8")) as RootManifest;
const editions: EditionInfo[] = Object.keys(root.groups)
  .filter((g) => g.startsWith("e-"))
  .flatMap((g) => Object.entries((JSON.parse(readFileSync(join(built, manifestPath([g])), "utf8")) as ManifestNode).groups ?? {}))
  .map(([id, ref]) => ({ id, sortKey: ref.date ?? "" }));
const editionFolders = editions.map((e) => e.id);
const indexFolders = readdirSync(join(built, "search/index"), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => `search/index/${e.name}`);

/** A copy of `site` without its manifests. */
function bareCopy(site = built): string {
  const dir = join(tempDir("reuse"), "_site");
  const manifestFolder = join(site, "offline");
  cpSync(site, dir, { recursive: true, filter: (src) => src !== manifestFolder && !src.startsWith(`${manifestFolder}/`) && src !== join(site, MANIFEST_FILE) });
  return dir;
}

/** The claim that each of `folders` was linked whole, with the files it holds in `site`. */
const claim = (site: string, folders: string[]) => new Map(folders.map((f) => [f, [...walkFiles(join(site, f))].map((p) => `${f}/${p}`)]));

const manifests = (dir: string) => [MANIFEST_FILE, ...listFiles(join(dir, "offline")).map((f) => `offline/${f}`)].sort();

/** `site`'s manifests are byte for byte those a walk of a copy of it writes. */
function assertAsWalked(site: string): void {
  const walked = bareCopy(site);
  writeOfflineManifest(walked, editions);
  assert.equal(manifests(site), manifests(walked));
  for (const f of manifests(walked)) assert.ok(readFileSync(join(site, f)).equals(readFileSync(join(walked, f))), `${f} as the walk writes it`);
}

test("every edition and index folder claimed: all taken from the previous output, the same manifests as a walk", () => {
  assert.ok(editionFolders.length >= 1 && indexFolders.length >= 2, `${editionFolders} ${indexFolders}`);
  const site = bareCopy();
  const written = writeOfflineManifest(site, editions, undefined, { previousDir: built, folders: claim(site, [...editionFolders, ...indexFolders]) });
  assert.equal(written.keptFolders.sort(), [...editionFolders, ...indexFolders].sort());
  assert.ok(written.keptFiles > 0 && written.manifestsLinked >= written.keptFolders.length);
  assert.is(written.root.version, root.version);
  assertAsWalked(site);
});

test("a previous manifest that does not match its hash is not taken: its folder is walked", () => {
  const previous = join(tempDir("previous"), "_site");
  cpSync(built, previous, { recursive: true });
  const edition = editionFolders[0]!;
  const chain = [Object.keys(root.groups).find((g) => g.startsWith("e-"))!, edition];
  const file = join(previous, manifestPath(chain));
  writeFileSync(file, `${readFileSync(file, "utf8")} `);
  const site = bareCopy();
  const written = writeOfflineManifest(site, editions, undefined, { previousDir: previous, folders: claim(site, [...editionFolders, ...indexFolders]) });
  assert.not.ok(written.keptFolders.includes(edition), "the damaged edition's manifest is not taken");
  assert.is(written.keptFolders.length, editionFolders.length + indexFolders.length - 1);
  assertAsWalked(site);
});

test("a claim whose files differ from the previous manifest's, or a folder that is no whole manifest, is walked", () => {
  const site = bareCopy();
  const edition = editionFolders[0]!;
  // A file the previous build did not have, in a folder claimed as linked whole.
  writeFileSync(join(site, edition, "extra.txt"), "新增");
  const written = writeOfflineManifest(site, editions, undefined, { previousDir: built, folders: claim(site, [edition, "columns", indexFolders[0]!]) });
  assert.equal(written.keptFolders, [indexFolders[0]]);
  assert.is.not(written.root.version, root.version, "the new file changes the build's version");
  assertAsWalked(site);
});

test("no previous output: nothing taken, the walk's manifests", () => {
  const site = bareCopy();
  const written = writeOfflineManifest(site, editions, undefined, { previousDir: join(tempDir("none"), "_site"), folders: claim(site, editionFolders) });
  assert.equal(written.keptFolders, []);
  assert.is(written.root.version, root.version);
  assertAsWalked(site);
});

test.run();
