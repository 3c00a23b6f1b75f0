// Search: the Pagefind index, fed while Eleventy renders and finished after the last render
// run, and the /search/ page.
import path from "node:path";
import { displayMonth } from "../dates/index.ts";
import { englishCount } from "../i18n/index.ts";
import { pageMeta } from "../seo/index.ts";
import type { Build } from "../site/build.ts";
import type { EleventyConfig, PluginOptions } from "../site/eleventy.ts";
import { searchFingerprintsOf } from "../site/fingerprints.ts";
import { registryOf } from "../site/registry.ts";
import { reusePlanOf } from "../site/reuse.ts";
import { entriesToRender, searchBundles, type SearchBundle } from "../site/runs.ts";
import { writeStylesheet } from "../site/stylesheet.ts";
import { absoluteUrl, basePathOf, searchScriptUrl, searchStylesheetUrl, withBasePath } from "../urls/index.ts";
import { SearchIndexer, type BundlePlan, type IndexSummary } from "./indexer.ts";

const SCRIPT_MESSAGES = [
  "search.filterCategory",
  "search.filterAuthor",
  "search.filterYear",
  "search.prompt",
  "search.matches",
  "search.matchesSince",
  "search.noMatches",
  "search.more",
  "search.before",
] as const;

/** One indexer per build, fed by every render run; none for a publication without articles. */
const indexerOf = (build: Build) => build.memo(startIndexer);

function startIndexer(build: Build): SearchIndexer | undefined {
  const { options, publication } = build;
  if (!publication.articles.length) return undefined;
  const indexer = new SearchIndexer({
    language: publication.site.language,
    outputDir: options.output,
    bundles: bundlesOfBuild(build),
    cacheDir: path.join(options.root, ".cache", "search"),
    // A cold build still takes a bundle kept for the very pages it rendered (the cache is keyed
    // by their bytes); --full takes nothing from earlier builds.
    readCache: !options.full,
    scratchDir: options.scratch,
  });
  build.whenInterrupted("search", () => indexer.stop());
  return indexer;
}

/**
 * The bundles this build writes (a shard: those inside its slices), each with its articles'
 * indexed pages: those the build takes from the previous site are read from there.
 */
function bundlesOfBuild(build: Build): BundlePlan[] {
  const plan = reusePlanOf(build);
  const fingerprints = searchFingerprintsOf(build);
  const { articlePages } = registryOf(build);
  const inThisBuild = ({ articles }: SearchBundle) => build.articleSlices.some(({ start, end }) => start <= articles.start && articles.end <= end);
  return searchBundles(build.publication.articles.length, build.options.articlesPerSlice)
    .filter(inThisBuild)
    .map(({ url, articles }) => {
      const entries = articlePages.slice(articles.start, articles.end).map((pages) => pages.find((page) => page.indexed)!);
      const previousFiles = new Map<string, string>();
      for (const entry of entries) {
        const file = plan.reused.get(entry);
        if (file) previousFiles.set(entry.url, file);
      }
      const known = entries.map((entry) => fingerprints.get(entry));
      return { url, pages: entries.map((entry) => entry.url), previousFiles, fingerprints: known.every(Boolean) ? (known as string[]) : undefined };
    });
}

/** The search index's part of the build's last line: "1 bundle re-indexed (201 pages), 8 reused (1.2 s)". */
function reportOf({ indexed, indexedPages, reused, seconds }: IndexSummary, incremental: boolean): string {
  const pages = indexed ? ` (${englishCount(indexedPages, "page", "pages")})` : "";
  return `${englishCount(indexed, "bundle", "bundles")} ${incremental ? "re-indexed" : "indexed"}${pages}, ${reused.toLocaleString("en")} reused (${seconds.toFixed(1)} s)`;
}

function searchPage(build: Build, url: string) {
  const { site, articles, messages } = build.publication;
  // The script reads the bundles from a data attribute, which the HTML <base> plugin leaves
  // alone: they are written as readers request them, under the site's base path. Pagefind's
  // result URLs follow its bundle's: one at /news/pagefind/ gives /news/2025/03/story/.
  const basePath = basePathOf(site.url);
  return {
    url,
    script: searchScriptUrl,
    stylesheet: searchStylesheetUrl,
    hasArticles: articles.length > 0,
    // Newest first, as the search page reads them, with the month of each one's oldest
    // story: the page says how far back it has searched.
    bundles: searchBundles(articles.length, build.options.articlesPerSlice)
      .reverse()
      .map(({ url: bundleUrl, articles: { end } }) => ({
        url: withBasePath(basePath, bundleUrl),
        since: end ? displayMonth(articles[end - 1]!.date, site.language) : "",
      })),
    // What search.js says, in the site's language.
    messages: messages.forScript(SCRIPT_MESSAGES),
    meta: pageMeta(site.title, messages.text("search.title"), messages.text("search.description", { site: site.title }), absoluteUrl(site.url, url)),
  };
}

export default function searchPlugin(eleventyConfig: EleventyConfig, { build }: PluginOptions): void {
  eleventyConfig.addPassthroughCopy({ "src/search/search.js": searchScriptUrl });
  eleventyConfig.addGlobalData("search", () => ({ pages: entriesToRender(build, "search").map(({ url }) => searchPage(build, url)) }));
  eleventyConfig.addTransform("search-index", function (this: { page: { url: string | false } }, content: string) {
    const indexer = indexerOf(build);
    if (indexer && this.page.url) indexer.add({ url: this.page.url, content });
    return content;
  });
  build.whenRendered("search", async () => {
    await writeStylesheet(path.join(import.meta.dirname, "search.css"), build.options.output, searchStylesheetUrl);
    const indexer = indexerOf(build);
    if (!indexer) return;
    // A shard indexes the bundles of its own articles (src/site/shards.ts); a whole build, all.
    const articleCount = build.articleSlices.reduce((sum, { start, end }) => sum + end - start, 0);
    const summary = await build.phase("search index", () => indexer.finish(articleCount));
    build.report("search", reportOf(summary, reusePlanOf(build).previousSite !== undefined));
  });
}
