// Search: the Pagefind index, written at the end of every build, and the /search/ page.
import { currentBuild } from "../publication/index.ts";
import type { EleventyConfig } from "../publication/eleventy.ts";
import { absoluteUrl, searchUrl } from "../urls/index.ts";
import { pageMeta } from "../seo/index.ts";
import { writeSearchIndex } from "./indexer.ts";

export const SEARCH_SCRIPT_URL = "/assets/search.js";

export default function searchPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPassthroughCopy({ "src/search/search.js": SEARCH_SCRIPT_URL });
  eleventyConfig.addGlobalData("search", async () => {
    const { site, articles } = (await currentBuild()).publication;
    return {
      url: searchUrl,
      script: SEARCH_SCRIPT_URL,
      hasArticles: articles.length > 0,
      meta: pageMeta(site.title, "Search", `Search every story of ${site.title}.`, absoluteUrl(site.url, searchUrl)),
    };
  });
  eleventyConfig.on("eleventy.after", async ({ directories, results }) => {
    const { publication } = await currentBuild();
    // A publication without articles has nothing to index; its search page says so.
    if (publication.articles.length === 0) return;
    await writeSearchIndex(results, directories.output, publication.site.language, publication.articles.length);
  });
}
