/**
 * The command-line entry points: scripts/build-index.ts builds the index of a site,
 * scripts/search.ts queries it through the browser's code and, with --json, prints only
 * a JSON array of {title, url, date, score, snippet} in rank order.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers/site.ts";
import { makeSite, removeSite, sampleDocuments } from "./helpers.ts";

const site = makeSite(sampleDocuments());

function run(script: string, args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, script), ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("build-index --site DIR writes the index", () => {
  const r = run("scripts/build-index.ts", ["--site", site]);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /search index: \d+ articles/);
  assert.ok(existsSync(join(site, "search/index/meta.js")));
});

test("search --json prints only the ranked results as JSON", () => {
  const r = run("scripts/search.ts", ["--site", site, "--json", "职工"]);
  assert.is(r.code, 0, r.stderr);
  const results = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
  assert.ok(results.length > 1);
  for (const x of results) {
    assert.equal(Object.keys(x), ["title", "url", "date", "score", "snippet"]);
    assert.type(x.title, "string");
    assert.not.match(x.url as string, /^\//);
    assert.equal(Object.keys(x.snippet as object), ["text", "ranges"]);
  }
  const scores = results.map((x) => x.score as number);
  assert.equal(scores, [...scores].sort((a, b) => b - a));
});

test("search --json: nothing found is an empty array", () => {
  const r = run("scripts/search.ts", ["--site", site, "--json", "足球"]);
  assert.is(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout), []);
});

test("search prints readable results, and browses with filters alone", () => {
  const r = run("scripts/search.ts", ["--site", site, "消防装备"]);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /火焰蓝/);
  assert.match(r.stdout, /【消防装备】/);
  const browse = run("scripts/search.ts", ["--site", site, "--json", "--limit", "all", "--from", "2023-06", "--to", "2023-06"]);
  assert.is(JSON.parse(browse.stdout).length, sampleDocuments().documents.length);
});

test("search --json prints full matches only; --partial lists the partial ones with what each lacks", () => {
  const full = run("scripts/search.ts", ["--site", site, "--json", "职工足球"]);
  assert.is(full.code, 0, full.stderr);
  assert.equal(JSON.parse(full.stdout), []);
  const partial = run("scripts/search.ts", ["--site", site, "--json", "--partial", "--limit", "all", "职工足球"]);
  const list = JSON.parse(partial.stdout) as Array<{ title: string; lacks: string[] }>;
  assert.ok(list.length > 1);
  for (const x of list) assert.equal(x.lacks, ["足球"]);
  const text = run("scripts/search.ts", ["--site", site, "职工足球"]);
  assert.match(text.stdout, /0 results/);
  assert.match(text.stdout, new RegExp(`${list.length} partial matches: add --partial`));
  assert.equal(JSON.parse(run("scripts/search.ts", ["--site", site, "--json", "--partial", "职工"]).stdout), [], "full matches: no partial list");
});

test("search --sort date|oldest and --from/--to by year, month or day", () => {
  const dated = makeSite({
    version: 1,
    documents: ["2022-05-01", "2024-01-09", "2023", "2023-06-11"].map((date, i) => ({
      id: `a${i}`, url: `a${i}/`, title: `职工新闻${i}`, people: [], date, edition: date, page: { id: "p", label: "1" }, body: [i === 0 ? "职工职工职工" : "职工"],
    })),
  });
  try {
    assert.is(run("scripts/build-index.ts", ["--site", dated]).code, 0);
    const dates = (args: string[]) => (JSON.parse(run("scripts/search.ts", ["--site", dated, "--json", ...args, "职工"]).stdout) as Array<{ date: string }>).map((x) => x.date);
    assert.equal(dates(["--sort", "date"]), ["2024-01-09", "2023-06-11", "2023", "2022-05-01"]);
    assert.equal(dates(["--sort", "oldest"]), ["2022-05-01", "2023", "2023-06-11", "2024-01-09"]);
    assert.equal(dates(["--sort", "oldest", "--from", "2023", "--to", "2023-12"]), ["2023", "2023-06-11"]);
    assert.equal(dates(["--sort", "date", "--from", "2023-06-11", "--to", "2024-01"]), ["2024-01-09", "2023-06-11", "2023"]);
    assert.equal(run("scripts/search.ts", ["--site", dated, "--sort", "sideways", "职工"]).code, 2);
  } finally {
    removeSite(dated);
  }
});

test("search without a built index fails with a message", () => {
  const r = run("scripts/search.ts", ["--site", join(site, "nowhere"), "职工"]);
  assert.is(r.code, 1);
  assert.match(r.stderr, /cannot open the search index/);
  assert.is(r.stdout, "");
});

test("an unknown flag is a usage error, for both commands", () => {
  for (const script of ["scripts/build-index.ts", "scripts/search.ts"]) {
    const r = run(script, ["--site", site, "--sight", "职工"]);
    assert.is(r.code, 2, `${script}: ${r.stdout}`);
    assert.match(r.stderr, /usage:/);
    assert.match(r.stderr, /--sight/);
    assert.is(r.stdout, "");
  }
});

test("search takes a query that starts with a hyphen after --", () => {
  const r = run("scripts/search.ts", ["--site", site, "--json", "--", "-职工"]);
  assert.is(r.code, 0, r.stderr);
  assert.ok((JSON.parse(r.stdout) as unknown[]).length > 1);
});

test.after(() => removeSite(site));

test("search with no query and no filter prints the usage; a long query is not echoed back whole", () => {
  for (const args of [[], [""], ["  "]]) {
    const r = run("scripts/search.ts", ["--site", site, ...args]);
    assert.is(r.code, 2, `${JSON.stringify(args)}: ${r.stdout}`);
    assert.match(r.stderr, /usage: npm run search/);
    assert.is(r.stdout, "");
  }
  const long = "职工".repeat(2500);
  const r = run("scripts/search.ts", ["--site", site, long]);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /query cut to its first 256 characters \(of 5000\)/);
  assert.ok(r.stdout.length < 2000, `the output echoes ${r.stdout.length} characters`);
});

test.run();
