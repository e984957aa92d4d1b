/** Stats: the medians and percentiles the benchmark reports, and a build step's Stat. */
import type { Stat } from "./report.ts";
import type { Measured } from "./run-process.ts";

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Nearest-rank percentile. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** Times and peak memory of a step's runs (and its own inner timings, when it reports them). */
export function stat(samples: Measured[], inner?: number[]): Stat {
  const ms = samples.map((s) => s.ms);
  const peaks = samples.map((s) => s.peakBytes);
  const out: Stat = { ms, medianMs: median(ms), peakBytes: peaks, maxPeakBytes: Math.max(...peaks) };
  if (inner) {
    out.innerMs = inner;
    out.medianInnerMs = median(inner);
  }
  return out;
}
