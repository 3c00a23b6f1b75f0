// Large publications are rendered in several Eleventy runs in one process. Eleventy keeps
// every page it renders, with its data, until the run ends; a run that holds a slice of the
// articles lets memory stay flat however large the archive grows. The first run renders
// every other page as well (listings, feeds, sitemaps, search); later runs only articles.
import { searchBundleUrl } from "../urls/index.ts";
import type { Build } from "./build.ts";
import { registryOf, type EntryOf, type ListingEntry, type PageKind } from "./registry.ts";
import { reusePlanOf } from "./reuse.ts";
import { entriesOfShard } from "./shards.ts";

/**
 * Articles per render run and per search bundle: one size, so each search bundle is
 * complete when the run that renders its articles ends.
 *
 * Measured on 10,000 generated articles (npm run bench): one run peaked at 1.6 GiB of
 * memory, four runs of 2,500 articles at 1.1 GiB, and took no longer; Pagefind's memory grows
 * faster than the pages it holds (one 10,000-page bundle 3.5 GiB, bundles of 2,500 1.0 GiB).
 * (Rendering the other pages in the last run instead starts Pagefind sooner, but it peaked at
 * 1.5 GiB and took no less: the bundles it had not yet indexed were waiting in memory.)
 */
export const ARTICLES_PER_SLICE = 2_500;

/** Positions in a newest-first list: from `start` up to, not including, `end`. */
export interface Slice {
  start: number;
  end: number;
}

export interface RenderRun {
  index: number;
  /** The first run renders every page that is neither an article page nor a listing page. */
  first: boolean;
  /** The articles (positions in the newest-first list) whose pages this run renders. */
  articles: Slice;
  /** The listing pages it renders: positions in the list of listing pages the build renders. */
  listings: Slice;
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
 * The runs that render the articles at `positions` (oldest first) and `listingPages` listing
 * pages: at most `perRun` of each per run, a run covering its articles' positions from the
 * newest to the oldest. Always at least one run, the first. All of a publication's articles
 * make one run per slice (slicesFromOldest). At 100,000 articles the listings alone are some
 * 50,000 pages: in one run, Eleventy would hold them all at once.
 */
export function planRenderRuns(positions: readonly number[], listingPages = 0, perRun = ARTICLES_PER_SLICE): RenderRun[] {
  const count = Math.max(1, Math.ceil(positions.length / perRun), Math.ceil(listingPages / perRun));
  return Array.from({ length: count }, (_, index) => {
    const chunk = positions.slice(index * perRun, (index + 1) * perRun);
    return {
      index,
      first: index === 0,
      articles: chunk.length ? { start: Math.min(...chunk), end: Math.max(...chunk) + 1 } : { start: 0, end: 0 },
      listings: { start: Math.min(listingPages, index * perRun), end: Math.min(listingPages, (index + 1) * perRun) },
    };
  });
}

/**
 * The render runs of a build: the article pages it renders, in runs of at most
 * `articlesPerSlice` articles counted from the oldest (a cold build: one run per slice, as
 * the search bundles are cut), the other pages in the first run. Always at least one run.
 */
export const renderRunsOf = (build: Build): RenderRun[] => build.memo(runsOfBuild);

function runsOfBuild(build: Build): RenderRun[] {
  const plan = reusePlanOf(build);
  const pages = registryOf(build).articlePages;
  const oldestFirst = build.articleSlices
    .flatMap(({ start, end }) => Array.from({ length: end - start }, (_, offset) => end - 1 - offset))
    .filter((position) => pages[position]!.some((entry) => plan.renders(entry)))
    .sort((a, b) => b - a);
  return planRenderRuns(oldestFirst, listingsToRender(build).length, build.options.articlesPerSlice);
}

/** The listing pages this build renders, in registry order: render runs take their share of them. */
export const listingsToRender = (build: Build): ListingEntry[] => build.memo(listingsOfBuild);
const listingsOfBuild = (build: Build): ListingEntry[] => entriesOfShard(build, "listing").filter((entry) => reusePlanOf(build).renders(entry));

/**
 * The entries of `kind` that the current render run writes: a share of the articles' pages and
 * of the listing pages in each run, every other page (of this build's shard) in the first run
 * only (src/site/runs.ts); only those the build renders rather than takes from the previous
 * site (reuse.ts).
 */
export function entriesToRender<Kind extends PageKind>(build: Build, kind: Kind): EntryOf<Kind>[] {
  const plan = reusePlanOf(build);
  const { run } = build;
  if (kind === "article") return registryOf(build).articlePages.slice(run.articles.start, run.articles.end).flat().filter((entry) => plan.renders(entry)) as EntryOf<Kind>[];
  if (kind === "listing") return listingsToRender(build).slice(run.listings.start, run.listings.end) as EntryOf<Kind>[];
  return build.run.first ? entriesOfShard(build, kind).filter((entry) => plan.renders(entry)) : [];
}

export interface SearchBundle {
  /** /pagefind/ for the oldest articles, then /pagefind-2/, … */
  url: string;
  /** Its articles: positions in the newest-first list of articles. */
  articles: Slice;
}

/**
 * The search bundles for `articleCount` articles, oldest first, each inside one slice
 * (slicesFromOldest), so a render run completes its bundles and a shard indexes whole ones.
 * A full slice is one bundle: a new article leaves it as it is. The newest slice, while it
 * fills, is cut into blocks of a tenth of a slice counted from its oldest article, so a new
 * article re-indexes only the newest block (at most 250 pages, not up to 2,499); when the
 * slice is full its blocks become one bundle, indexed once per 2,500 stories.
 * What readers pay (npm run bench -- --reader, 11,200 stories: 4 slices and 5 blocks instead
 * of 5 bundles): the search page reads the newest bundle first and older ones only while it
 * has too few results (src/search/search.js), so a first search reads a small block's index,
 * 138-143 KB in 18-19 requests instead of 165-224 KB; a search that reads every bundle (no
 * match, the filters) reads the 4 more blocks too, 34 requests and 440 KB instead of 22 and 342.
 */
export function searchBundles(articleCount: number, sliceSize: number): SearchBundle[] {
  const blockSize = Math.ceil(sliceSize / 10);
  return slicesFromOldest(articleCount, sliceSize)
    .flatMap((slice) =>
      slice.end - slice.start === sliceSize
        ? [slice]
        : slicesFromOldest(slice.end - slice.start, blockSize).map(({ start, end }) => ({ start: slice.start + start, end: slice.start + end })),
    )
    .map((articles, index) => ({ url: searchBundleUrl(index + 1), articles }));
}
