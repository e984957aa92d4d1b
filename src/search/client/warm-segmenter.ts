/**
 * Warm segmenter: the query parser's Intl.Segmenter costs about 40 ms the first time a
 * renderer process builds one, while ICU loads its Chinese word dictionary; later ones,
 * in any thread of the process, take well under a millisecond. The page builds one as it
 * starts the search worker, while the worker's script is still on its way, so the
 * worker's own segmenter (query-parser.ts) is ready at once for the first query.
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
