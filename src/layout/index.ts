// The frame around every page: header navigation and the site's stylesheet.
import path from "node:path";
import { currentBuild } from "../publication/index.ts";
import { isLastRun } from "../publication/runs.ts";
import { writeStylesheet } from "./css.ts";
import type { EleventyConfig } from "../publication/eleventy.ts";
import { archiveUrl, categoryIndexUrl, categoryUrl, homeUrl, searchUrl } from "../urls/index.ts";

export const STYLESHEET_URL = "/assets/site.css";
export const FAVICON_URL = "/favicon.svg";

export default function layoutPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPassthroughCopy({ "src/layout/favicon.svg": FAVICON_URL });
  eleventyConfig.addWatchTarget("src/layout/site.css");
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    if (!isLastRun()) return;
    await writeStylesheet(path.join(import.meta.dirname, "site.css"), directories.output, STYLESHEET_URL);
  });
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
