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
  articles: { start: number; end: number };
}

/** The runs that render `articleCount` articles: always at least one. */
export function planRenderRuns(articleCount: number, perRun = ARTICLES_PER_RUN): RenderRun[] {
  const count = Math.max(1, Math.ceil(articleCount / perRun));
  return Array.from({ length: count }, (_, index) => ({
    index,
    count,
    articles: { start: index * perRun, end: index === count - 1 ? articleCount : (index + 1) * perRun },
  }));
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
