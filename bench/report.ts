/**
 * Report: the benchmark's results (run.ts) as one JSON document and as
 * Markdown tables written to be pasted into the README's benchmark section as they are.
 */
import type { KeywordSection } from "./keyword-queries.ts";

export interface Stat {
  /** Wall time of each run, ms. */
  ms: number[];
  medianMs: number;
  /** Peak resident memory of each run, bytes. */
  peakBytes: number[];
  maxPeakBytes: number;
  /** Time measured inside the process (lunr-languages: the lunr(...) call alone). */
  innerMs?: number[];
  medianInnerMs?: number;
}

export interface Cold {
  ms: number;
  raw: number;
  wire: number;
  requests: number;
}

export interface QueryResult {
  q: string;
  kind: "common" | "known-item";
  /** Articles whose normalized text contains the query. */
  containing: number;
  /** Known item: URL of the article it was drawn from. */
  source?: string;
  banmian: {
    /** Results in the browser. */
    total: number;
    /** Results of the same engine in Node (must equal `total`). */
    nodeTotal: number;
    /** Results in the top tier: the whole query as one phrase. */
    phrase: number;
    /** The phrase results are exactly the articles containing the query. */
    phraseExact: boolean;
    /** The words the query parser made of the query (each must occur). */
    words: string[];
    /** Rank of the known item among all results (0 = first, -1 = missing). */
    sourceRank?: number;
    sourceInTop10?: boolean;
    cold: Cold;
    /** The first query a second after the search box's warm-up (focus). */
    focused?: Cold;
    warmMedianMs: number;
  };
  pagefind: { total: number; sourceRank?: number; cold: Cold; focused?: Cold; warmMedianMs: number };
  lunrLanguages: { total: number; sourceRank?: number };
}

export interface SearchSummary {
  coldWireMedian: number;
  coldRawMedian: number;
  coldWireMax: number;
  coldMsMedian: number;
  /** After the warm-up (absent in results from before it was measured). */
  focusedMsMedian?: number;
  focusedWireMedian?: number;
  warmMedianMs: number;
  warmP95Ms: number;
}

export interface ArchiveResult {
  articles: number;
  builds: { banmianFull: Stat; plainEleventy: Stat; banmianIndex: Stat; pagefind: Stat; lunrLanguages: Stat };
  sizes: {
    /** Bytes of the search documents as JSON Lines (the key keeps the name of the documents.json earlier runs measured). */
    documentsJson: number;
    banmian: { files: number; bytes: number; gzip: number; metaBytes: number; metaGzip: number; postingsParts: number; docsParts: number };
    pagefind: { files: number; bytes: number; gzip: number };
    lunrLanguages: { bytes: number; gzip: number };
  };
  queries: QueryResult[];
  search: { banmian: SearchSummary; pagefind: SearchSummary };
  /** The keyword set (keyword-queries.ts), on the archive of its size only. */
  keywords?: KeywordSection;
  chromium: string;
}

export interface BenchResults {
  date: string;
  machine: { cpu: string; cores: number; memoryGB: number; os: string; node: string };
  versions: Record<string, string>;
  settings: { runs: number; coldRuns: number; focusedRuns?: number; warmRounds: number; corpus: string; durationSeconds: number };
  archives: ArchiveResult[];
}

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ms = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
const size = (bytes: number) => (bytes >= 2 ** 20 ? mb(bytes) : kb(bytes));
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const rank = (r: number | undefined) => (r === undefined ? "" : r < 0 ? "not found" : `${r + 1}`);
const yes = (ok: boolean) => (ok ? "yes" : "**no**");

function row(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [row(head), row(head.map(() => "---")), ...rows.map(row)].join("\n");
}

