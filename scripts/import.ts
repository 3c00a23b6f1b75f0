// `npm run import`: brings posts from another site into a publication, then checks it.
//
//   tsx scripts/import.ts wordpress FILE.xml [--into DIR] [--dry-run] [--force] [--timeout SECONDS]
//   tsx scripts/import.ts markdown DIR [--into DIR] [--site-root DIR] [--permalink PATTERN]
//                         [--category ID] [--author ID] [--dry-run] [--force]
import path from "node:path";
import { parseArgs } from "node:util";
import { formatReport } from "../src/content/problems.ts";
import { ID_PATTERN } from "../src/content/schema.ts";
import { checkPublication } from "../src/publication/check.ts";
import { buildClock } from "../src/publication/options.ts";
import { ARTICLES_PER_SLICE } from "../src/site/runs.ts";
import { runImport, ImportError } from "../src/import/index.ts";
import { formatImportReport } from "../src/import/report.ts";

const USAGE = "usage: npm run import -- wordpress FILE.xml | markdown DIR [--into DIR] [--dry-run] [--force] [--site-root DIR] [--permalink PATTERN] [--category ID] [--author ID] [--timeout SECONDS]";

function fail(message: string): never {
  console.error(`import: ${message}`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      into: { type: "string", default: "." },
      "dry-run": { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      "site-root": { type: "string" },
      permalink: { type: "string" },
      category: { type: "string" },
      author: { type: "string" },
      timeout: { type: "string", default: "20" },
    },
  });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const { values, positionals } = parsed;
const [kind, source, ...extra] = positionals;
if ((kind !== "wordpress" && kind !== "markdown") || !source || extra.length) fail(USAGE);
const timeout = Number(values.timeout);
if (!(timeout > 0)) fail(`--timeout ${values.timeout} is not a number of seconds`);
if (kind === "wordpress" && (values["site-root"] || values.permalink)) fail("--site-root and --permalink are for markdown imports");
for (const option of ["category", "author"] as const) {
  const id = values[option];
  if (id !== undefined && !ID_PATTERN.test(id)) fail(`--${option} ${id}: ids use only lowercase letters a-z, digits and hyphens — e.g. city-hall`);
}

const into = path.resolve(values.into);
let report;
try {
  report = await runImport({
    kind,
    source: path.resolve(source),
    into,
    dryRun: values["dry-run"],
    force: values.force,
    timeoutMs: timeout * 1000,
    category: values.category,
    author: values.author,
    markdown: { siteRoot: values["site-root"] && path.resolve(values["site-root"]), permalink: values.permalink },
  });
} catch (error) {
  if (error instanceof ImportError) fail(error.message);
  throw error;
}
for (const line of formatImportReport(report)) console.log(line);

if (!report.dryRun) {
  console.log("\nContent check (npm run check):");
  // The same check as `npm run check` (scripts/validate.ts).
  const { problems } = await checkPublication({ root: into, output: path.join(into, "_site"), now: buildClock(process.env.NEWSROOM_NOW), includeUnpublished: false, articlesPerSlice: ARTICLES_PER_SLICE });
  for (const line of formatReport(problems)) console.log(line);
  process.exitCode = problems.some((problem) => problem.severity === "error") ? 1 : 0;
}
