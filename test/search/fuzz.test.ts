/**
 * Property test: the query engine returns a result list, within a time bound and without
 * an internal error, for any input. The engine never throws: it reports a failure inside
 * it in `problems` ("search failed: …"), so the test reads them, and accepts only the
 * problems an input may rightly cause (a query cut to its length limit, a date filter
 * that is not a date). 100,000 seeded random inputs (Lunr syntax characters, quotes in every style and
 * balance, emoji and ZWJ sequences, CJK extension characters, control and invisible
 * characters, lone surrogates, full-width forms, fragments of real text, inputs up to
 * 10,000 characters), some with random filters, run over the sample archive: through
 * the engine, and then the same inputs through the search worker's protocol (its
 * message handler, worker-handler.ts, in Node), whose replies must hold no failure
 * (search-failure.ts) and no problem but those of the input.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildAndOpen, removeSite, sampleDocuments, seededRandom } from "./helpers.ts";
import type { SearchFilters } from "../../src/search/query/filters.ts";
import { nodePartSource } from "../../src/search/build/node-part-source.ts";
import { workerHandler } from "../../src/search/client/worker-handler.ts";
import type { SearchReply, WorkerAnswer, WorkerMessage } from "../../src/search/client/protocol.ts";

const RUNS = 100_000;
/**
 * Per query, in CPU time of this process (so that other work on a shared machine does
 * not count), with a looser bound on wall time against hangs. The median is far below a
 * millisecond; the bound leaves room for garbage collection.
 */
const BOUND_MS = 250;
const WALL_BOUND_MS = 5000;

/** What a reader's input may cause; any other problem is the engine failing inside. */
const INPUT_PROBLEMS = [/^query cut to its first \d+ characters \(of \d+\)$/u, /^ignored (from|to) date /u];

