// `npm run audit` (after `npm run build`): checks the built site and prints a report grouped
// by check, each problem with its page and a one-line fix. Exit code 1 on any problem. The
// publication's page registry says which pages the site must have and of what kind.
//
//   tsx scripts/audit.ts [--site _site] [--content DIR]
//
// --site     the built site; default: _site
// --content  the publication it was built from; default: the current folder
//
// NEWSROOM_CHROMIUM: the Chromium or Chrome of the accessibility check (by default Debian's
// /usr/bin/chromium when installed, else the one inside @sparticuz/chromium). NEWSROOM_NOW
// pins the clock, as for the build.
import path from "node:path";
import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import { auditSite, formatAudit } from "../src/audit/index.ts";
import { formatReport } from "../src/content/problems.ts";
import { checkPublication } from "../src/publication/check.ts";
import { buildClock } from "../src/publication/options.ts";
import { registryOf } from "../src/site/registry.ts";
import { ARTICLES_PER_SLICE } from "../src/site/runs.ts";

const { values } = parseArgs({ options: { site: { type: "string", default: "_site" }, content: { type: "string", default: "." } } });
const site = path.resolve(values.site);
if (!existsSync(path.join(site, "index.html"))) {
  console.error(`${site} holds no built site — run npm run build first.`);
  process.exit(1);
}
const root = path.resolve(values.content);
const { build, problems } = await checkPublication({ root, output: site, now: buildClock(process.env.NEWSROOM_NOW), includeUnpublished: false, articlesPerSlice: ARTICLES_PER_SLICE });
if (!build) {
  console.error(`${formatReport(problems).join("\n")}\nThe audit reads the publication the site was built from: fix it, or point --content at it.`);
  process.exit(1);
}
const registry = registryOf(build);
const sections = await auditSite(site, registry, { chromium: { executablePath: process.env.NEWSROOM_CHROMIUM || undefined } });
for (const line of formatAudit(sections)) console.log(line);
process.exitCode = sections.some((section) => section.problems.length) ? 1 : 0;
