/**
 * Node answers: Banmian's engine in Node on the built index (the code the browser runs),
 * for what the browser does not show: the exact-phrase counts and the known items' ranks.
 */
import { nodePartSource } from "../src/search/build/node-part-source.ts";
import { SearchEngine } from "../src/search/query/query-engine.ts";
import type { BenchQuery } from "./queries.ts";

export interface NodeAnswer {
  total: number;
  /** Hits in the top tier (the whole query as one phrase). */
  phrase: number;
  words: string[];
  sourceRank: number | undefined;
  hitDocs: number[];
}

export async function nodeAnswers(site: string, queries: readonly BenchQuery[]): Promise<NodeAnswer[]> {
  const engine = await SearchEngine.open(nodePartSource(site));
  const answers: NodeAnswer[] = [];
  for (const q of queries) {
    const r = await engine.search(q.q);
    answers.push({
      total: r.hits.length,
      phrase: r.hits.filter((h) => h.tier === 2).length,
      words: r.query.parts.flatMap((p) => p.words.map((w) => w.text)),
      sourceRank: q.source === undefined ? undefined : r.hits.findIndex((h) => h.doc === q.source),
      hitDocs: r.hits.map((h) => h.doc),
    });
  }
  return answers;
}
