// `npm run build`: a complete production build of the publication into _site/.
// The site is built into a staging folder and swapped in only when everything succeeded,
// so a failed build leaves the previous _site/ exactly as it was, and no page from an
// earlier build survives a successful one.
//
//   tsx scripts/build.ts [--content DIR] [--output DIR] [--drafts]
//
// --content  the publication folder (_data/, posts/, img/); default: the current folder
// --output   where the site goes; default: _site in the current folder
// --drafts   also publish drafts and scheduled articles, for a local preview (never deploy it)
//
// Its first step is the content check of `npm run check`: on any error nothing is built.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { writeFileSync } from "node:fs";
import { currentBuild } from "../src/publication/index.ts";
import { MemorySampler, phase, phaseRecords } from "../src/publication/phases.ts";
import { catalogueOf } from "../src/articles/catalogue.ts";
import { isoWithOffset } from "../src/dates/index.ts";
import { ContentError, formatReport } from "../src/content/problems.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "." },
    output: { type: "string", default: "_site" },
    drafts: { type: "boolean", default: false },
  },
});

const output = path.resolve(values.output);
const staging = `${output}.staging`;
process.env.NEWSROOM_CONTENT_DIR = path.resolve(values.content);
if (values.drafts) process.env.NEWSROOM_DRAFTS = "1";

async function main(): Promise<number> {
  const memory = new MemorySampler();
  let build;
  try {
    build = await phase("validation", currentBuild);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    console.error(error.message);
    console.error(`Build stopped before writing anything: ${output} is unchanged.`);
    return 1;
  }
  for (const line of build.publication.warnings.length ? formatReport(build.publication.warnings) : []) console.warn(line);

  await phase("images", () => catalogueOf(build.publication, build.images));
  await rm(staging, { recursive: true, force: true });
  // Eleventy resolves its input and includes relative to the working folder.
  process.chdir(projectRoot);
  const eleventy = new Eleventy("src", staging, { configPath: "eleventy.config.ts", quietMode: true });
  try {
    await phase("eleventy", () => eleventy.write());
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    console.error(`Build failed: ${(error as Error).message}\nNothing was written; ${output} is unchanged.`);
    return 1;
  }

  await phase("swap", async () => {
    const previous = `${output}.previous-${process.pid}`;
    if (existsSync(output)) await rename(output, previous);
    await rename(staging, output);
    // The old site is deleted by a process of its own: tens of thousands of files take
    // seconds, and the new site is already in place.
    if (existsSync(previous)) removeInBackground(previous);
  });
  // The benchmark (scripts/bench.ts) reads where the time and memory went.
  if (process.env.NEWSROOM_PHASES) {
    writeFileSync(process.env.NEWSROOM_PHASES, JSON.stringify({ phases: phaseRecords(), peakMemoryMiB: memory.stop() }, null, 2));
  }

  const { publication } = build;
  const scheduled = publication.scheduled.map((article) => `${article.file} (${isoWithOffset(article.date)})`);
  const count = publication.articles.length;
  console.log(`Built ${count} article${count === 1 ? "" : "s"} into ${path.relative(process.cwd(), output) || output}.`);
  if (scheduled.length) console.log(`${scheduled.length} scheduled: ${scheduled.join(", ")}`);
  if (publication.drafts.length && !values.drafts) console.log(`${publication.drafts.length} draft(s) left out.`);
  return 0;
}

function removeInBackground(folder: string): void {
  if (process.platform === "win32") {
    void rm(folder, { recursive: true, force: true });
    return;
  }
  spawn("rm", ["-rf", folder], { detached: true, stdio: "ignore" }).unref();
}

process.exitCode = await main();
