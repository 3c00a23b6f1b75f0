// `npm run audit` (after `npm run build`): checks the built site and prints a report grouped
// by check, each problem with its page and a one-line fix. Exit code 1 on any problem.
//
//   tsx scripts/audit.ts [--site _site]
//
// NEWSROOM_CHROMIUM: the Chromium or Chrome of the accessibility check (by default Debian's
// /usr/bin/chromium when installed, else the one inside @sparticuz/chromium).
import path from "node:path";
import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import { auditSite, formatAudit } from "../src/audit/index.ts";

const { values } = parseArgs({ options: { site: { type: "string", default: "_site" } } });
const site = path.resolve(values.site);
if (!existsSync(path.join(site, "index.html"))) {
  console.error(`${site} holds no built site — run npm run build first.`);
  process.exit(1);
}
const sections = await auditSite(site, { chromium: { executablePath: process.env.NEWSROOM_CHROMIUM || undefined } });
for (const line of formatAudit(sections)) console.log(line);
process.exitCode = sections.some((section) => section.problems.length) ? 1 : 0;
