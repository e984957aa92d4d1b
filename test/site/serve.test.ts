/**
 * `npm start` (scripts/serve.ts): builds the archive, serves it as a static host would
 * (a missing address answered 404 with the site's 404.html, a folder without its slash
 * redirected), and rebuilds when an article changes.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, SAMPLE_CONTENT, tempDir } from "../helpers/site.ts";

let child: ChildProcess | undefined;
test.after(() => {
  child?.kill();
});

/** Starts the server; resolves with its URL once it says it is serving. */
function start(content: string, out: string): Promise<string> {
  child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "scripts/serve.ts"), "--content", content, "--out", out, "--port", "0"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/u.exec(output);
      if (m) resolve(m[1]!);
    };
    child!.stdout!.on("data", read);
    child!.stderr!.on("data", read);
    child!.on("exit", (code) => reject(new Error(`serve exited (${code}) before serving:\n${output}`)));
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, ms = 120_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test("serves the built site with its 404 page, and rebuilds an article that changes", async () => {
  const content = join(tempDir("serve"), "content");
  cpSync(SAMPLE_CONTENT, content, { recursive: true });
  const out = join(tempDir("serve"), "_site");
  const url = await start(content, out);

  const home = await fetch(url);
  assert.is(home.status, 200);
  assert.is(await home.text(), readFileSync(join(out, "index.html"), "utf8"));

  const missing = await fetch(new URL("no/such/page.html", url));
  assert.is(missing.status, 404);
  assert.is(await missing.text(), readFileSync(join(out, "404.html"), "utf8"));

  const folder = await fetch(new URL("2023-06", url), { redirect: "manual" });
  assert.is(folder.status, 301);
  assert.is(folder.headers.get("location"), "2023-06/");

  const file = join(content, "2023-06/page-unknown/huoyan-lan.md");
  const pageUrl = new URL("2023-06/page-unknown/huoyan-lan/", url);
  const marker = "改过的标题";
  assert.not.match(await (await fetch(pageUrl)).text(), marker);
  writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/mu, `title: ${marker}`));
  await waitFor("the rebuilt article", async () => (await (await fetch(pageUrl)).text()).includes(marker));
});

test.run();
