// Search: the Pagefind index, fed while Eleventy renders and written at the end of every
// build, and the /search/ page.
import { currentBuild } from "../publication/index.ts";
import type { EleventyConfig } from "../publication/eleventy.ts";
import { phase } from "../publication/phases.ts";
import { isFirstRun, isLastRun } from "../publication/runs.ts";
import { absoluteUrl, searchUrl } from "../urls/index.ts";
import { pageMeta } from "../seo/index.ts";
import { ARTICLES_PER_BUNDLE, SearchIndexer, searchBundles } from "./indexer.ts";
import { indexedArticleUrl } from "../articles/pages.ts";

export const SEARCH_SCRIPT_URL = "/assets/search.js";
/** Articles per search bundle; NEWSROOM_SEARCH_BUNDLE_SIZE overrides it (tests use tiny bundles). */
const bundleSize = Number(process.env.NEWSROOM_SEARCH_BUNDLE_SIZE) || ARTICLES_PER_BUNDLE;

let indexer: SearchIndexer | undefined;

export default function searchPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPassthroughCopy({ "src/search/search.js": SEARCH_SCRIPT_URL });
  eleventyConfig.addGlobalData("search", async () => {
    const { site, articles } = (await currentBuild()).publication;
    return {
      url: searchUrl,
      script: SEARCH_SCRIPT_URL,
      hasArticles: articles.length > 0,
      bundles: searchBundles(articles.length, bundleSize),
      // The month of each bundle's oldest story: the search page says how far back it searched.
      bundlesSince: searchBundles(articles.length, bundleSize).map((_, bundle) => {
        const oldest = articles[Math.min(articles.length, (bundle + 1) * bundleSize) - 1];
        return oldest ? oldest.date.setLocale(site.language).toLocaleString({ month: "long", year: "numeric" }) : "";
      }),
      meta: pageMeta(site.title, "Search", `Search every story of ${site.title}.`, absoluteUrl(site.url, searchUrl)),
    };
  });

  // A publication without articles has nothing to index; its search page says so. One
  // indexer serves every Eleventy run of a build (src/publication/runs.ts).
  eleventyConfig.on("eleventy.before", async ({ directories }) => {
    if (!isFirstRun()) return;
    const { site, articles } = (await currentBuild()).publication;
    const indexedUrls = articles.map((article) => indexedArticleUrl(article.url, article.parts.length));
    indexer = articles.length ? new SearchIndexer(site.language, directories.output, indexedUrls, bundleSize) : undefined;
  });
  eleventyConfig.addTransform("search-index", function (this: { page: { url: string | false } }, content: string) {
    if (indexer && this.page.url) indexer.add({ url: this.page.url, content });
    return content;
  });
  eleventyConfig.on("eleventy.after", async () => {
    if (!isLastRun()) return;
    const { publication } = await currentBuild();
    if (indexer) await phase("search index", () => indexer!.finish(publication.articles.length));
  });
}
