/**
 * The scale benchmark's own logic, without a scale build: the site manifest's file-change
 * counting (bench/site-manifest.ts) on real files, the next edition's date
 * (bench/next-edition.ts), and the target rows (bench/scale-report.ts).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { newestEditionDate } from "../../bench/next-edition.ts";
import { renderScaleMarkdown, scaleTargets, type ScaleSizeResult } from "../../bench/scale-report.ts";
import { diffManifests, siteManifest } from "../../bench/site-manifest.ts";
import { tempDir } from "../helpers/site.ts";

test("the manifest diff counts added, changed, removed, unchanged and unchanged-but-rewritten files", () => {
  const dir = tempDir("scale-manifest");
  mkdirSync(join(dir, "a/b"), { recursive: true });
  for (const [f, text] of [["keep.html", "same"], ["a/touch.js", "bytes"], ["a/b/edit.html", "old"], ["gone.xml", "x"]]) writeFileSync(join(dir, f!), text!);
  const before = siteManifest(dir);
  assert.is(before.size, 4);
  writeFileSync(join(dir, "a/b/edit.html"), "new");
  rmSync(join(dir, "a/touch.js"));
  writeFileSync(join(dir, "a/touch.js"), "bytes");
  utimesSync(join(dir, "a/touch.js"), new Date(2001, 0, 1), new Date(2001, 0, 1));
  rmSync(join(dir, "gone.xml"));
  writeFileSync(join(dir, "a/new.html"), "added!");
  const d = diffManifests(before, siteManifest(dir));
  assert.equal(
    { added: d.added, changed: d.changed, removed: d.removed, unchanged: d.unchanged, rewritten: d.rewrittenUnchanged, bytes: d.bytesWritten },
    { added: 1, changed: 1, removed: 1, unchanged: 2, rewritten: 1, bytes: 6 + 3 },
  );
  assert.equal(d.examples, { added: ["a/new.html"], removed: ["gone.xml"], changed: ["a/b/edit.html"] });
  rmSync(dir, { recursive: true, force: true });
});

test("the next edition is dated the day after the newest, a month's date counting as its last day", () => {
  const dir = tempDir("scale-edition");
  const edition = (name: string, json: object) => {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, "edition.json"), JSON.stringify(json));
  };
  edition("a", { date: { value: "2026-08-22", status: "stated" } });
  edition("b", { date: { value: "2024-01-15", status: "stated" } });
  assert.is(newestEditionDate(dir), "2026-08-23");
  edition("c", { date: { value: "2026-12", status: "inferred", note: "" } });
  assert.is(newestEditionDate(dir), "2027-01-01");
  edition("d", { date: { value: null, status: "unknown" }, dateRange: { earliest: "2027-02-01", latest: "2027-02-28" } });
  assert.is(newestEditionDate(dir), "2027-03-01");
  rmSync(dir, { recursive: true, force: true });
});

const MB = 2 ** 20;
function size(articles: number, o: { fullMs: number; peak: number; editionMs: number; wire: number; pagefindWire: number | null; p95: number }): ScaleSizeResult {
  const run = { loadBefore: [1, 1, 1], loadAfter: [1, 1, 1] };
  const search = { coldWireMedian: o.wire, coldRawMedian: o.wire * 2, coldWireMax: o.wire, coldMsMedian: 100, warmMedianMs: 1, warmP95Ms: o.p95 };
  return {
    articles,
    editionsAddedBefore: [],
    archive: { reused: false },
    fullBuild: { ...run, ms: o.fullMs, peakBytes: o.peak },
    addEdition: {
      ...run,
      ms: o.editionMs,
      peakBytes: o.peak / 2,
      edition: "2026-08-23",
      articles: 100,
      filesBefore: 10,
      filesAfter: 12,
      files: { added: 2, changed: 3, removed: 0, unchanged: 7, rewrittenUnchanged: 7, bytesWritten: 1, examples: { added: [], removed: [], changed: [] } },
    },
    index: { files: 1, bytes: 1, gzip: 1, metaBytes: 1, metaGzip: 1, folders: {} },
    search: { queries: 27, banmian: search, pagefind: o.pagefindWire === null ? null : { ...search, coldWireMedian: o.pagefindWire } },
    pagefind: { ...run, ms: 1, peakBytes: 1, completed: o.pagefindWire !== null, ...(o.pagefindWire === null ? { stopped: "stopped at 16384 MB resident" } : {}) },
    chromium: "x",
  };
}

test("the targets: met, missed and not measured, checked on the largest size", () => {
  const small = size(20_000, { fullMs: 100_000, peak: 900 * MB, editionMs: 90_000, wire: 90_000, pagefindWire: 300_000, p95: 30 });
  const met = scaleTargets([small, size(200_000, { fullMs: 1_190_000, peak: 1900 * MB, editionMs: 14_000, wire: 130_000, pagefindWire: 300_000, p95: 49 })], { source: "t", coldWireMedian: 90_000 });
  assert.equal(met.map((t) => t.met), [true, true, true, true, true, true, true]);
  assert.match(met[2]!.target, /≤ 12\.0× the 20,000 time/u);
  const missed = scaleTargets([small, size(200_000, { fullMs: 1_210_000, peak: 2100 * MB, editionMs: 16_000, wire: 136_000, pagefindWire: 260_000, p95: 50 })], { source: "t", coldWireMedian: 90_000 });
  assert.equal(missed.map((t) => t.met), [true, false, false, false, false, false, false]);
  const unmeasured = scaleTargets([size(5_000, { fullMs: 1, peak: 1, editionMs: 1, wire: 1, pagefindWire: null, p95: 1 })], null);
  assert.equal(unmeasured.map((t) => t.met), [true, null, true, null, null, true]);
  assert.match(unmeasured[4]!.measured, /Pagefind did not complete: stopped at 16384 MB/u);
  assert.match(unmeasured[5]!.target, /at 5,000 \(the issue says 200,000\)/u);
});

test("the Markdown report has a column per size and a row per target", () => {
  const sizes = [size(20_000, { fullMs: 100_000, peak: 900 * MB, editionMs: 90_000, wire: 90_000, pagefindWire: null, p95: 30 })];
  const targets = scaleTargets(sizes, null);
  const md = renderScaleMarkdown({
    date: "2026-12-02T00:00:00Z",
    machine: { cpu: "cpu", cores: 2, memoryGB: 24, os: "linux", node: "v20" },
    versions: { commit: "abc", eleventy: "3", pagefind: "1.6", chromium: "1" },
    settings: { coldRuns: 3, warmRounds: 5, editionArticles: 100, pagefindCaps: { maxMs: 1_800_000, maxBytes: 16 * 2 ** 30 }, durationSeconds: 60 },
    sizes,
    reference10k: null,
    targets,
  });
  assert.match(md, /^\|\s+\| 20,000 articles \|$/mu);
  assert.match(md, /did not complete: stopped at 16384 MB resident/u);
  assert.match(md, /2 added, 3 changed, 0 removed, 7 unchanged \(7 of them written again\)/u);
  assert.is(md.split("\n").filter((l) => l.endsWith("| not measured |")).length, targets.filter((t) => t.met === null).length);
});

test.run();
