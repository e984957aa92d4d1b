/**
 * Test runner: runs every `*.test.ts` under test/ with uvu (each file in its own
 * process, so a browser or build left behind by one file cannot leak into the next),
 * then prints the one closing line CI reads: `N passed, N failed, N skipped`.
 *
 * Usage: npm test [-- PATTERN]   (PATTERN filters test files by path substring)
 */
import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const filter = process.argv[2] ?? "";

function findTests(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (name === "fixtures" || name === "node_modules") return [];
      if (statSync(path).isDirectory()) return findTests(path);
      return name.endsWith(".test.ts") ? [path] : [];
    });
}

function runFile(file: string): Promise<{ passed: number; failed: number; skipped: number; code: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", file], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on("close", (code) => {
      // uvu's summary: "Total: N / Passed: N / Skipped: N"
      const num = (label: string) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(out)?.[1] ?? 0);
      const total = num("Total");
      const passed = num("Passed");
      const skipped = num("Skipped");
      let failed = total - passed; // uvu's Total leaves skipped tests out
      // A file that crashed before uvu could report counts as one failure.
      if ((code ?? 1) !== 0 && failed === 0) failed = 1;
      resolve({ passed, failed, skipped, code: code ?? 1 });
    });
  });
}

const files = findTests(join(root, "test")).filter((f) => relative(root, f).includes(filter));
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  console.log(`\n▶ ${relative(root, file)}`);
  const r = await runFile(file);
  passed += r.passed;
  failed += r.failed;
  skipped += r.skipped;
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || files.length === 0 ? 1 : 0);
