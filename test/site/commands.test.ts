/**
 * Commands as a user runs them: npm prints its own messages (no project setting
 * silences it, so `npm ci` shows its warnings), and `npm run -s search -- --json`
 * prints nothing but the JSON.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { buildInto, ROOT, SAMPLE_CONTENT } from "../helpers/site.ts";

test("the project does not silence npm", () => {
  const r = spawnSync("npm", ["config", "get", "loglevel"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, npm_config_loglevel: undefined } });
  assert.is(r.status, 0, r.stderr);
  assert.is.not(r.stdout.trim(), "silent");
});

test("npm run -s search -- --json prints only JSON, with snippet as {text, ranges}", () => {
  const site = buildInto(SAMPLE_CONTENT);
  const r = spawnSync("npm", ["run", "-s", "search", "--", "--site", site, "--json", "职工"], { cwd: ROOT, encoding: "utf8" });
  assert.is(r.status, 0, r.stderr);
  const results = JSON.parse(r.stdout) as { snippet: { text: string; ranges: [number, number][] } }[];
  assert.ok(results.length > 0);
  for (const { snippet } of results) {
    assert.type(snippet.text, "string");
    for (const [start, end] of snippet.ranges) assert.ok(snippet.text.slice(start, end).length > 0);
  }
});

test.run();
