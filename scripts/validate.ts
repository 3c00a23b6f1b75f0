// `npm run check`: checks the publication against the content model without building.
// Prints every problem as `path:line: field: what is wrong — how to fix`, errors first,
// then a one-line count. Exit code 1 on any error, 0 with warnings only.
//
//   tsx scripts/validate.ts [--content DIR]
import path from "node:path";
import { parseArgs } from "node:util";
import { formatReport } from "../src/content/problems.ts";
import { checkPublication } from "../src/publication/check.ts";
import { buildClock } from "../src/publication/options.ts";
import { ARTICLES_PER_SLICE } from "../src/site/runs.ts";

const { values } = parseArgs({ options: { content: { type: "string", default: "." } } });
const root = path.resolve(values.content);
const { problems } = await checkPublication({ root, output: path.join(root, "_site"), now: buildClock(process.env.NEWSROOM_NOW), includeUnpublished: false, articlesPerSlice: ARTICLES_PER_SLICE });
for (const line of formatReport(problems)) console.log(line);
process.exitCode = problems.some((problem) => problem.severity === "error") ? 1 : 0;