function buildTable(archives: readonly ArchiveResult[]): string {
  const cell = (s: Stat) => `${sec(s.medianMs)}, ${mb(s.maxPeakBytes)}`;
  const head = ["", ...archives.map((a) => `${int(a.articles)} articles`)];
  return table(head, [
    ["Banmian full build (pages, search documents and index, offline manifest)", ...archives.map((a) => cell(a.builds.banmianFull))],
    ["Plain Eleventy, same templates, no index", ...archives.map((a) => cell(a.builds.plainEleventy))],
    ["**Full build ÷ plain Eleventy**", ...archives.map((a) => ratio(a.builds.banmianFull.medianMs, a.builds.plainEleventy.medianMs))],
    ["Banmian index step alone (scripts/build-index.ts)", ...archives.map((a) => cell(a.builds.banmianIndex))],
    ["Pagefind indexing the same site", ...archives.map((a) => cell(a.builds.pagefind))],
    ["**Index step ÷ Pagefind**", ...archives.map((a) => ratio(a.builds.banmianIndex.medianMs, a.builds.pagefind.medianMs))],
    [
      "lunr-languages zh (jieba): process; lunr(…) alone",
      ...archives.map((a) => `${cell(a.builds.lunrLanguages)}; ${sec(a.builds.lunrLanguages.medianInnerMs ?? NaN)}`),
    ],
  ]);
}

function sizeTable(archives: readonly ArchiveResult[]): string {
  const head = ["", ...archives.map((a) => `${int(a.articles)} articles`)];
  return table(head, [
    ["Banmian index: files; total (gzip)", ...archives.map((a) => `${int(a.sizes.banmian.files)}; ${size(a.sizes.banmian.bytes)} (${size(a.sizes.banmian.gzip)})`)],
    [
      "… postings parts + docs parts + meta",
      ...archives.map((a) => `${int(a.sizes.banmian.postingsParts)} + ${int(a.sizes.banmian.docsParts)} + 1`),
    ],
    ["… meta part, loaded by every query (gzip)", ...archives.map((a) => `${kb(a.sizes.banmian.metaBytes)} (${kb(a.sizes.banmian.metaGzip)})`)],
    ["Pagefind bundle: files; total (gzip)", ...archives.map((a) => `${int(a.sizes.pagefind.files)}; ${size(a.sizes.pagefind.bytes)} (${size(a.sizes.pagefind.gzip)})`)],
    ["lunr-languages: one JSON file (gzip)", ...archives.map((a) => `${size(a.sizes.lunrLanguages.bytes)} (${size(a.sizes.lunrLanguages.gzip)})`)],
    ["The articles' text (search documents, JSON Lines)", ...archives.map((a) => size(a.sizes.documentsJson))],
  ]);
}

function searchTable(archives: readonly ArchiveResult[]): string {
  const head = ["", ...archives.flatMap((a) => [`${int(a.articles)}: Banmian`, "Pagefind", "ratio"])];
  const line = (label: string, f: (s: SearchSummary) => number, show: (x: number) => string) => [
    label,
    ...archives.flatMap((a) => [show(f(a.search.banmian)), show(f(a.search.pagefind)), ratio(f(a.search.banmian), f(a.search.pagefind))]),
  ];
  return table(head, [
    line("First query, cold page: fetched, gzip (median over queries)", (s) => s.coldWireMedian, kb),
    line("… raw", (s) => s.coldRawMedian, kb),
    line("… gzip, the largest", (s) => s.coldWireMax, kb),
    line("Time to first results, cold (median over queries)", (s) => s.coldMsMedian, ms),
    ...(archives.every((a) => a.search.banmian.focusedMsMedian !== undefined)
      ? [
          line("… a second after the box's warm-up (Banmian: focus; Pagefind: init())", (s) => s.focusedMsMedian!, ms),
          line("… fetched by that query, gzip (median)", (s) => s.focusedWireMedian!, kb),
        ]
      : []),
    line("Warm query, median", (s) => s.warmMedianMs, ms),
    line("Warm query, p95", (s) => s.warmP95Ms, ms),
  ]);
}

function keywordTable(k: KeywordSection): string {
  const line = (name: string, s: KeywordSection["banmian"], bytes: string) => [name, `${s.allRelevantInTop10} of ${k.queries}`, int(s.zeroResults), bytes];
  const wire = (s: KeywordSection["banmian"]) => `${kb(s.coldWireMedian)} (${kb(s.coldWireMax)})`;
  return table(
    ["", "all relevant in the top 10", "zero-result queries", "first query, cold page, gzip: median (largest)"],
    [
      line("Banmian", k.banmian, wire(k.banmian)),
      line("Pagefind", k.pagefind, wire(k.pagefind)),
      line("lunr-languages zh (jieba)", k.lunrLanguages, `${size(k.lunrLanguages.coldWireMedian)}, its whole index`),
    ],
  );
}

