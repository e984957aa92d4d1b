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

test.run();
