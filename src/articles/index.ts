// Article pages: every published article, each of its pages and its View all page.
import { currentBuild } from "../publication/index.ts";
import type { EleventyConfig } from "../publication/eleventy.ts";
import { buildArticlePages } from "./view.ts";

export default function articlesPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addGlobalData("articlePages", async () => {
    const { publication, images } = await currentBuild();
    return buildArticlePages(publication, images);
  });
}
