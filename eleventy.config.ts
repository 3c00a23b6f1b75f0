// The kit's Eleventy configuration: one plugin per capability in src/, each handed the build
// it renders (src/site/build.ts). Content is read and validated by src/content before
// Eleventy starts, never by Eleventy itself: Eleventy renders the entry templates that live
// beside each capability's code, paginated over the page registry (src/site/registry.ts).
import publication from "./src/publication/index.ts";
import layout from "./src/layout/index.ts";
import articles from "./src/articles/index.ts";
import listings from "./src/listings/index.ts";
import sitemaps from "./src/sitemaps/index.ts";
import feeds from "./src/feeds/index.ts";
import search from "./src/search/index.ts";
import redirects from "./src/redirects/index.ts";
import pages from "./src/pages/index.ts";
import type { Build } from "./src/site/build.ts";
import type { EleventyConfig } from "./src/site/eleventy.ts";

/** Eleventy's configuration for one render run of `build` (its `config` option). */
export function newsroomSite(build: Build) {
  return function (eleventyConfig: EleventyConfig): void {
    eleventyConfig.setTemplateFormats(["njk"]);
    eleventyConfig.setIncludesDirectory("../_includes");
    // Deliberately absent (src/_data): editors' _data/*.json reaches templates only validated.
    eleventyConfig.setDataDirectory("_data");
    for (const plugin of [publication, layout, articles, listings, sitemaps, feeds, search, redirects, pages]) eleventyConfig.addPlugin(plugin, { build });
  };
}
