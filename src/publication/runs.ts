// Large publications are rendered in several Eleventy runs in one process. Eleventy keeps
// every page it renders, with its data, until the run ends; a run that holds a slice of the
// articles lets memory stay flat however large the archive grows. The first run renders
// every other page as well (listings, feeds, sitemaps, search); later runs only articles.

/**
 * Measured on 10,000 generated articles (npm run bench): one run peaked at 1.6 GiB of
 * memory, four runs of 2,500 articles at 1.1 GiB, and took no longer. (Rendering the other
 * pages in the last run instead starts Pagefind sooner, but it peaked at 1.5 GiB and took
 * no less: the bundles it had not yet indexed were waiting in memory.)
 */
export const ARTICLES_PER_RUN = 2_500;

export interface RenderRun {
  index: number;
  count: number;
  /** The articles (positions in the newest-first list) whose pages this run renders. */
  articles: Slice;
}

/** Positions in a newest-first list: from `start` up to, not including, `end`. */
export interface Slice {
  start: number;
  end: number;
}

/**
 * Cuts a newest-first list of `count` items into slices of `size` counted from the oldest,
 * oldest slice first; the newest slice holds the remainder. Older slices stay the same as
 * new items arrive, so what was made of them (a search bundle) can be reused.
 */
export function slicesFromOldest(count: number, size: number): Slice[] {
  return Array.from({ length: Math.max(1, Math.ceil(count / size)) }, (_, index) => ({
    start: Math.max(0, count - (index + 1) * size),
    end: count - index * size,
  }));
}

/**
 * The runs that render `articleCount` articles, always at least one: cut like the search
 * bundles (of ARTICLES_PER_BUNDLE, src/search/indexer.ts, the same size as ARTICLES_PER_RUN),
 * so each bundle is complete when a run ends.
 */
export function planRenderRuns(articleCount: number, perRun = ARTICLES_PER_RUN): RenderRun[] {
  const slices = slicesFromOldest(articleCount, perRun);
  return slices.map((articles, index) => ({ index, count: slices.length, articles }));
}

/** Outside `npm run build` (npm start, tests running Eleventy) everything is one run. */
const everything: RenderRun = { index: 0, count: 1, articles: { start: 0, end: Number.POSITIVE_INFINITY } };
let current = everything;

export function startRun(run: RenderRun): void {
  current = run;
}

export const currentRun = (): RenderRun => current;
export const isFirstRun = (): boolean => current.index === 0;
export const isLastRun = (): boolean => current.index === current.count - 1;
