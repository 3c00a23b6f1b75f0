// One build of the site: the options it was started with, the validated publication, and
// everything computed from them once (the page registry, cards, archives, feeds…). Every
// plugin is handed the Build it renders; nothing about a build lives in module state.
import type { DateTime } from "luxon";
import type { Publication } from "../content/load.ts";
import { cacheFolder, ImageProcessor } from "../images/index.ts";
import type { PhaseRecorder } from "./phases.ts";
import { ARTICLES_PER_SLICE, planRenderRuns, type RenderRun } from "./runs.ts";
import { planArticleShards, type Shard } from "./shards.ts";

export interface BuildOptions {
  /** The publication folder: _data/, posts/, img/. */
  root: string;
  /** Where Eleventy writes this build's pages (the staging folder of a production build). */
  output: string;
  /** The build's clock: articles dated after it are scheduled. */
  now: DateTime;
  /** Publish drafts and scheduled articles too, for a local preview only. */
  includeUnpublished: boolean;
  /** Articles per render run and per search bundle (tests use tiny slices). */
  articlesPerSlice: number;
  /** A folder for the build's temporary files, removed when it ends or is interrupted; default: the system's. */
  scratch?: string;
  /** Build only this shard's share of the site (src/site/shards.ts); default: the whole site. */
  shard?: Shard;
}

export const defaultSliceSize = ARTICLES_PER_SLICE;

type Hook = () => Promise<void>;

export class Build {
  readonly images: ImageProcessor;
  /** Render runs in order; `run` is the one Eleventy is rendering now. */
  readonly runs: RenderRun[];
  run: RenderRun;
  private readonly memos = new Map<(build: Build) => unknown, unknown>();
  private readonly afterRendering = new Map<string, Hook>();
  private readonly onInterrupt = new Map<string, () => void>();

  constructor(
    readonly options: BuildOptions,
    readonly publication: Publication,
    /** Where the build's time goes (npm run bench reads it). */
    readonly phases: PhaseRecorder,
  ) {
    this.images = new ImageProcessor(cacheFolder(options.root));
    this.runs = options.shard ? this.shardRuns(options.shard) : planRenderRuns(publication.articles.length, options.articlesPerSlice);
    this.run = this.runs[0]!;
  }

  /** A shard renders its slices of the articles, one run each; its first run also its other pages. */
  private shardRuns(shard: Shard): RenderRun[] {
    const slices = planArticleShards(this.publication.articles, this.options.articlesPerSlice, shard.count).slices[shard.index - 1]!;
    if (!slices.length) return [{ index: 0, first: true, articles: { start: 0, end: 0 } }];
    return slices.map((articles, index) => ({ index, first: index === 0, articles }));
  }

  /**
   * The one way to compute something once per build: `build.memo(collectArchives)` runs
   * `collectArchives(build)` the first time and returns that result ever after. Keyed by the
   * function itself, so two capabilities asking for the same thing share it.
   */
  phase<T>(name: string, work: () => Promise<T>): Promise<T> {
    return this.phases.phase(name, work);
  }

  memo<T>(compute: (build: Build) => T): T {
    if (!this.memos.has(compute)) this.memos.set(compute, compute(this));
    return this.memos.get(compute) as T;
  }

  /**
   * Work that needs every page rendered (the search index's last bundles, the stylesheets,
   * images): registered by plugins under a name (a plugin is set up again for each run, so
   * registering twice replaces), run once after the last run.
   */
  whenRendered(name: string, work: Hook): void {
    this.afterRendering.set(name, work);
  }

  async finishRendering(): Promise<void> {
    for (const work of this.afterRendering.values()) await work();
  }

  /**
   * How to stop what a plugin started (a child process) when the build is interrupted.
   * Synchronous: it runs in a signal handler, just before the process exits.
   */
  whenInterrupted(name: string, stop: () => void): void {
    this.onInterrupt.set(name, stop);
  }

  /** Stops the plugins' work and removes the image cache files being written. */
  interrupt(): void {
    for (const stop of this.onInterrupt.values()) stop();
    this.images.discardTemporaryFiles();
  }
}
