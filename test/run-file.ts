/**
 * Runs one uvu test file in this process and reports its counts to test/run.ts over the
 * IPC channel: uvu's own exec() only prints them. As uvu's command line does, it
 * defers the file's `test.run()` calls (UVU_DEFER), imports the file, then runs each
 * queued suite itself, printing what uvu prints.
 *
 * Usage (by test/run.ts): node --import tsx test/run-file.ts FILE
 */
import { pathToFileURL } from "node:url";

type Runner = () => Promise<[errors: string, ran: number, skipped: number, total: number]>;
const g = globalThis as unknown as { UVU_DEFER: number; UVU_QUEUE: Array<Array<Runner | string | null>>; UVU_INDEX: number };
g.UVU_DEFER = 1;
g.UVU_QUEUE = [[null]];
g.UVU_INDEX = 0;

const file = process.argv[2];
if (!file) throw new Error("usage: node --import tsx test/run-file.ts FILE");
await import(pathToFileURL(file).href);

let total = 0;
let passed = 0;
let skipped = 0;
let errors = false;
for (const group of g.UVU_QUEUE) {
  for (const run of group.slice(1) as Runner[]) {
    const [errs, ran, skip, max] = await run();
    total += max;
    passed += ran;
    skipped += skip;
    if (errs.length > 0) {
      process.stdout.write(`\n${errs}\n`);
      errors = true;
    }
  }
}
process.stdout.write(`\n  Total:     ${total}\n  Passed:    ${passed}\n  Skipped:   ${skipped}\n\n`);
// uvu's Total leaves skipped tests out.
process.send?.({ passed, failed: total - passed, skipped });
process.exitCode = errors ? 1 : 0;
