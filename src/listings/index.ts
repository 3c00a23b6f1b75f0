// Listings: home, category, tag, author and date archives (paged), their indexes, the 404
// page, and the small "Load more" script.
import type { EleventyConfig, PluginOptions } from "../site/eleventy.ts";
import { loadMoreScriptUrl } from "../urls/index.ts";
import { listingPagesToRender } from "./view.ts";

export default function listingsPlugin(eleventyConfig: EleventyConfig, { build }: PluginOptions): void {
  eleventyConfig.addPassthroughCopy({ "src/listings/load-more.js": loadMoreScriptUrl });
  eleventyConfig.addGlobalData("loadMoreScript", loadMoreScriptUrl);
  eleventyConfig.addGlobalData("listings", () => listingPagesToRender(build));
}
