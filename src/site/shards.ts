// A build split across machines: shard K of N renders a deterministic share of the page
// registry, and `npm run build -- --merge` puts the shards' folders together. Articles go to
// shards in whole render slices — each slice is one search bundle, so every bundle is indexed
// by exactly one shard, cut as the one-machine build cuts it; every other page is spread by
// its estimated cost. The same publication, clock and slice size give every shard the same plan.
import type { Article } from "../content/article.ts";
import { planArticlePages } from "./article-pages.ts";
import type { Build } from "./build.ts";
import { registryOf, type EntryOf, type PageEntry, type PageKind, type Registry } from "./registry.ts";
import { slicesFromOldest, type Slice } from "./runs.ts";

export interface Shard {
  /** 1-based, as people count shards: 1/4 … 4/4. */
  index: number;
  count: number;
}

/**
 * Rough rendering cost of one page of each kind, an article page being 1 (npm run bench,
 * 10,000 articles: article pages render at about 150/s with their search indexing, listings of
 * 20 cards a little faster, a redirect page or a copied file almost nothing). A feed carries its
 * newest articles' full text; a sitemap file's cost grows with the URLs it lists.
 */
const COST = {
  article: 1,
  /** Added to the one page of each article that search indexes. */
  indexed: 0.5,
  listing: 0.8,
  feed: 4,
  sitemapPerUrl: 0.002,
  redirect: 0.1,
  file: 0.05,
  single: 1,
} as const;

export function entryCost(entry: PageEntry): number {
  switch (entry.kind) {
    case "article":
      return COST.article + (entry.indexed ? COST.indexed : 0);
    case "listing":
      return COST.listing;
    case "rss":
    case "atom":
    case "jsonFeed":
      return COST.feed;
    case "sitemap":
      return COST.single + (entry.end - entry.start) * COST.sitemapPerUrl;
    case "redirect":
      return COST.redirect;
    case "file":
      return COST.file;
    default:
      return COST.single;
  }
}

/** An article's pages (a multi-page one has each page and View all), search indexing included. */
function articleCost(article: Article): number {
  return planArticlePages(article.url, article.parts.length).length * COST.article + COST.indexed;
}

export interface ShardPlan {
  /** The article slices (render runs, search bundles) of each shard, oldest first; index 0 is shard 1. */
  slices: Slice[][];
  /** Estimated cost of each shard's articles. */
  articleLoads: number[];
}

/**
 * Gives whole slices of the newest-first `articles` to `count` shards, most expensive slice
 * first, each to the shard with the least work so far (ties: the lower shard).
 */
export function planArticleShards(articles: readonly Article[], sliceSize: number, count: number): ShardPlan {
  const slices = articles.length ? slicesFromOldest(articles.length, sliceSize) : [];
  const costed = slices.map((slice, order) => ({ slice, order, cost: articles.slice(slice.start, slice.end).reduce((sum, article) => sum + articleCost(article), 0) }));
  const plan: ShardPlan = { slices: Array.from({ length: count }, () => []), articleLoads: Array.from({ length: count }, () => 0) };
  const given: { order: number; slice: Slice }[][] = plan.slices.map(() => []);
  for (const { slice, order, cost } of [...costed].sort((a, b) => b.cost - a.cost || a.order - b.order)) {
    const shard = leastLoaded(plan.articleLoads);
    given[shard]!.push({ order, slice });
    plan.articleLoads[shard]! += cost;
  }
  // Oldest first within a shard, as the one-machine build renders them.
  plan.slices = given.map((slices) => slices.sort((a, b) => a.order - b.order).map(({ slice }) => slice));
  return plan;
}

/**
 * The registry entries other than article pages that shard `shard` writes: spread over the
 * shards after the articles, most expensive first, each to the least loaded shard.
 */
export function planOtherEntries(registry: Registry, articleLoads: readonly number[], shard: Shard): Set<PageEntry> {
  const loads = [...articleLoads];
  const mine = new Set<PageEntry>();
  const others = registry.entries.map((entry, order) => ({ entry, order, cost: entryCost(entry) })).filter(({ entry }) => entry.kind !== "article");
  for (const { entry, cost } of others.sort((a, b) => b.cost - a.cost || a.order - b.order)) {
    const target = leastLoaded(loads);
    loads[target]! += cost;
    if (target === shard.index - 1) mine.add(entry);
  }
  return mine;
}

function leastLoaded(loads: readonly number[]): number {
  let best = 0;
  for (let index = 1; index < loads.length; index++) if (loads[index]! < loads[best]!) best = index;
  return best;
}

/** `K/N` as the command line writes it, or undefined with a reason. */
export function parseShard(text: string): Shard | string {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return `--shard ${text}: write it as K/N, e.g. --shard 2/4 for the second of four shards`;
  const shard = { index: Number(match[1]), count: Number(match[2]) };
  if (shard.count < 1 || shard.index < 1 || shard.index > shard.count) return `--shard ${text}: K must be between 1 and N, e.g. --shard 1/${Math.max(1, shard.count)}`;
  return shard;
}

/** Every entry of `kind` this build writes, in all its runs: all of them, or its shard's share. */
export function entriesOfShard<Kind extends PageKind>(build: Build, kind: Kind): EntryOf<Kind>[] {
  const registry = registryOf(build);
  if (kind === "article") return build.articleSlices.flatMap(({ start, end }) => registry.articlePages.slice(start, end).flat()) as EntryOf<Kind>[];
  if (!build.options.shard) return registry.of(kind);
  const mine = build.memo(shareOfShard);
  return registry.of(kind).filter((entry) => mine.has(entry));
}

const shareOfShard = (build: Build): Set<PageEntry> => {
  const shard = build.options.shard!;
  const { articleLoads } = planArticleShards(build.publication.articles, build.options.articlesPerSlice, shard.count);
  return planOtherEntries(registryOf(build), articleLoads, shard);
};

/** Every entry this build writes: the whole registry, or its shard's share (npm run build -- --shard). */
export function entriesOfBuild(build: Build): PageEntry[] {
  const kinds = new Set(registryOf(build).entries.map((entry) => entry.kind));
  return [...kinds].flatMap((kind) => entriesOfShard(build, kind));
}
