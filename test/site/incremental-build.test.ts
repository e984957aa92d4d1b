/**
 * Incremental build: a build whose previous output and cache exist (src/build/build-cache.ts)
 * renders only the shards that changed and links the others from the previous output, and
 * its site is the same as a whole build of the same content: every page byte for byte, the
 * search index answering every query alike (test/helpers/same-answers.ts). On a copy of
 * the sample plus 300 corpus articles in shards of about 60, step by step: a new edition,
 * an edited article, a deleted article, then a damaged cache (an entry garbled, another's
 * search documents cut short). After every step the site is compared, file by file, with a
 * whole build into a fresh folder, and the build's own count of reused shards and how it
 * made the index (its base segment kept for a new edition, whole after an edit among the
 * base's articles: src/build/index-plan.ts) are checked. The stepped site's offline
 * manifests, most of them taken from the previous output (src/offline/manifest-reuse.ts),
 * are checked byte for byte against those a walk of all its files writes.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, SAMPLE_CONTENT, listFiles, tempDir } from "../helpers/site.ts";
import { corpusFile, corpusTest } from "../helpers/corpus.ts";
import { readCorpus, writeCorpusArchive } from "../../src/content/corpus.ts";
import { cacheFolder } from "../../src/build/build-cache.ts";
import { assertSameSite as sameSite } from "../helpers/same-answers.ts";
import { writeOfflineManifest, type EditionInfo } from "../../src/offline/offline-manifest.ts";
import { MANIFEST_FILE, manifestPath, type ManifestNode, type RootManifest } from "../../src/offline/manifest-format.ts";

const PER_SHARD = "60";

interface Step {
  /** Editions the scan read (the others unchanged since the previous build: src/build/edition-scans.ts). */
  editionsRead: number;
  /** How the index was made: "whole", or "recent" (the base segment kept). */
  index: string;
  shards: number;
  reused: number;
  written: number;
  linked: number;
  /** Folders whose offline manifests were taken from the previous output. */
  manifestsKept: number;
}

/** Builds `content` into `out` (not quiet, so the build says what it reused). */
function build(content: string, out: string): Step {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "scripts/build.ts"), "--content", content, "--out", out, "--shard-articles", PER_SHARD], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`build of ${content} failed:\n${r.stdout}\n${r.stderr}`);
  const said = /^(\d+) of (\d+) shards? reused; (\d+) files written, (\d+) linked/mu.exec(r.stdout);
  if (!said) throw new Error(`the build did not say what it reused:\n${r.stdout}`);
  const index = /index [\d.]+ s \((whole|base kept)/u.exec(r.stdout)?.[1];
  if (!index) throw new Error(`the build did not say how it made the index:\n${r.stdout}`);
  const scan = /scan [\d.]+ s \((\d+) of (\d+) editions unchanged\)/u.exec(r.stdout);
  if (!scan) throw new Error(`the build did not say which editions it read:\n${r.stdout}`);
  const kept = /manifest [\d.]+ s \((\d+) folders kept\)/u.exec(r.stdout);
  if (!kept) throw new Error(`the build did not say which manifests it kept:\n${r.stdout}`);
  return { editionsRead: Number(scan[2]) - Number(scan[1]), index: index === "whole" ? "whole" : "recent", reused: Number(said[1]), shards: Number(said[2]), written: Number(said[3]), linked: Number(said[4]), manifestsKept: Number(kept[1]) };
}

/** The site's editions with their dates, as its own manifests list them. */
function manifestEditions(site: string): EditionInfo[] {
  const root = JSON.parse(readFileSync(join(site, MANIFEST_FILE), "utf8")) as RootManifest;
  return Object.keys(root.groups)
    .filter((g) => g.startsWith("e-"))
    .flatMap((g) => Object.entries((JSON.parse(readFileSync(join(site, manifestPath([g])), "utf8")) as ManifestNode).groups ?? {}))
    .map(([id, ref]) => ({ id, sortKey: ref.date ?? "" }));
}

/** The site's offline manifests are, byte for byte, those a walk that hashes every one of its files writes. */
function assertManifestsOfWalk(site: string, label: string): void {
  const walked = join(tempDir("walked"), "_site");
  cpSync(site, walked, { recursive: true });
  rmSync(join(walked, "offline"), { recursive: true });
  rmSync(join(walked, MANIFEST_FILE));
  writeOfflineManifest(walked, manifestEditions(site));
  const manifests = (dir: string) => [MANIFEST_FILE, ...listFiles(join(dir, "offline")).map((f) => `offline/${f}`)].sort();
  assert.equal(manifests(site), manifests(walked), `${label}: the same manifest files`);
  for (const file of manifests(walked)) {
    if (!readFileSync(join(site, file)).equals(readFileSync(join(walked, file)))) assert.unreachable(`${label}: ${file} differs from the walk's`);
  }
}

