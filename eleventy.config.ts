// The newsroom kit's Eleventy configuration: one plugin per capability in src/.
// Content is read and validated by src/content (see src/publication), never by Eleventy
// directly: Eleventy renders the page templates that live beside each capability's code.
import publication from "./src/publication/index.ts";
import layout from "./src/layout/index.ts";
import articles from "./src/articles/index.ts";
import listings from "./src/listings/index.ts";
import sitemaps from "./src/sitemaps/index.ts";
import feeds from "./src/feeds/index.ts";
import search from "./src/search/index.ts";
import type { EleventyConfig } from "./src/publication/eleventy.ts";

export default function (eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPlugin(publication);
  eleventyConfig.addPlugin(layout);
  eleventyConfig.addPlugin(articles);
  eleventyConfig.addPlugin(listings);
  eleventyConfig.addPlugin(sitemaps);
  eleventyConfig.addPlugin(feeds);
  eleventyConfig.addPlugin(search);
}

export const config = {
  templateFormats: ["njk"],
  dir: {
    input: "src",
    includes: "../_includes",
    // Deliberately absent (src/_data): editors' _data/*.json reaches templates only validated.
    data: "_data",
  },
};
