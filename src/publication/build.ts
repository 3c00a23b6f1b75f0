// The production build: content check, images, Eleventy's render runs (pages, feeds, search
// index) into a staging folder of its own that is swapped in only when everything succeeded.
// One build at a time per output folder (lock.ts). A failed or interrupted build (Ctrl-C,
// SIGTERM) leaves the previous site exactly as it was and removes what it wrote; no page of an
// earlier build survives a successful one.
import { spawn } from "node:child_process";
import { existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import { constants } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import type { DateTime } from "luxon";
import { newsroomSite } from "../../eleventy.config.ts";
import { formatReport } from "../content/problems.ts";
import { isoWithOffset } from "../dates/index.ts";
import { englishCount } from "../i18n/index.ts";
import { bodyPicturesOf } from "../site/bodies.ts";
import { ImageError } from "../images/index.ts";
import type { Build } from "../site/build.ts";
import { catalogueOf } from "../site/catalogue.ts";
import { PhaseRecorder, ProcessSampler } from "../site/phases.ts";
import { basePathOf } from "../urls/index.ts";
import { reusePlanOf, takeReusedPages, writeBuildRecord } from "../site/reuse.ts";
import { entriesOfShard, type Shard } from "../site/shards.ts";
import { checkPublication } from "./check.ts";
import { writeShardManifest } from "./shard-manifest.ts";
import { describeHolder, isRunning, OutputLock } from "./lock.ts";

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
  /** When another build is writing the same output folder: wait for it, or stop at once (default). */
  wait?: boolean;
  /** On an unexpected failure, print its stack trace and Eleventy's own report too. */
  debug?: boolean;
  /** Build only shard K of N into the output, with its manifest (src/site/shards.ts, shard-manifest.ts). */
  shard?: Shard;
  /** Render every page and read every file, taking nothing from earlier builds (npm run build -- --full). */
  full?: boolean;
}

/** The signals that stop a build: Ctrl-C, `kill`, a closed terminal. */
const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** Builds the site (or one shard of it); returns the process exit code. */
export async function buildSite(options: SiteBuildOptions): Promise<number> {
  const output = path.resolve(options.output);
  return runLocked(output, options, new BuildAttempt(output, options));
}

/** What runs under the output's lock: a build, or a merge of shards (merge.ts). */
export interface LockedAttempt {
  run(): Promise<number>;
  /** Synchronous: runs in a signal handler. */
  interrupt(signal: NodeJS.Signals): void;
  /** The one line an unexpected failure prints. */
  failure(error: Error): string;
  removeTemporaryFolders(): void;
}

/**
 * Runs `attempt` holding the output's lock, with what it wrote removed on failure, on a
 * signal, and when it ends; returns the exit code.
 */
