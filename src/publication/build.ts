// The production build: content check, images, Eleventy (pages, feeds, search index) into a
// staging folder that is swapped in only when everything succeeded. A failed build leaves
// the previous site exactly as it was, and no page of an earlier build survives a new one.
import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { currentBuild } from "./index.ts";
import { ProcessSampler, phase, phaseRecords } from "./phases.ts";
import { ARTICLES_PER_RUN, planRenderRuns, startRun } from "./runs.ts";
import { catalogueOf } from "../articles/catalogue.ts";
import { isoWithOffset } from "../dates/index.ts";
import { ContentError, formatReport } from "../content/problems.ts";

/** V8's collector, exposed when the build runs with --expose-gc (scripts/build.ts does). */
const collectGarbage = (globalThis as { gc?: () => void }).gc;

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface BuildOptions {
  content: string;
  output: string;
  /** Publish drafts and scheduled articles too, for a local preview. */
  drafts: boolean;
  /** Where to write the phase timings and peak memory (the benchmark reads them). */
  phasesFile?: string;
}

/** Builds the site; returns the process exit code. */
export async function buildSite(options: BuildOptions): Promise<number> {
  const output = path.resolve(options.output);
  const staging = `${output}.staging`;
  process.env.NEWSROOM_CONTENT_DIR = path.resolve(options.content);
  if (options.drafts) process.env.NEWSROOM_DRAFTS = "1";

  const processes = new ProcessSampler();
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
  try {
    // NEWSROOM_ARTICLES_PER_RUN sets the slice size (tests render the sample in several runs).
    const perRun = Number(process.env.NEWSROOM_ARTICLES_PER_RUN) || ARTICLES_PER_RUN;
    for (const run of planRenderRuns(build.publication.articles.length, perRun)) {
      startRun(run);
      const eleventy = new Eleventy("src", staging, { configPath: "eleventy.config.ts", quietMode: true });
      await phase("eleventy", () => eleventy.write());
      // Under a large heap limit V8 lets garbage pile up across runs; a full collection
      // between runs keeps the peak at one run's worth (10,000 articles: 1.6 → 1.1 GiB).
      collectGarbage?.();
    }
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
  if (options.phasesFile) writeFileSync(options.phasesFile, JSON.stringify({ phases: phaseRecords(), ...processes.stop() }, null, 2));

  const { publication } = build;
  const scheduled = publication.scheduled.map((article) => `${article.file} (${isoWithOffset(article.date)})`);
  const count = publication.articles.length;
  console.log(`Built ${count} article${count === 1 ? "" : "s"} into ${path.relative(process.cwd(), output) || output}.`);
  if (scheduled.length) console.log(`${scheduled.length} scheduled: ${scheduled.join(", ")}`);
  if (publication.drafts.length && !options.drafts) console.log(`${publication.drafts.length} draft(s) left out.`);
  return 0;
}

function removeInBackground(folder: string): void {
  if (process.platform === "win32") {
    void rm(folder, { recursive: true, force: true });
    return;
  }
  spawn("rm", ["-rf", folder], { detached: true, stdio: "ignore" }).unref();
}
