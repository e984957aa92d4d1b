/**
 * Lighthouse at archive size (`npm run bench -- --lighthouse`): builds the first N corpus
 * articles (default 10,000; copies with shifted dates beyond the corpus), serves the site
 * gzip-compressed as a static server would, and audits the five page types (home, the
 * newest edition, its first page, that page's first article, the search page with a
 * common word) on a phone and a desktop (tools/lighthouse.ts). Performance is a timing, so
 * the load average before and after is recorded with the scores. Writes
 * bench/results/lighthouse-latest.{md,json}.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { repeatCorpus, writeCorpusArchive, type CorpusArticle } from "../src/content/corpus.ts";
import { auditPages, CATEGORIES, type FormFactor, type PageScores } from "../tools/lighthouse.ts";
import { ROOT } from "./context.ts";
import { runScript } from "./run-process.ts";
import { startBenchServer } from "./server.ts";

export interface LighthouseContext {
  corpus: CorpusArticle[];
  work: string;
  commit: string;
  log: (line: string) => void;
}

export interface LighthouseResult {
  date: string;
  commit: string;
  articles: number;
  buildMs: number;
  pages: Record<string, string>;
  load: { before: number[]; after: number[]; processors: number };
  results: PageScores[];
}

const MIN = 95;
const SEARCH_WORD = "高质量发展";

/** The newest edition, its first page and that page's first article, as site paths. */
function pagesOf(site: string): Record<string, string> {
  const dirs = (dir: string) => readdirSync(join(site, dir), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const edition = dirs("").filter((d) => /^\d{4}-\d{2}(-\d{2})?$/u.test(d)).at(-1);
  if (!edition) throw new Error(`no edition folder in ${site}`);
  const page = dirs(edition).find((d) => dirs(join(edition, d)).length > 0);
  if (!page) throw new Error(`no page with articles in ${site}/${edition}`);
  const article = dirs(join(edition, page))[0]!;
  return { home: "", edition: `${edition}/`, page: `${edition}/${page}/`, article: `${edition}/${page}/${article}/`, search: `search/?q=${encodeURIComponent(SEARCH_WORD)}` };
}

export async function runLighthouseBench(ctx: LighthouseContext, articles: number, options: { keep: boolean }): Promise<string> {
  const dir = join(ctx.work, `lighthouse-${articles}`);
  const content = join(dir, "content");
  const site = join(dir, "site");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  ctx.log(`Lighthouse: writing ${articles} corpus articles`);
  writeCorpusArchive(articles <= ctx.corpus.length ? ctx.corpus.slice(0, articles) : repeatCorpus(ctx.corpus, articles), content);
  ctx.log("  building");
  const build = await runScript(ROOT, "scripts/build.ts", ["--content", content, "--out", site, "--quiet"]);
  ctx.log(`  built in ${(build.ms / 1000).toFixed(1)} s`);
  const pages = pagesOf(site);
  const server = await startBenchServer({ "/": site });
  const before = loadavg();
  const results: PageScores[] = [];
  try {
    for (const formFactor of ["mobile", "desktop"] as FormFactor[]) {
      ctx.log(`  auditing ${Object.keys(pages).length} pages, ${formFactor}`);
      results.push(...(await auditPages(Object.values(pages).map((p) => new URL(p, `${server.origin}/`).href), formFactor)));
    }
  } finally {
    await server.close();
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
  const result: LighthouseResult = {
    date: new Date().toISOString(),
    commit: ctx.commit,
    articles,
    buildMs: build.ms,
    pages,
    load: { before, after: loadavg(), processors: availableParallelism() },
    results,
  };
  const out = join(ROOT, "bench/results");
  if (!existsSync(out)) mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "lighthouse-latest.json"), `${JSON.stringify(result, null, 1)}\n`);
  const markdown = renderLighthouse(result);
  writeFileSync(join(out, "lighthouse-latest.md"), markdown);
  return markdown;
}

export function renderLighthouse(r: LighthouseResult): string {
  const names = Object.keys(r.pages);
  const rows = r.results.map((s, i) => {
    const cells = CATEGORIES.map((c) => (s.scores[c] < MIN ? `**${s.scores[c]}**` : String(s.scores[c])));
    return `| ${s.formFactor} | ${names[i % names.length]} | ${cells.join(" | ")} |`;
  });
  const low = r.results.filter((s) => CATEGORIES.some((c) => s.scores[c] < MIN));
  const fmt = (l: number[]) => l.map((x) => x.toFixed(2)).join(", ");
  return [
    `# Lighthouse on a ${r.articles.toLocaleString("en")}-article build`,
    "",
    `${r.date}, commit ${r.commit}; \`npm run bench -- --lighthouse\`. Lighthouse (tools/lighthouse.ts: mobile is its default simulated throttling, desktop its desktop config) in Debian's Chromium, the site served gzip-compressed by bench/server.ts. ` +
      `Load average before ${fmt(r.load.before)}, after ${fmt(r.load.after)}, on ${r.load.processors} processors. Build ${(r.buildMs / 1000).toFixed(1)} s.`,
    "",
    `Pages: ${names.map((n) => `${n} \`${decodeURIComponent(r.pages[n]!) || "/"}\``).join(", ")}.`,
    "",
    `| form factor | page | ${CATEGORIES.join(" | ")} |`,
    `| --- | --- | ${CATEGORIES.map(() => "---").join(" | ")} |`,
    ...rows,
    "",
    low.length === 0 ? `Every score is at least ${MIN}.` : `Below ${MIN} (bold): ${low.map((s) => `${s.formFactor} ${new URL(s.url).pathname}: ${s.lost.join(", ")}`).join("; ")}.`,
    "",
  ].join("\n");
}
