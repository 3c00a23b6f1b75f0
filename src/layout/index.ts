// The frame around every page: header navigation and the site's stylesheet.
import path from "node:path";
import type { EleventyConfig, PluginOptions } from "../site/eleventy.ts";
import { writeStylesheet } from "../site/stylesheet.ts";
import { archiveUrl, categoryIndexUrl, categoryUrl, faviconUrl, homeUrl, searchUrl, stylesheetUrl, tagIndexUrl } from "../urls/index.ts";

export default function layoutPlugin(eleventyConfig: EleventyConfig, { build }: PluginOptions): void {
  eleventyConfig.addPassthroughCopy({ "src/layout/favicon.svg": faviconUrl });
  build.whenRendered("stylesheet", () => writeStylesheet(path.join(import.meta.dirname, "site.css"), build.options.output, stylesheetUrl));
  eleventyConfig.addGlobalData("nav", () => ({
    home: homeUrl,
    categoryIndex: categoryIndexUrl,
    tagIndex: tagIndexUrl,
    categories: [...build.publication.categories].map(([id, category]) => ({ name: category.name, url: categoryUrl(id) })),
    archive: archiveUrl,
    search: searchUrl,
    stylesheet: stylesheetUrl,
    favicon: faviconUrl,
  }));
}
