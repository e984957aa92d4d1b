/**
 * Scale report: the results of `npm run bench -- --scale` (scale-run.ts) as one JSON
 * document, the issue's scale targets checked against them as rows met / missed / not
 * measured, and the Markdown table the README's scale section pastes
 * (bench/results/scale-latest.md), kept apart from the normal benchmark's report.ts.
 */
import type { ManifestDiff } from "./site-manifest.ts";

export interface StepRun {
  ms: number;
  /** Peak resident memory of the step's whole process tree, bytes. */
  peakBytes: number;
  /** Load average (1, 5, 15 min) before and after the step. */
  loadBefore: number[];
  loadAfter: number[];
}

export interface SearchFigures {
  /** First query on a cold page, median over the queries of each query's median: bytes on the wire (gzip) and raw. */
  coldWireMedian: number;
  coldRawMedian: number;
  coldWireMax: number;
  coldMsMedian: number;
  warmMedianMs: number;
  warmP95Ms: number;
}

export interface ScaleSizeResult {
  articles: number;
  /** Editions that earlier runs (kept with --keep, reused with --scale-from) had added already. */
  editionsAddedBefore: string[];
  archive: { reused: boolean; writeMs?: number };
  /** With `reused`, the figures of the run that built the site (its date and commit). */
  fullBuild: StepRun & { reused?: { date: string; commit: string } };
  addEdition: StepRun & { edition: string; articles: number; filesBefore: number; filesAfter: number; files: ManifestDiff };
  index: { files: number; bytes: number; gzip: number; metaBytes: number | null; metaGzip: number | null; folders: Record<string, number> };
  search: { queries: number; banmian: SearchFigures; pagefind: SearchFigures | null };
  pagefind: StepRun & {
    completed: boolean;
    /** Why it did not complete (a cap, or its exit). */
    stopped?: string;
    bundle?: { files: number; bytes: number; gzip: number };
    reused?: { date: string; commit: string };
  };
  chromium: string;
}

export interface Reference10k {
  /** Where the 10,000-article figure comes from. */
  source: string;
  coldWireMedian: number;
}

export interface TargetRow {
  target: string;
  measured: string;
  /** null: not measured in this run (and why is in `measured`). */
  met: boolean | null;
}

export interface ScaleResults {
  date: string;
  machine: { cpu: string; cores: number; memoryGB: number; os: string; node: string };
  versions: Record<string, string>;
  settings: {
    coldRuns: number;
    warmRounds: number;
    editionArticles: number;
    pagefindCaps: { maxMs: number; maxBytes: number };
    scaleFrom?: string;
    durationSeconds: number;
  };
  sizes: ScaleSizeResult[];
  reference10k: Reference10k | null;
  targets: TargetRow[];
}