const documents = sampleDocuments();
const { dir, engine } = await buildAndOpen(documents);
const [columns, people] = [await engine.columns(), await engine.people()];
const text = documents.documents.flatMap((d) => [d.title, ...d.body]).join("");
const SEED = 20240615;
let rnd = seededRandom(SEED);
const int = (n: number) => Math.floor(rnd() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
const range = (lo: number, hi: number) => () => String.fromCodePoint(lo + int(hi - lo + 1));

const POOLS: Array<() => string> = [
  () => text[int(text.length)]!, // characters of the archive, so some queries match
  () => text[int(text.length)]!,
  range(0x4e00, 0x9fff),
  range(0x20000, 0x2a6df), // CJK extension B
  range(0x20, 0x7e),
  () => pick(["+", "-", "*", "~", "^", ":", "\\", "(", ")", "[", "]", "{", "}", "?", "|", "&", "!", "/"]),
  () => pick(['"', "“", "”", "＂", "「", "」", "『", "』", "'", "«", "»", "„"]),
  () => pick([" ", "  ", "\t", "\n", "\u3000", "\u00a0"]),
  () => pick(["😀", "👨‍👩‍👧", "🇨🇳", "👍🏽", "\u2764\ufe0f", "🀄"]),
  range(0x00, 0x1f),
  range(0x7f, 0x9f),
  () => pick(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\ufe0f", "\u{e0100}"]),
  range(0xff01, 0xff5e), // full-width ASCII
  () => pick(["\ud800", "\udfff", "\udbff"]), // lone surrogates
  range(0x300, 0x36f), // combining marks
  range(0x3040, 0x30ff), // kana
  range(0xac00, 0xd7a3), // hangul
  () => pick(["title:", "body:", "^10", "~2", "__proto__", "constructor", "8155.53", "4A", "EAP"]),
];

function randomInput(i: number): string {
  if (i % 5000 === 4999) return Array.from({ length: 10_000 }, () => pick(POOLS)()).join("").slice(0, 10_000);
  if (i % 7 === 0) {
    // A fragment of real text with a few random characters thrown in.
    const start = int(text.length);
    const chars = [...text.slice(start, start + 1 + int(12))];
    for (let k = int(3); k > 0; k--) chars.splice(int(chars.length + 1), 0, pick(POOLS)());
    return chars.join("");
  }
  const r = rnd();
  const length = r < 0.89 ? int(13) : r < 0.99 ? int(61) : int(301);
  let s = "";
  for (let k = 0; k < length; k++) s += pick(POOLS)();
  return s;
}

function randomFilters(): SearchFilters | undefined {
  if (rnd() > 0.1) return undefined;
  const f: SearchFilters = {};
  if (rnd() < 0.5) f.column = pick([...columns, "无此栏目", "", randomInput(1)]);
  if (rnd() < 0.5) f.person = pick([...people, "某人", randomInput(2)]);
  if (rnd() < 0.5) f.from = pick(["2023", "2023-06", "2023-06-11", "2024-13", "abc", "", randomInput(3)]);
  if (rnd() < 0.5) f.to = pick(["2023", "2023-06-30", "1999-02-31", randomInput(4)]);
  return f;
}

test(`${RUNS.toLocaleString("en")} random inputs each give a result list within ${BOUND_MS} ms of CPU, with no internal error`, async () => {
  let slowest = 0;
  let slowestInput = "";
  let withHits = 0;
  const started = performance.now();
  for (let i = 0; i < RUNS; i++) {
    const input = randomInput(i);
    const filters = randomFilters();
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const response = await engine.search(input, filters);
    if (i % 50 === 0) await engine.results(response, 0, 3);
    const cpu = process.cpuUsage(cpu0);
    const ms = (cpu.user + cpu.system) / 1000;
    const wall = performance.now() - t0;
    if (wall > WALL_BOUND_MS) assert.unreachable(`${wall.toFixed(0)} ms (wall) for ${JSON.stringify(input.slice(0, 60))}`);
    if (!Array.isArray(response.hits)) assert.unreachable(`no result list for ${JSON.stringify(input.slice(0, 40))}`);
    for (const h of response.hits) if (!(h.doc >= 0 && h.doc < documents.documents.length)) assert.unreachable(`bad hit ${h.doc}`);
    if (response.failure) assert.unreachable(`${response.failure.kind} failure ${JSON.stringify(response.failure.message)} for ${JSON.stringify(input.slice(0, 60))}`);
    const internal = response.problems.filter((p) => !INPUT_PROBLEMS.some((ok) => ok.test(p)));
    if (internal.length > 0) assert.unreachable(`${JSON.stringify(internal)} for ${JSON.stringify(input.slice(0, 60))}`);
    if (response.hits.length > 0) withHits++;
    if (ms > slowest) {
      slowest = ms;
      slowestInput = input;
    }
    if (ms > BOUND_MS) assert.unreachable(`${ms.toFixed(0)} ms (CPU) for ${JSON.stringify(input.slice(0, 60))} (${input.length} characters)`);
  }
  console.log(
    `  ${RUNS} inputs in ${Math.round(performance.now() - started)} ms, ${withHits} with results; slowest ${slowest.toFixed(1)} ms CPU (${slowestInput.length} characters)`,
  );
  assert.ok(withHits > RUNS / 20, "the inputs should also exercise matching, not only rejection");
});

test(`the same ${RUNS.toLocaleString("en")} inputs through the worker's protocol: every reply answers, with no failure`, async () => {
  rnd = seededRandom(SEED);
  const waiting = new Map<number, (answer: WorkerAnswer) => void>();
  const handle = workerHandler((answer) => waiting.get(answer.id)?.(answer), () => nodePartSource(dir));
  const ask = (message: WorkerMessage) =>
    new Promise<WorkerAnswer>((resolve) => {
      waiting.set(message.id, resolve);
      void handle(message);
    });
  assert.equal(await ask({ id: 0, kind: "open", indexUrl: "search/index/", metaFromPage: false }), { id: 0, ok: true, value: null });
  const started = performance.now();
  let withResults = 0;
  for (let i = 0; i < RUNS; i++) {
    const q = randomInput(i);
    const filters = randomFilters() ?? {};
    const sort = pick([undefined, "relevance", "newest", "oldest"] as const);
    const request = { q, filters, limit: i % 50 === 0 ? 50 : 8, facets: i % 10 === 0, ...(sort ? { sort } : {}) };
    const t0 = performance.now();
    const answer = await ask({ id: i + 1, kind: "search", request });
    waiting.delete(i + 1);
    const wall = performance.now() - t0;
    const where = `for ${JSON.stringify(q.slice(0, 60))} ${JSON.stringify(filters).slice(0, 80)}`;
    if (wall > WALL_BOUND_MS) assert.unreachable(`${wall.toFixed(0)} ms (wall) ${where}`);
    if (!answer.ok) {
      assert.unreachable(`error answer ${JSON.stringify(answer.error)} ${where}`);
      return;
    }
    const reply = answer.value as SearchReply;
    if (reply.failure) assert.unreachable(`${reply.failure.kind} failure ${JSON.stringify(reply.failure.message)} ${where}`);
    const internal = reply.problems.filter((p) => !INPUT_PROBLEMS.some((ok) => ok.test(p)));
    if (internal.length > 0) assert.unreachable(`${JSON.stringify(internal)} ${where}`);
    if (!(reply.results.length <= reply.total && reply.results.length === Math.min(reply.total, request.limit))) {
      assert.unreachable(`${reply.results.length} results shown of ${reply.total} (limit ${request.limit}) ${where}`);
    }
    if (reply.total > 0) withResults++;
  }
  console.log(`  ${RUNS} inputs through the worker's protocol in ${Math.round(performance.now() - started)} ms, ${withResults} with results`);
  assert.ok(withResults > RUNS / 20, "the inputs should also exercise matching, not only rejection");
});

test.after(() => removeSite(dir));

test.run();