function queryTable(a: ArchiveResult): string {
  const head = [
    "query",
    "articles containing it",
    "Banmian results (exact phrase)",
    "Pagefind results",
    "lunr-languages results",
    "known item rank: Banmian / Pagefind / lunr-languages",
    "cold KB gzip: Banmian / Pagefind",
    "cold ms: Banmian / Pagefind",
  ];
  return table(
    head,
    a.queries.map((q) => [
      q.banmian.words.length > 1 ? `${q.q} (${q.banmian.words.join(" + ")})` : q.q,
      int(q.containing),
      `${int(q.banmian.total)} (${int(q.banmian.phrase)})`,
      int(q.pagefind.total),
      int(q.lunrLanguages.total),
      q.kind === "known-item" ? `${rank(q.banmian.sourceRank)} / ${rank(q.pagefind.sourceRank)} / ${rank(q.lunrLanguages.sourceRank)}` : "",
      `${kb(q.banmian.cold.wire)} / ${kb(q.pagefind.cold.wire)}`,
      `${Math.round(q.banmian.cold.ms)} / ${Math.round(q.pagefind.cold.ms)}`,
    ]),
  );
}

/** The issue's targets, checked on the largest archive of 10,000 articles or more (else the largest). */
function targetTable(a: ArchiveResult): string {
  const b = a.search.banmian;
  const p = a.search.pagefind;
  const perQueryBytes = a.queries.map((q) => q.banmian.cold.wire / q.pagefind.cold.wire);
  const perQueryMs = a.queries.map((q) => q.banmian.cold.ms / q.pagefind.cold.ms);
  const worst = (xs: number[]) => Math.max(...xs);
  const known = a.queries.filter((q) => q.kind === "known-item");
  const knownOk = known.filter((q) => (q.containing === 1 ? q.banmian.sourceInTop10 === true : (q.banmian.sourceRank ?? -1) >= 0));
  // Every run is one parser word and the index decides its splits, so a query returns the
  // articles holding it whole (its exact-phrase tier, ranked first) and then those holding
  // the words of a split: a dictionary word returns at least the articles containing it.
  const phraseExact = a.queries.filter((q) => q.banmian.phraseExact);
  const common = a.queries.filter((q) => q.kind === "common");
  const commonFirst = common.filter((q) => q.banmian.phraseExact && q.banmian.total >= q.containing);
  const k = a.keywords;
  const full = a.builds.banmianFull;
  return table(
    ["target", "measured", "met"],
    [
      [
        "First query, cold page, gzip: at most ½ of Pagefind's",
        `median ${ratio(b.coldWireMedian, p.coldWireMedian)}; worst query ${worst(perQueryBytes).toFixed(2)}×`,
        yes(worst(perQueryBytes) <= 0.5),
      ],
      [
        "Cold time to first results: at most ½ of Pagefind's",
        `median ${ratio(b.coldMsMedian, p.coldMsMedian)}; worst query ${worst(perQueryMs).toFixed(2)}×`,
        yes(b.coldMsMedian <= 0.5 * p.coldMsMedian),
      ],
      ["Warm query p95: no worse than Pagefind's, under 50 ms", `${ms(b.warmP95Ms)} vs ${ms(p.warmP95Ms)}`, yes(b.warmP95Ms <= p.warmP95Ms && b.warmP95Ms < 50)],
      ["Known items found (in the top 10 where the substring is unique)", `${knownOk.length} of ${known.length}`, yes(knownOk.length === known.length)],
      [
        "Every query's exact-phrase tier, ranked first, is exactly the articles containing it; a dictionary word returns at least those articles, first",
        `${phraseExact.length} of ${a.queries.length} queries; ${commonFirst.length} of ${common.length} common words`,
        yes(phraseExact.length === a.queries.length && commonFirst.length === common.length),
      ],
      ...(k
        ? [
            [
              `Keyword queries (${int(k.queries)}): all relevant in the top 10 for at least ${k.queries - 1}, none with zero results`,
              `${k.banmian.allRelevantInTop10} of ${k.queries}; ${k.banmian.zeroResults} with zero results`,
              yes(k.banmian.allRelevantInTop10 >= k.queries - 1 && k.banmian.zeroResults === 0),
            ],
          ]
        : []),
      ["Index step no slower than Pagefind", ratio(a.builds.banmianIndex.medianMs, a.builds.pagefind.medianMs), yes(a.builds.banmianIndex.medianMs <= a.builds.pagefind.medianMs)],
      ["Whole build at most 2× plain Eleventy", ratio(full.medianMs, a.builds.plainEleventy.medianMs), yes(full.medianMs <= 2 * a.builds.plainEleventy.medianMs)],
      ["Peak memory of the whole build under 1 GB", mb(full.maxPeakBytes), yes(full.maxPeakBytes < 2 ** 30)],
    ],
  );
}