const GB = 2 ** 30;
export const TARGETS = { peakBytes: 2 * GB, linearSlack: 1.2, editionMs: 15_000, coldBytesVs10k: 1.5, coldBytesVsPagefind: 0.5, warmP95Ms: 50 } as const;

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const dur = (ms: number) => (ms >= 120_000 ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s` : sec(ms));
const msf = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;
const mb = (bytes: number) => `${int(bytes / 2 ** 20)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
const size = (bytes: number) => (bytes >= 2 ** 30 ? `${(bytes / GB).toFixed(1)} GB` : bytes >= 2 ** 20 ? mb(bytes) : kb(bytes));
const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(" ");

/**
 * The issue's targets, on the sizes of one run: peak memory at every size; on the largest
 * size L, the build time against the smallest S (at most 1.2 × L/S times it: 12× for
 * 200,000 over 20,000), the added edition, the cold first-query bytes against 10,000
 * articles and against Pagefind, and the warm p95. The issue states them at 200,000;
 * a run without that size checks them at its largest and says so.
 */
export function scaleTargets(sizes: readonly ScaleSizeResult[], reference10k: Reference10k | null): TargetRow[] {
  if (sizes.length === 0) return [];
  const rows: TargetRow[] = [];
  for (const s of sizes) {
    const peak = Math.max(s.fullBuild.peakBytes, s.addEdition.peakBytes);
    rows.push({
      target: `Peak build memory ≤ 2 GB, ${int(s.articles)} articles`,
      measured: `full build ${mb(s.fullBuild.peakBytes)}; edition added ${mb(s.addEdition.peakBytes)}`,
      met: peak <= TARGETS.peakBytes,
    });
  }
  const sorted = [...sizes].sort((a, b) => a.articles - b.articles);
  const small = sorted[0]!;
  const large = sorted[sorted.length - 1]!;
  const at = `at ${int(large.articles)}${large.articles === 200_000 ? "" : " (the issue says 200,000)"}`;
  if (large.articles > small.articles) {
    const limit = TARGETS.linearSlack * (large.articles / small.articles);
    const r = large.fullBuild.ms / small.fullBuild.ms;
    rows.push({
      target: `Full build ${at} ≤ ${limit.toFixed(1)}× the ${int(small.articles)} time (no worse than linear, with 20% slack)`,
      measured: `${r.toFixed(2)}× (${dur(large.fullBuild.ms)} vs ${dur(small.fullBuild.ms)})`,
      met: r <= limit,
    });
  } else {
    rows.push({ target: "Full build growing no faster than linearly", measured: "one size only: not measured", met: null });
  }
  rows.push({
    target: `One edition (${int(large.addEdition.articles)} articles) added ${at} in ≤ 15 s`,
    measured: `${sec(large.addEdition.ms)}; ${int(large.addEdition.files.added + large.addEdition.files.changed)} files added or changed, ${int(large.addEdition.files.removed)} removed`,
    met: large.addEdition.ms <= TARGETS.editionMs,
  });
  const b = large.search.banmian;
  rows.push(
    reference10k
      ? {
          target: `Cold first-query bytes ${at} ≤ 1.5× those at 10,000`,
          measured: `${(b.coldWireMedian / reference10k.coldWireMedian).toFixed(2)}× (${kb(b.coldWireMedian)} vs ${kb(reference10k.coldWireMedian)}, the 10,000 figure from ${reference10k.source})`,
          met: b.coldWireMedian <= TARGETS.coldBytesVs10k * reference10k.coldWireMedian,
        }
      : { target: `Cold first-query bytes ${at} ≤ 1.5× those at 10,000`, measured: "no 10,000 figure (no 10,000 row, no bench/results/latest.json)", met: null },
  );
  const p = large.search.pagefind;
  rows.push(
    p
      ? {
          target: `Cold first-query bytes ${at} ≤ ½ of Pagefind's`,
          measured: `${(b.coldWireMedian / p.coldWireMedian).toFixed(2)}× (${kb(b.coldWireMedian)} vs ${kb(p.coldWireMedian)})`,
          met: b.coldWireMedian <= TARGETS.coldBytesVsPagefind * p.coldWireMedian,
        }
      : { target: `Cold first-query bytes ${at} ≤ ½ of Pagefind's, where Pagefind completes`, measured: `Pagefind did not complete: ${large.pagefind.stopped ?? "?"}`, met: null },
  );
  rows.push({ target: `Warm query p95 ${at} < 50 ms`, measured: msf(b.warmP95Ms), met: b.warmP95Ms < TARGETS.warmP95Ms });
  return rows;
}

function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [row(head), row(head.map(() => "---")), ...rows.map(row)].join("\n");
}

const metCell = (m: boolean | null) => (m === null ? "not measured" : m ? "yes" : "**no**");

export function renderScaleMarkdown(r: ScaleResults): string {
  const v = r.versions;
  const head = ["", ...r.sizes.map((s) => `${int(s.articles)} articles`)];
  const each = (f: (s: ScaleSizeResult) => string) => r.sizes.map(f);
  const reusedNote = (x?: { date: string; commit: string }) => (x ? ` (from the run of ${x.date.slice(0, 10)}, commit ${x.commit})` : "");
  const pagefindCell = (s: ScaleSizeResult) =>
    s.pagefind.completed ? `${dur(s.pagefind.ms)}, ${mb(s.pagefind.peakBytes)}${reusedNote(s.pagefind.reused)}` : `did not complete: ${s.pagefind.stopped ?? "?"}`;
  const pf = (s: ScaleSizeResult, f: (x: SearchFigures) => string) => (s.search.pagefind ? f(s.search.pagefind) : "–");
  const files = (d: ManifestDiff) => `${int(d.added)} added, ${int(d.changed)} changed, ${int(d.removed)} removed, ${int(d.unchanged)} unchanged (${int(d.rewrittenUnchanged)} of them written again)`;
  const lines = [
    `#### Scale results (${r.date.slice(0, 10)})`,
    "",
    `Measured by \`npm run bench -- --scale\` (commit ${v.commit}) on ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGB} GB, ${r.machine.os}, Node ${r.machine.node}; ` +
      `Eleventy ${v.eleventy}, Pagefind ${v.pagefind}, Chromium ${v.chromium}. Archives from \`scripts/corpus-to-content.ts --repeat\`; one run of each build, ` +
      `peak memory the largest sum over the process tree; queries: median of ${r.settings.coldRuns} cold runs per query, ${r.settings.warmRounds} warm rounds. ` +
      `Pagefind stopped above ${size(r.settings.pagefindCaps.maxBytes)} or ${dur(r.settings.pagefindCaps.maxMs)}. ` +
      `${r.settings.scaleFrom ? `Archives and sites reused from ${r.settings.scaleFrom} where there. ` : ""}The whole run took ${Math.round(r.settings.durationSeconds / 60)} minutes.`,
    "",
    table(head, [
      ["Full build: wall time, peak memory", ...each((s) => `${dur(s.fullBuild.ms)}, ${mb(s.fullBuild.peakBytes)}${reusedNote(s.fullBuild.reused)}`)],
      ["… load average before → after", ...each((s) => `${load(s.fullBuild.loadBefore)} → ${load(s.fullBuild.loadAfter)}`)],
      ["One edition added, built again: wall time, peak memory", ...each((s) => `${dur(s.addEdition.ms)}, ${mb(s.addEdition.peakBytes)} (${int(s.addEdition.articles)} articles, ${s.addEdition.edition})`)],
      ["… site files: added, changed, removed, unchanged", ...each((s) => files(s.addEdition.files))],
      ["… bytes of the files added or changed", ...each((s) => size(s.addEdition.files.bytesWritten))],
      ["… load average before → after", ...each((s) => `${load(s.addEdition.loadBefore)} → ${load(s.addEdition.loadAfter)}`)],
      ["Index: files; total (gzip)", ...each((s) => `${int(s.index.files)}; ${size(s.index.bytes)} (${size(s.index.gzip)})`)],
      ["… meta part (gzip)", ...each((s) => (s.index.metaBytes === null ? "no meta part" : `${size(s.index.metaBytes)} (${size(s.index.metaGzip!)})`))],
      ["First query, cold page: fetched, gzip (median over queries)", ...each((s) => `${kb(s.search.banmian.coldWireMedian)}; Pagefind ${pf(s, (x) => kb(x.coldWireMedian))}`)],
      ["… the largest", ...each((s) => `${kb(s.search.banmian.coldWireMax)}; Pagefind ${pf(s, (x) => kb(x.coldWireMax))}`)],
      ["… time to first results (median)", ...each((s) => `${msf(s.search.banmian.coldMsMedian)}; Pagefind ${pf(s, (x) => msf(x.coldMsMedian))}`)],
      ["Warm query p50; p95", ...each((s) => `${msf(s.search.banmian.warmMedianMs)}; ${msf(s.search.banmian.warmP95Ms)} (Pagefind ${pf(s, (x) => `${msf(x.warmMedianMs)}; ${msf(x.warmP95Ms)}`)})`)],
      ["Pagefind indexing the same site: time, peak memory", ...each(pagefindCell)],
      ["… its bundle: files; total (gzip)", ...each((s) => (s.pagefind.bundle ? `${int(s.pagefind.bundle.files)}; ${size(s.pagefind.bundle.bytes)} (${size(s.pagefind.bundle.gzip)})` : "–"))],
    ]),
    "",
    "##### Scale targets",
    "",
    table(
      ["target", "measured", "met"],
      r.targets.map((t) => [t.target, t.measured, metCell(t.met)]),
    ),
    "",
    `Queries: the normal benchmark's list (bench/queries.ts: ${r.sizes[0]?.search.queries ?? "?"} queries, common words and known items drawn from each site). ` +
      "Files: a manifest (path, size, modification time, inode, sha1) of the site before and after the edition's build; \"changed\" compares content, \"written again\" counts unchanged files with a new inode or time.",
    "",
  ];
  return `${lines.join("\n")}\n`;
}
