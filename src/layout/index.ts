// The frame around every page: header navigation (site.json `menu`), the footer's links to the
// static pages, the site's stylesheet with the publisher's theme, and the custom includes.
import path from "node:path";
import type { EleventyConfig, PluginOptions } from "../site/eleventy.ts";
import { writeStylesheet } from "../site/stylesheet.ts";
import { publicationCustomIncludes } from "./custom-includes.ts";
import { footerLinks, headerLogo, menuLinks } from "./navigation.ts";
import { themeCss } from "./theme.ts";
import { archiveUrl, categoryIndexUrl, categoryUrl, faviconUrl, homeUrl, searchUrl, stylesheetUrl, tagIndexUrl } from "../urls/index.ts";

export default function layoutPlugin(eleventyConfig: EleventyConfig, { build }: PluginOptions): void {
  eleventyConfig.addPassthroughCopy({ "src/layout/favicon.svg": faviconUrl });
  build.whenRendered("stylesheet", () => writeStylesheet(path.join(import.meta.dirname, "site.css"), build.options.output, stylesheetUrl, themeCss(build.publication.site.theme)));
  eleventyConfig.amendLibrary("njk", (environment) => environment.loaders.unshift(publicationCustomIncludes(build.options.root)));
  eleventyConfig.addGlobalData("nav", () => ({
    home: homeUrl,
    categoryIndex: categoryIndexUrl,
    tagIndex: tagIndexUrl,
    categories: [...build.publication.categories].map(([id, category]) => ({ name: category.name, url: categoryUrl(id) })),
    menu: menuLinks(build.publication),
    footer: footerLinks(build.publication),
    logo: headerLogo(build.publication),
    archive: archiveUrl,
    search: searchUrl,
    stylesheet: stylesheetUrl,
    favicon: faviconUrl,
  }));
}