/**
 * The report. Its first part, down to the targets, is written at the heading levels of the
 * README's "Search at archive scale" section (#### and #####), to be pasted there as is;
 * the tables of every query follow.
 */
export function renderMarkdown(r: BenchResults): string {
  const target = [...r.archives].reverse().find((a) => a.articles === 10000) ?? r.archives[r.archives.length - 1]!;
  const v = r.versions;
  const lines = [
    `#### Latest results (${r.date.slice(0, 10)})`,
    "",
    `Measured by \`npm run bench\` (commit ${v.commit}) on ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGB} GB, ${r.machine.os}, Node ${r.machine.node}; ` +
      `Eleventy ${v.eleventy}, lunr ${v.lunr}, lunr-languages ${v.lunrLanguages} with @node-rs/jieba ${v.jieba}, Pagefind ${v.pagefind}, Chromium ${v.chromium}. ` +
      `Builds: median of ${r.settings.runs} runs, peak memory the largest of them (max RSS of the process). Queries: median of ${r.settings.coldRuns} cold runs per query${r.settings.focusedRuns ? ` and ${r.settings.focusedRuns} after the warm-up` : ""}, ` +
      `${r.settings.warmRounds} warm rounds. The machine is shared with other work, so single timings are noisy; ratios compare medians from the same run. ` +
      `The whole run took ${Math.round(r.settings.durationSeconds / 60)} minutes.`,
    "",
    "##### Building",
    "",
    buildTable(r.archives),
    "",
    "##### Index size",
    "",
    sizeTable(r.archives),
    "",
    "##### Searching (headless Chromium over localhost, gzip)",
    "",
    searchTable(r.archives),
    "",
    `##### Targets at ${int(target.articles)} articles`,
    "",
    targetTable(target),
    "",
    "The exact-phrase target: the query parser keeps each run of Chinese characters one word and the index decides how it splits, so a query " +
      "returns the articles holding it as one string (its exact-phrase tier, which ranks first) and after them those holding the words of a split; " +
      "a common word (高质量发展) thus returns at least every article containing it, those first, and the tier must be exactly those articles for every query.",
    "",
    ...r.archives.flatMap((a) =>
      a.keywords
        ? [
            `##### Keyword queries, ${int(a.articles)} articles`,
            "",
            keywordTable(a.keywords),
            "",
            `test/fixtures/queries/corpus-keyword-dev.json (${a.keywords.queries} queries): two or three words of one article typed together, spaced, reversed or in traditional characters, never adjacent in any article; ` +
              "\"all relevant\": every article holding all the words is among the first ten results. Banmian and Pagefind: one cold run per query in the browser; " +
              "lunr-languages: its index in Node (the same as it would answer in a page), which a first query fetches whole.",
            "",
          ]
        : [],
    ),
    ...r.archives.flatMap((a) => [`##### Queries, ${int(a.articles)} articles`, "", queryTable(a), ""]),
    `Words in parentheses: the query parser's words (each run of Chinese characters whole: the index decides how it splits), each of which must occur, whole or as the words of a split; the exact phrase ranks first. ` +
      `"Exact phrase": Banmian's results containing the whole query as one string. Known item rank: position of the article the substring was drawn from (1 = first).`,
    "",
  ];
  return `${lines.join("\n")}\n`;
}
