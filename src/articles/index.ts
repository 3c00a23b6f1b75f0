// Article pages: every published article, each of its pages and its View all page.
import { currentBuild } from "../publication/index.ts";
import type { EleventyConfig } from "../publication/eleventy.ts";
import { currentRun, isFirstRun } from "../publication/runs.ts";
import { buildArticlePages } from "./view.ts";

export default function articlesPlugin(eleventyConfig: EleventyConfig): void {
  // Each Eleventy run renders the pages of its slice of the articles (src/publication/runs.ts).
  eleventyConfig.addGlobalData("articlePages", async () => {
    const { publication, images } = await currentBuild();
    return buildArticlePages(publication, images, currentRun().articles);
  });
  // Runs after the first render article pages only.
  if (!isFirstRun()) eleventyConfig.ignores.add("src/**/!(article).njk");
}
