/**
 * Measures the search index (not a test: run it by hand, `npx tsx test/search/bench.ts`):
 * for the sample archive and 2,000 corpus articles, the index files' size raw and gzipped
 * (per part kind, and what a first query downloads), the build time, and query times
 * cold (first query: meta and postings parts loaded) and warm (substring queries drawn as
 * in the recall test). Also the size of the T2S table, and Lunr's own JSON for comparison.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildIndex } from "../../src/search/build/build-index.ts";
import { readDocuments } from "../../src/search/build/read-documents.ts";
import { INDEX_DIR } from "../../src/search/format/index-format.ts";
import { writeIndex } from "../../src/search/build/index-writer.ts";
import { nodePartSource } from "../../src/search/build/node-part-source.ts";
import { SearchEngine } from "../../src/search/query/query-engine.ts";
import { corpusFile, corpusToDocuments, drawSubstrings, makeSite, readCorpus, removeSite, repoRoot, sampleDocuments, type CorpusArticle } from "./helpers.ts";

function files(dir: string, prefix = ""): Array<[string, Buffer]> {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, `${prefix}${name}/`) : [[`${prefix}${name}`, readFileSync(path)] as [string, Buffer]];
  });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function measure(name: string, site: string, articles: CorpusArticle[] | null): Promise<void> {
  const builds: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await buildIndex(site);
    const used = process.cpuUsage(c);
    builds.push(performance.now() - t);
    cpus.push((used.user + used.system) / 1000);
  }
  builds.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  const all = files(join(site, INDEX_DIR));
  const sum = (list: Array<[string, Buffer]>): [number, number] => [list.reduce((s, [, b]) => s + b.length, 0), list.reduce((s, [, b]) => s + gzipSync(b, { level: 9 }).length, 0)];
  const kinds = ["meta", "postings", "docs"].map((k) => [k, sum(all.filter(([p]) => p.startsWith(k)))] as const);
  const [raw, gz] = sum(all);
  const docs = (await readDocuments(site)).documents;
  const lunrJson = JSON.stringify(writeIndex(docs, { builder: "lunr" }).builder!.build());

  const coldStart = performance.now();
  const engine = await SearchEngine.open(nodePartSource(site));
  const first = await engine.search("职工");
  await engine.results(first, 0, 10);
  const cold = performance.now() - coldStart;

  const queries = articles ? drawSubstrings(articles, 1000, 7).map((q) => q.text) : ["消防装备", "职工医疗互助", "安全生产月", "血压", "天幕", "江苏", "湖北工会网", "150余万元", "青年志愿者", "弥渡县", "以店养站", "职工 露营", "黄色预警", "醫院", "Eap讲座", "人", "工会"];
  const times: number[] = [];
  const withResults: number[] = [];
  for (let round = 0; round < (articles ? 1 : 20); round++) {
    for (const q of queries) {
      const t = performance.now();
      const r = await engine.search(q);
      await engine.results(r, 0, 10);
      times.push(performance.now() - t);
      withResults.push(r.hits.length);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!.toFixed(2);
  console.log(`\n## ${name}: ${docs.length} articles`);
  console.log(`index files: ${all.length}, ${raw} bytes (${kb(raw)}), gzip ${gz} bytes (${kb(gz)})`);
  for (const [k, [r, g]] of kinds) console.log(`  ${k}: ${r} bytes raw, ${g} gzip`);
  const firstQuery = sum(all.filter(([p]) => p === "meta.js" || p.startsWith("postings/")));
  console.log(`a first query downloads meta + postings: ${kb(firstQuery[0])} raw, ${kb(firstQuery[1])} gzip, plus ~${kb((kinds[2]![1][1] / docs.length) * 10)} gzip of docs parts for 10 results`);
  console.log(`lunr's own JSON of the same index: ${kb(lunrJson.length)} raw, ${kb(gzipSync(lunrJson).length)} gzip`);
  console.log(`build (read documents.json, analyze, lunr.Builder, encode, write): median ${builds[1]!.toFixed(0)} ms wall (${builds.map((b) => b.toFixed(0)).join(", ")}), ${cpus[1]!.toFixed(0)} ms CPU; heap after ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
  console.log(`first query cold (open, load parts, search, 10 results): ${cold.toFixed(1)} ms`);
  console.log(`warm query + 10 results with snippets, ${times.length} queries: median ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);
}

const t2s = readFileSync(join(repoRoot, "src/search/t2s-data.ts"));
console.log(`T2S table (src/search/t2s-data.ts): ${t2s.length} bytes, gzip ${gzipSync(t2s, { level: 9 }).length}`);

const sample = makeSite(sampleDocuments());
await measure("sample archive (content/)", sample, null);
removeSite(sample);

const path = corpusFile("news.jsonl");
if (path) {
  const articles = readCorpus(path, 2000);
  const site = makeSite(corpusToDocuments(articles));
  await measure("2,000 articles of corpus/news.jsonl", site, articles);
  removeSite(site);
}
