/**
 * Query results: one archive's per-query results (report.ts, QueryResult) from the
 * browser pass, the Node answers and lunr-languages' run, and each system's summary
 * over the queries (medians; the warm p95 over every warm query).
 */
import type { SearchDocument } from "../src/search/format/documents.ts";
import type { System } from "./browser-bench.ts";
import { SYSTEMS, type BrowserPass } from "./browser-pass.ts";
import type { LunrLanguagesResult } from "./lunr-languages.ts";
import type { NodeAnswer } from "./node-answers.ts";
import type { BenchQuery } from "./queries.ts";
import type { ArchiveResult, Cold, QueryResult } from "./report.ts";
import { median, percentile } from "./stats.ts";

/** Medians of a query's cold runs. */
function coldMedians(runs: ReadonlyArray<{ ms: number; raw: number; wire: number; requests: number }>): Cold {
  return {
    ms: median(runs.map((c) => c.ms)),
    raw: median(runs.map((c) => c.raw)),
    wire: median(runs.map((c) => c.wire)),
    requests: median(runs.map((c) => c.requests)),
  };
}

export function queryResults(
  queries: readonly BenchQuery[],
  documents: readonly SearchDocument[],
  pass: BrowserPass,
  node: readonly NodeAnswer[],
  lunrResult: LunrLanguagesResult | undefined,
): QueryResult[] {
  const urlToDoc = new Map(documents.map((d, i) => [d.url, i]));
  return queries.map((q, i): QueryResult => {
    const b = pass.results.banmian[i]!;
    const p = pass.results.pagefind[i]!;
    const l = lunrResult?.queries[i];
    const answer = node[i]!;
    const banmianTop = b.top.map((u) => urlToDoc.get(u));
    const exactSet = new Set(q.containing);
    return {
      q: q.q,
      kind: q.kind,
      containing: q.containing.length,
      ...(q.source !== undefined ? { source: documents[q.source]!.url } : {}),
      banmian: {
        total: b.total,
        nodeTotal: answer.total,
        phrase: answer.phrase,
        phraseExact:
          answer.hitDocs.filter((d, k) => k < answer.phrase && exactSet.has(d)).length === q.containing.length && answer.phrase === q.containing.length,
        words: answer.words,
        ...(q.source !== undefined ? { sourceRank: answer.sourceRank!, sourceInTop10: banmianTop.includes(q.source) } : {}),
        cold: coldMedians(b.cold),
        focused: coldMedians(b.focused),
        warmMedianMs: median(b.warm),
      },
      pagefind: {
        total: p.total,
        ...(q.source !== undefined ? { sourceRank: pass.pagefindRanks[i]! } : {}),
        cold: coldMedians(p.cold),
        focused: coldMedians(p.focused),
        warmMedianMs: median(p.warm),
      },
      lunrLanguages: { total: l?.total ?? -1, ...(q.source !== undefined ? { sourceRank: l?.sourceRank ?? -1 } : {}) },
    };
  });
}

/** Each system's summary over the queries. */
export function searchSummary(results: readonly QueryResult[], pass: BrowserPass): ArchiveResult["search"] {
  const allWarm = (s: System) => pass.results[s].flatMap((r) => r.warm);
  return Object.fromEntries(
    SYSTEMS.map((s) => [
      s,
      {
        coldWireMedian: median(results.map((q) => q[s].cold.wire)),
        coldRawMedian: median(results.map((q) => q[s].cold.raw)),
        coldWireMax: Math.max(...results.map((q) => q[s].cold.wire)),
        coldMsMedian: median(results.map((q) => q[s].cold.ms)),
        focusedMsMedian: median(results.map((q) => q[s].focused!.ms)),
        focusedWireMedian: median(results.map((q) => q[s].focused!.wire)),
        warmMedianMs: median(allWarm(s)),
        warmP95Ms: percentile(allWarm(s), 95),
      },
    ]),
  ) as ArchiveResult["search"];
}
