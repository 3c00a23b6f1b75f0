// The frame around every page: header navigation and the one stylesheet.
import { currentBuild } from "../publication/index.ts";
import type { EleventyConfig } from "../publication/eleventy.ts";
import { archiveUrl, categoryIndexUrl, categoryUrl, homeUrl, searchUrl } from "../urls/index.ts";

export const STYLESHEET_URL = "/assets/site.css";
export const FAVICON_URL = "/favicon.svg";

export default function layoutPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPassthroughCopy({ "src/layout/site.css": STYLESHEET_URL, "src/layout/favicon.svg": FAVICON_URL });
  eleventyConfig.addGlobalData("nav", async () => {
    const { publication } = await currentBuild();
    return {
      home: homeUrl,
      categoryIndex: categoryIndexUrl,
      categories: [...publication.categories].map(([id, category]) => ({ name: category.name, url: categoryUrl(id) })),
      archive: archiveUrl,
      search: searchUrl,
      stylesheet: STYLESHEET_URL,
      favicon: FAVICON_URL,
    };
  });
}