/** A whole build of `content` into a fresh folder, with no previous output or cache. */
function wholeBuild(content: string): string {
  const out = join(tempDir("whole"), "_site");
  const step = build(content, out);
  assert.is(step.reused, 0, "a first build reuses nothing");
  return out;
}

/** The same pages byte for byte, and search indexes that answer alike (a stepped build's segments follow its history). */
const assertSameSite = (whole: string, stepped: string, step: string) => sameSite(whole, stepped, step, listFiles, ["新闻联播", "经济", "职工", "习近平"]);

/** The edition folders of the archive, oldest first (folder names are dates). */
const editions = (content: string) => readdirSync(content, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const articlesOf = (content: string, edition: string) => readdirSync(join(content, edition, "01")).filter((f) => f.endsWith(".md")).sort();

corpusTest(test, "adding an edition, editing and deleting an article, and a damaged cache each give the site of a whole build, rendering only what changed", corpusFile("news.jsonl"), async (file) => {
  const content = tempDir("incremental-content");
  cpSync(SAMPLE_CONTENT, content, { recursive: true });
  const corpus = readCorpus(file, 400);
  // The newest day's articles are held back, to be added as a new edition.
  const newest = corpus.reduce((d, a) => (a.date && a.date > d ? a.date : d), "");
  writeCorpusArchive(corpus.filter((a) => a.date !== newest).slice(0, 300), content);
  const site = join(tempDir("incremental-site"), "_site");

  const first = build(content, site);
  assert.is(first.reused, 0);
  assert.ok(first.shards >= 4, `${first.shards} shards`);

  // A new edition, newer than every other: only the newest shard (and the one before it, whose 下一期 now leads to it) can change.
  const added = tempDir("incremental-added");
  writeCorpusArchive(corpus.filter((a) => a.date === newest), added);
  cpSync(join(added, newest), join(content, newest), { recursive: true });
  const add = build(content, site);
  const addRendered = add.shards - add.reused;
  assert.ok(addRendered >= 1 && addRendered <= 2, `adding an edition rendered ${addRendered} of ${add.shards} shards`);
  // The reused shards' pages are linked from the previous output; the spine is written whole, the index's base segment kept.
  assert.ok(add.linked > 0, `${add.linked} files linked, ${add.written} written`);
  assert.is(add.index, "recent", "a new edition keeps the index's base segment");
  assert.is(add.editionsRead, 1, "the scan reads the new edition only");
  assert.ok(add.manifestsKept >= 3, `the reused shards' editions and the kept index folders keep their manifests (${add.manifestsKept})`);
  await assertSameSite(wholeBuild(content), site, "an edition added");
  assertManifestsOfWalk(site, "an edition added");

  // An edited article in the oldest corpus edition: its shard only.
  const dated = editions(content).filter((e) => /^\d{4}-\d{2}-\d{2}$/u.test(e));
  const oldest = dated[0]!;
  const edited = join(content, oldest, "01", articlesOf(content, oldest)[0]!);
  writeFileSync(edited, `${readFileSync(edited, "utf8")}\n编者按：本文已更正。\n`);
  const edit = build(content, site);
  assert.is(edit.shards - edit.reused, 1, "editing an article renders its shard only");
  assert.is(edit.index, "whole", "an edit among the base's articles builds the index whole");
  assert.is(edit.editionsRead, 1, "the scan reads the edited edition only");
  await assertSameSite(wholeBuild(content), site, "an article edited");
  assertManifestsOfWalk(site, "an article edited");

  // A deleted article in an edition in the middle: its shard only (no boundary moves).
  const middle = dated[Math.floor(dated.length / 2)]!;
  rmSync(join(content, middle, "01", articlesOf(content, middle).at(-1)!));
  const del = build(content, site);
  assert.is(del.shards, edit.shards, "deleting an article moves no shard boundary");
  assert.is(del.shards - del.reused, 1, "deleting an article renders its shard only");
  await assertSameSite(wholeBuild(content), site, "an article deleted");
  assertManifestsOfWalk(site, "an article deleted");

  // A damaged cache: one entry garbled, another's search documents cut short. Both shards render again.
  const entries = join(cacheFolder(site), "shards");
  const names = readdirSync(entries).filter((n) => n.endsWith(".json")).sort();
  assert.ok(names.length >= 2);
  writeFileSync(join(entries, names[0]!), "{ not json");
  const documents = join(entries, names[1]!.replace(/\.json$/u, ".jsonl"));
  writeFileSync(documents, readFileSync(documents, "utf8").slice(0, 100));
  const damaged = build(content, site);
  assert.is(damaged.shards - damaged.reused, 2, "the two damaged entries are rendered again, the rest reused");
  await assertSameSite(wholeBuild(content), site, "a damaged cache");
  assertManifestsOfWalk(site, "a damaged cache");
});

test.run();
