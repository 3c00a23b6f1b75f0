// One build of the site: the options it was started with, the validated publication, and
// everything computed from them once (the page registry, cards, archives, feeds…). Every
// plugin is handed the Build it renders; nothing about a build lives in module state.
import type { DateTime } from "luxon";
import type { Publication } from "../content/load.ts";
import { cacheFolder, ImageProcessor } from "../images/index.ts";
import type { PhaseRecorder } from "./phases.ts";
import { ARTICLES_PER_SLICE, renderRunsOf, slicesFromOldest, type RenderRun, type Slice } from "./runs.ts";
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
  /** Ignore what earlier builds left: render every page, read every file (npm run build -- --full). */
  full?: boolean;
  /**
   * The site an earlier build wrote into the output: pages whose inputs have not changed since
   * are taken from it (src/site/reuse.ts). None: every page is rendered.
   */
  previousSite?: string;
}

export const defaultSliceSize = ARTICLES_PER_SLICE;

type Hook = () => Promise<void>;

export class Build {
  readonly images: ImageProcessor;
  /** The build's articles (positions in the newest-first list) in slices, oldest first: all of them, or its shard's. */
  readonly articleSlices: Slice[];
  private current?: RenderRun;
  private readonly memos = new Map<(build: Build) => unknown, unknown>();
  private readonly afterRendering = new Map<string, Hook>();
  private readonly onInterrupt = new Map<string, () => void>();
  private readonly reported = new Map<string, string>();

  constructor(
    readonly options: BuildOptions,
    readonly publication: Publication,
    /** Where the build's time goes (npm run bench reads it). */
    readonly phases: PhaseRecorder,
  ) {
    this.images = new ImageProcessor(cacheFolder(options.root));
    const { length } = publication.articles;
    this.articleSlices = options.shard
      ? planArticleShards(publication.articles, options.articlesPerSlice, options.shard.count).slices[options.shard.index - 1]!
      : length
        ? slicesFromOldest(length, options.articlesPerSlice)
        : [];
  }

  /** Render runs in order (src/site/reuse.ts: only what the build renders). */
  get runs(): RenderRun[] {
    return renderRunsOf(this);
  }

  /** The run Eleventy is rendering now. */
  get run(): RenderRun {
    return this.current ?? this.runs[0]!;
  }

  set run(run: RenderRun) {
    this.current = run;
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
   * What a capability says about this build, for the build's last line ("search: 1 bundle
   * re-indexed, 4 reused (4.1 s)"); a later report under the same name replaces the earlier.
   */
  report(part: string, text: string): void {
    this.reported.set(part, text);
  }

  /** What each capability says about this build, for its last line: "search: …", in the order first reported. */
  get reports(): string[] {
    return [...this.reported].map(([part, text]) => `${part}: ${text}`);
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
