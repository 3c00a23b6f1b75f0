// `npm run build`: a complete production build of the publication into _site/.
// The site is built into a staging folder and swapped in only when everything succeeded,
// so a failed build leaves the previous _site/ exactly as it was, and no page from an
// earlier build survives a successful one.
//
//   tsx scripts/build.ts [--content DIR] [--output DIR] [--preview]
//
// --content  the publication folder (_data/, posts/, img/); default: the current folder
// --output   where the site goes; default: _site in the current folder
// --preview  also publish drafts and scheduled articles (never for production)
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { currentBuild } from "../src/publication/index.ts";
import { ContentError, formatProblem } from "../src/content/problems.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "." },
    output: { type: "string", default: "_site" },
    preview: { type: "boolean", default: false },
  },
});

const output = path.resolve(values.output);
const staging = `${output}.staging`;
process.env.NEWSROOM_CONTENT_DIR = path.resolve(values.content);
if (values.preview) process.env.NEWSROOM_PREVIEW = "1";

async function main(): Promise<number> {
  let build;
  try {
    build = await currentBuild();
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    for (const problem of error.problems) console.error(formatProblem(problem));
    console.error(`Build stopped: ${error.message}. Nothing was written; ${path.relative(process.cwd(), output) || output} is unchanged.`);
    return 1;
  }

  await rm(staging, { recursive: true, force: true });
  // Eleventy resolves its input and includes relative to the working folder.
  process.chdir(projectRoot);
  const eleventy = new Eleventy("src", staging, { configPath: "eleventy.config.ts", quietMode: true });
  try {
    await eleventy.write();
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    console.error(`Build failed: ${(error as Error).message}\nNothing was written; ${output} is unchanged.`);
    return 1;
  }

  const previous = `${output}.previous`;
  await rm(previous, { recursive: true, force: true });
  if (existsSync(output)) await rename(output, previous);
  await rename(staging, output);
  await rm(previous, { recursive: true, force: true });

  const { publication } = build;
  const scheduled = publication.scheduled.map((article) => `${article.file} (${article.date.toISO()})`);
  console.log(`Built ${publication.articles.length} articles into ${path.relative(process.cwd(), output) || output}.`);
  if (scheduled.length) console.log(`${scheduled.length} scheduled: ${scheduled.join(", ")}`);
  if (publication.drafts.length && !values.preview) console.log(`${publication.drafts.length} draft(s) left out.`);
  return 0;
}

process.exitCode = await main();
