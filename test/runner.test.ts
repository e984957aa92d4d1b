/**
 * The runner's closing line counts a gate's skips (test/helpers/gate.ts): a test file
 * run without the corpus reports its corpus tests as skipped and fails nothing; under
 * CI=true the same run fails once, with the same tests skipped and passed.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT, tempDir } from "./helpers/site.ts";

function run(ci: boolean): { passed: number; failed: number; skipped: number; output: string } {
  const env = { ...process.env, BANMIAN_CORPUS: join(tempDir("no-corpus"), "missing"), CI: ci ? "true" : "" };
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "test/run.ts"), "test/content/corpus.test.ts"], { cwd: ROOT, env, encoding: "utf8" });
  const m = /^(\d+) passed, (\d+) failed, (\d+) skipped$/mu.exec(r.stdout);
  assert.ok(m, `no closing line in:\n${r.stdout}\n${r.stderr}`);
  assert.is(r.status, Number(m[2]) > 0 ? 1 : 0);
  return { passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3]), output: r.stdout };
}

test("without the corpus its tests are skipped and counted; under CI=true that is one failure", () => {
  const local = run(false);
  assert.ok(local.skipped > 0);
  assert.is(local.failed, 0);
  assert.match(local.output, /not found .*: skipping the tests on the corpus; set BANMIAN_CORPUS/u);
  const ci = run(true);
  assert.equal({ passed: ci.passed, failed: ci.failed, skipped: ci.skipped }, { passed: local.passed, failed: 1, skipped: local.skipped });
  assert.match(ci.output, /required when CI=true/u);
});

test.run();
