// Search: the Pagefind index, fed while Eleventy renders and written at the end of every
// build, and the /search/ page.
import path from "node:path";
import { currentBuild } from "../publication/index.ts";
import type { EleventyConfig } from "../publication/eleventy.ts";
import { phase } from "../publication/phases.ts";
import { isFirstRun, isLastRun } from "../publication/runs.ts";
import { absoluteUrl, searchUrl } from "../urls/index.ts";
import { pageMeta } from "../seo/index.ts";
import { displayMonth } from "../dates/index.ts";
import { writeStylesheet } from "../layout/css.ts";
import { ARTICLES_PER_BUNDLE, SearchIndexer, searchBundles } from "./indexer.ts";
import { indexedArticleUrl } from "../articles/pages.ts";

export const SEARCH_SCRIPT_URL = "/assets/search.js";
/** The search page's own styles: the other pages do not download them. */
export const SEARCH_STYLESHEET_URL = "/assets/search.css";
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
      stylesheet: SEARCH_STYLESHEET_URL,
      hasArticles: articles.length > 0,
      // Newest first, as the search page reads them, with the month of each one's oldest
      // story: the page says how far back it has searched.
      bundles: searchBundles(articles.length, bundleSize)
        .reverse()
        .map(({ url, articles: { end } }) => ({
          url,
          since: end ? displayMonth(articles[end - 1]!.date, site.language) : "",
        })),
      meta: pageMeta(site.title, "Search", `Search every story of ${site.title}.`, absoluteUrl(site.url, searchUrl)),
    };
  });

  // A publication without articles has nothing to index; its search page says so. One
  // indexer serves every Eleventy run of a build (src/publication/runs.ts).
  eleventyConfig.on("eleventy.before", async ({ directories }) => {
    if (!isFirstRun()) return;
    const { settings, publication } = await currentBuild();
    const { site, articles } = publication;
    const indexedUrls = articles.map((article) => indexedArticleUrl(article.url, article.parts.length));
    const cacheDir = path.join(settings.root, ".cache", "search");
    indexer = articles.length ? new SearchIndexer(site.language, directories.output, indexedUrls, bundleSize, cacheDir) : undefined;
  });
  eleventyConfig.addTransform("search-index", function (this: { page: { url: string | false } }, content: string) {
    if (indexer && this.page.url) indexer.add({ url: this.page.url, content });
    return content;
  });
  eleventyConfig.addWatchTarget("src/search/search.css");
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    if (!isLastRun()) return;
    await writeStylesheet(path.join(import.meta.dirname, "search.css"), directories.output, SEARCH_STYLESHEET_URL);
    const { publication } = await currentBuild();
    if (!indexer) return;
    const indexed = await phase("search index", () => indexer!.finish(publication.articles.length));
    const bundles = indexer.bundles.length;
    const reused = indexer.reused ? `, ${indexer.reused} of them unchanged and reused` : "";
    console.log(`Search index: ${indexed} article${indexed === 1 ? "" : "s"} in ${bundles} bundle${bundles === 1 ? "" : "s"}${reused}.`);
  });
}
