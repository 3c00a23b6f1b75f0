// The production build: content check, images, Eleventy's render runs (pages, feeds, search
// index) into a staging folder that is swapped in only when everything succeeded. A failed
// build leaves the previous site exactly as it was, and no page of an earlier build survives.
import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import type { DateTime } from "luxon";
import { newsroomSite } from "../../eleventy.config.ts";
import { formatReport } from "../content/problems.ts";
import { isoWithOffset } from "../dates/index.ts";
import { englishCount } from "../i18n/index.ts";
import { bodyPicturesOf } from "../site/bodies.ts";
import { catalogueOf } from "../site/catalogue.ts";
import { PhaseRecorder, ProcessSampler } from "../site/phases.ts";
import { basePathOf } from "../urls/index.ts";
import { checkPublication } from "./check.ts";

/** V8's collector, exposed when the build runs with --expose-gc (scripts/build.ts does). */
const collectGarbage = (globalThis as { gc?: () => void }).gc;

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface SiteBuildOptions {
  /** The publication folder: _data/, posts/, img/. */
  root: string;
  /** Where the site goes. */
  output: string;
  now: DateTime;
  /** Publish drafts and scheduled articles too, for a local preview. */
  includeUnpublished: boolean;
  /** Articles per render run and per search bundle. */
  articlesPerSlice: number;
  /** Where to write the phase timings and peak memory (the benchmark reads them). */
  phasesFile?: string;
}

/** Builds the site; returns the process exit code. */
export async function buildSite(options: SiteBuildOptions): Promise<number> {
  const output = path.resolve(options.output);
  const staging = `${output}.staging`;
  const processes = new ProcessSampler();
  const phases = new PhaseRecorder();

  const { build, problems } = await checkPublication({ ...options, output: staging }, phases);
  if (!build) {
    console.error(formatReport(problems).join("\n"));
    console.error(`Build stopped before writing anything: ${output} is unchanged.`);
    return 1;
  }
  for (const line of problems.length ? formatReport(problems) : []) console.warn(line);
  const { publication } = build;
  await phases.phase("images", () => Promise.all([catalogueOf(build), bodyPicturesOf(build)]));
  await rm(staging, { recursive: true, force: true });
  // Eleventy resolves its input and includes relative to the working folder: the kit's own
  // folder, wherever it is installed (node_modules/ of a publication too); back after rendering.
  const workingFolder = process.cwd();
  process.chdir(projectRoot);
  try {
    for (const run of build.runs) {
      build.run = run;
      const eleventy = new Eleventy("src", staging, { configPath: false, quietMode: true, pathPrefix: basePathOf(publication.site.url), config: newsroomSite(build) });
      await phases.phase("eleventy", () => eleventy.write());
      // Under a large heap limit V8 lets garbage pile up across runs; a full collection
      // between runs keeps the peak at one run's worth (10,000 articles: 1.6 → 1.1 GiB).
      collectGarbage?.();
    }
    await build.finishRendering();
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    console.error(`Build failed: ${(error as Error).message}\nNothing was written; ${output} is unchanged.`);
    return 1;
  } finally {
    process.chdir(workingFolder);
  }

  await phases.phase("swap", async () => {
    const previous = `${output}.previous-${process.pid}`;
    if (existsSync(output)) await rename(output, previous);
    await rename(staging, output);
    // The old site is deleted by a process of its own: tens of thousands of files take
    // seconds, and the new site is already in place.
    if (existsSync(previous)) removeInBackground(previous);
  });
  if (options.phasesFile) writeFileSync(options.phasesFile, JSON.stringify({ phases: phases.summary(), ...processes.stop() }, null, 2));

  const scheduled = publication.scheduled.map((article) => `${article.file} (${isoWithOffset(article.date)})`);
  console.log(`Built ${englishCount(publication.articles.length, "article", "articles")} into ${path.relative(process.cwd(), output) || output}.`);
  if (scheduled.length) console.log(`${scheduled.length} scheduled: ${scheduled.join(", ")}`);
  if (publication.drafts.length && !options.includeUnpublished) console.log(`${publication.drafts.length} draft(s) left out.`);
  return 0;
}

function removeInBackground(folder: string): void {
  if (process.platform === "win32") {
    void rm(folder, { recursive: true, force: true });
    return;
  }
  spawn("rm", ["-rf", folder], { detached: true, stdio: "ignore" }).unref();
}
