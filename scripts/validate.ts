// `npm run check`: checks the publication against the content model without building.
// Prints every problem as `path:line: field: what is wrong — how to fix`, errors first,
// then a one-line count. Exit code 1 on any error, 0 with warnings only.
//
//   tsx scripts/validate.ts [--content DIR]
import path from "node:path";
import { parseArgs } from "node:util";
import { loadPublication } from "../src/content/load.ts";
import { ContentError, formatReport, type Problem } from "../src/content/problems.ts";
import { buildClock } from "../src/publication/options.ts";

const { values } = parseArgs({ options: { content: { type: "string", default: "." } } });

let problems: Problem[];
try {
  problems = (await loadPublication(path.resolve(values.content), { now: buildClock(process.env.NEWSROOM_NOW), includeUnpublished: false })).warnings;
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  problems = error.problems;
}
for (const line of formatReport(problems)) console.log(line);
process.exitCode = problems.some((problem) => problem.severity === "error") ? 1 : 0;
