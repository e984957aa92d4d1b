/**
 * Warm segmenter: the query parser's Intl.Segmenter is slow the first time a renderer
 * process uses one, while ICU loads its Chinese word dictionary (the README gives the
 * cost); later ones, in any thread of the process, are quick. The page builds one once the
 * search worker runs (backend.ts), while the worker fetches postings and ranks the
 * query's runs whole (query-engine.ts), so the worker's own segmenter is ready when it
 * cuts the runs into words.
 */
type SegmenterClass = new (locale: string, options: object) => { segment(text: string): Iterable<unknown> };

export function warmSegmenter(): void {
  try {
    const S = (Intl as unknown as { Segmenter?: SegmenterClass }).Segmenter;
    if (S) for (const _ of new S("zh", { granularity: "word" }).segment("中文")) break;
  } catch {
    // No segmenter: the parser does without one.
  }
}
