/**
 * Import: turns the raw text of one printed page into draft articles in the
 * content format, plus a report of every join, move and doubt, with line
 * numbers (src/import/). Writes nothing when the input is bad or when it would
 * replace existing articles without --force; such refusals exit with code 2. The
 * drafts and the report are written all together or not at all.
 *
 *   npm run import -- PAGE.txt --date YYYY-MM-DD [--page N] [--out DIR] [--report FILE|-] [--image FILE] [--pdf FILE] [--force]
 */
import { parseArgs } from "node:util";
import { doneMessages, inputErrors } from "../src/import/messages.ts";
import { importPage, ImportInputError, ImportWriteError, MAX_PAGE_BYTES, REPORT_FILE, shown } from "../src/import/import-page.ts";

const USAGE = `usage: npm run import -- PAGE.txt --date YYYY-MM-DD [--page N] [--out DIR] [--report FILE|-] [--image FILE] [--pdf FILE] [--force]

  PAGE.txt       the page's raw text, UTF-8, at most ${MAX_PAGE_BYTES / 1024 / 1024} MB
  --date         the edition's date; the drafts go to DIR/YYYY-MM-DD/
  --page N       the page number (版次): page folder NN; without it, page-unknown
  --out DIR      the content folder (default: content)
  --report FILE  where the report goes (default: ${REPORT_FILE} in the page folder, with the drafts; - prints it)
  --image FILE   the printed page's image (JPG, PNG or WebP), copied into the page folder as page.EXT
  --pdf FILE     a PDF of the page, copied into the page folder as page.pdf
  --force        replace articles (and the image and PDF) a previous import wrote (edition.json is never replaced)`;

function fail(message: string): never {
  console.error(`import: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      date: { type: "string" },
      page: { type: "string" },
      out: { type: "string", default: "content" },
      report: { type: "string" },
      image: { type: "string" },
      pdf: { type: "string" },
      force: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
}
try {
  parsed = parse();
} catch (error) {
  fail(inputErrors.badArguments((error as Error).message));
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) fail(positionals.length === 0 ? "give the page file to import" : `give one page file, not ${positionals.length}`);

try {
  const r = importPage({ input: positionals[0]!, date: values.date, page: values.page, out: values.out, force: values.force, report: values.report, image: values.image, pdf: values.pdf });
  const unassigned = r.assembly.unassigned.length;
  if (!r.reportPath) console.log(r.report);
  const { articles, joins, moves, doubts } = r.assembly;
  console.log(doneMessages.imported(articles.length, shown(r.pageDir), joins.length, moves.length, doubts.length, unassigned));
  if (r.reportPath) console.log(doneMessages.report(shown(r.reportPath)));
} catch (error) {
  if (error instanceof ImportInputError) {
    console.error(`import: ${error.message}`);
    process.exit(2);
  }
  if (error instanceof ImportWriteError) {
    console.error(`import: ${error.message}`);
    process.exit(1);
  }
  console.error(`import failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
}