export async function runLocked(output: string, options: { wait?: boolean; debug?: boolean }, attempt: LockedAttempt): Promise<number> {
  // The lock and the staging folder go beside the output: its folder must exist (_shards/ for a shard).
  await mkdir(path.dirname(output), { recursive: true });
  // Waiting is for pipelines that expect to overlap (a CI retry); by default a second build
  // stops at once, so whoever started it learns that another build is running.
  const lock = await OutputLock.acquire(output, { wait: options.wait ?? false, notice: (message) => console.warn(message) });
  if (!(lock instanceof OutputLock)) {
    console.error(`Another ${describeHolder(lock.heldBy)} is writing ${output} — this build stopped and changed nothing. Run it again when that one has finished, or with --wait to wait for it.`);
    return 1;
  }
  const onSignal = (signal: NodeJS.Signals) => {
    attempt.interrupt(signal);
    lock.release();
    process.exit(128 + constants.signals[signal]);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  try {
    await removeLeftovers(output);
    return await attempt.run();
  } catch (error) {
    console.error(attempt.failure(error as Error));
    if (options.debug) console.error(traceOf(error as Error));
    return 1;
  } finally {
    attempt.removeTemporaryFolders();
    lock.release();
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  }
}

/**
 * Puts `staging` in place as `output`. Synchronous, so that no signal handler runs between
 * the two renames: `output` is always the old site or the new one.
 */
/** The folder a build or merge writes into before it is swapped in: one per process, never shared. */
export const stagingFolder = (output: string): string => `${output}.staging-${process.pid}`;

export function swapIn(staging: string, output: string): void {
  const previous = `${output}.previous-${process.pid}`;
  const hadSite = existsSync(output);
  if (hadSite) renameSync(output, previous);
  try {
    renameSync(staging, output);
  } catch (error) {
    if (hadSite) renameSync(previous, output);
    throw error;
  }
  // The old site is deleted by a process of its own: tens of thousands of files take
  // seconds, and the new site is already in place.
  if (hadSite) removeInBackground(previous);
}

/** One run of the build into its own staging folder (`_site.staging-<pid>`), never shared. */
class BuildAttempt implements LockedAttempt {
  private readonly staging: string;
  /** Temporary files (Pagefind's pages), beside the output: removed with the staging folder. */
  private readonly scratch: string;
  private build?: Build;
  /** What the build is doing, for the one line a failure prints. */
  private doing = "checking the content";
  private swapped = false;

  constructor(
    private readonly output: string,
    private readonly options: SiteBuildOptions,
  ) {
    this.staging = stagingFolder(output);
    this.scratch = `${output}.tmp-${process.pid}`;
  }

  async run(): Promise<number> {
    const { output, staging, options } = this;
    const processes = new ProcessSampler();
    const phases = new PhaseRecorder();
    // Pages whose inputs have not changed are taken from the site in place (src/site/reuse.ts).
    const previousSite = options.full ? undefined : output;
    const { build, problems } = await checkPublication({ ...options, output: staging, scratch: this.scratch, previousSite }, phases);
    if (!build) {
      console.error(formatReport(problems).join("\n"));
      console.error(`Build stopped before writing anything: ${output} is unchanged.`);
      return 1;
    }
    this.build = build;
    for (const line of problems.length ? formatReport(problems) : []) console.warn(line);
    const { publication } = build;
    this.doing = "processing images";
    await build.images.removeStaleTemporaryFiles();
    await phases.phase("images", () => Promise.all([catalogueOf(build), bodyPicturesOf(build)]));
    await rm(staging, { recursive: true, force: true });
    const plan = await phases.phase("planning", async () => reusePlanOf(build));
    if (plan.notice) console.warn(plan.notice);
    this.doing = "rendering pages";
    // Eleventy resolves its input and includes relative to the working folder: the kit's own
    // folder, wherever it is installed (node_modules/ of a publication too); back after rendering.
    const workingFolder = process.cwd();
    process.chdir(projectRoot);
    try {
      for (const run of build.runs) {
        build.run = run;
        const eleventy = new Eleventy("src", staging, { configPath: false, quietMode: true, pathPrefix: basePathOf(publication.site.url), config: newsroomSite(build) });
        // Eleventy prints a failure with its stack trace; the build says it in one line (the trace with --debug).
        eleventy.logger.overrideLogger({ ...console, error: options.debug ? console.error : () => undefined });
        await phases.phase("eleventy", () => eleventy.write());
        // Under a large heap limit V8 lets garbage pile up across runs; a full collection
        // between runs keeps the peak at one run's worth (10,000 articles: 1.6 → 1.1 GiB).
        collectGarbage?.();
      }
      this.doing = "writing the search index, stylesheets and images";
      await build.finishRendering();
    } finally {
      process.chdir(workingFolder);
    }
    this.doing = "taking unchanged pages from the previous site";
    await phases.phase("reuse pages", () => takeReusedPages(build, staging));

    if (options.shard) {
      this.doing = "writing the shard's manifest";
      await phases.phase("shard manifest", () => writeShardManifest(build, staging));
    }
    this.doing = "putting the new site in place";
    await phases.phase("swap", async () => this.swap());
    await phases.phase("build record", async () => writeBuildRecord(build, output));
    if (options.phasesFile) writeFileSync(options.phasesFile, JSON.stringify({ phases: phases.summary(), ...processes.stop() }, null, 2));

    const scheduled = publication.scheduled.map((article) => `${article.file} (${isoWithOffset(article.date)})`);
    if (scheduled.length) console.log(`${scheduled.length} scheduled: ${scheduled.join(", ")}`);
    if (publication.drafts.length && !options.includeUnpublished) console.log(`${publication.drafts.length} draft(s) left out.`);
    console.log(this.summary(build));
    return 0;
  }

  /** The build's last line: what it built, what it rendered and reused, what each capability says. */
  private summary(build: Build): string {
    const { options, output } = this;
    const { articles } = build.publication;
    const where = path.relative(process.cwd(), output) || output;
    const built = options.shard
      ? `Built shard ${options.shard.index}/${options.shard.count} (${englishCount(entriesOfShard(build, "article").length, "article page", "article pages")} of ${englishCount(articles.length, "article", "articles")}) into ${where}`
      : `Built ${englishCount(articles.length, "article", "articles")} into ${where}`;
    const plan = reusePlanOf(build);
    const pages = `${englishCount(plan.renderedCount, "page", "pages")} rendered, ${plan.reused.size.toLocaleString("en")} reused`;
    return `${built}: ${[pages, ...build.reports].join("; ")}.`;
  }

  private swap(): void {
    swapIn(this.staging, this.output);
    this.swapped = true;
  }

  /** Stops the build's child processes and removes what it wrote. Synchronous: runs in a signal handler. */
  interrupt(signal: NodeJS.Signals): void {
    console.error(`\nBuild stopped by ${signal}: ${this.swapped ? `the new site was already in place in ${this.output}` : `${this.output} is unchanged`}.`);
    this.build?.interrupt();
    this.removeTemporaryFolders();
  }

  removeTemporaryFolders(): void {
    rmSync(this.staging, { recursive: true, force: true });
    rmSync(this.scratch, { recursive: true, force: true });
  }

  /** One line: what the build was doing, which file, what went wrong. */
  failure(error: Error): string {
    const file = this.fileOf(error);
    const cause = innermost(error).message.split("\n")[0]!.trim();
    const outcome = this.swapped ? `the new site is in place in ${this.output}` : `nothing was changed: ${this.output} is as it was`;
    return `Build failed while ${this.doing}${file ? ` (${file})` : ""}: ${cause} — ${outcome}. Run with --debug for the full trace.`;
  }

  /** The file an error names: an image, a template Eleventy rendered, a file the system refused. */
  private fileOf(error: Error): string | undefined {
    const relative = (file: string) => path.relative(this.options.root, file).split(path.sep).join("/");
    for (const link of chainOf(error)) {
      if (link instanceof ImageError) return relative(link.sourceFile);
      const template = /rendering \w+ template (\S+)/.exec(link.message)?.[1];
      // Eleventy names templates from the kit's folder: ./src/articles/article.njk
      if (template) return path.posix.normalize(template);
      const file = (link as NodeJS.ErrnoException).path;
      if (file) return relative(file);
    }
    return undefined;
  }
}

/** An error and what caused it: `cause`, and Eleventy's `originalError`. */
function chainOf(error: Error): Error[] {
  const chain: Error[] = [];
  for (let link: unknown = error; link instanceof Error && !chain.includes(link); link = (link as { originalError?: unknown }).originalError ?? link.cause) chain.push(link);
  return chain;
}

const innermost = (error: Error): Error => chainOf(error).at(-1)!;

/** Every stack trace of the chain, for --debug. */
export function traceOf(error: Error): string {
  return chainOf(error)
    .map((link) => link.stack ?? String(link))
    .join("\nCaused by: ");
}

/**
 * What builds stopped by SIGKILL or a power cut left beside the output: their staging and
 * temporary folders (removed; their process is gone, and this build holds the lock), an old
 * site still being deleted (deleted in the background again), the staging folder of older
 * versions of the kit.
 */
async function removeLeftovers(output: string): Promise<void> {
  const folder = path.dirname(output);
  const name = path.basename(output);
  for (const entry of await readdir(folder).catch(() => [] as string[])) {
    if (!entry.startsWith(`${name}.`)) continue;
    const [, kind, pid] = /^\.(staging|tmp|previous)(?:-(\d+))?$/.exec(entry.slice(name.length)) ?? [];
    if (!kind || (pid === undefined && kind !== "staging")) continue;
    const leftover = path.join(folder, entry);
    if (kind === "previous") removeInBackground(leftover);
    else if (pid === undefined || !isRunning(Number(pid))) await rm(leftover, { recursive: true, force: true });
  }
}

function removeInBackground(folder: string): void {
  if (process.platform === "win32") {
    void rm(folder, { recursive: true, force: true });
    return;
  }
  spawn("rm", ["-rf", folder], { detached: true, stdio: "ignore" }).unref();
}
