// Article pages: every published article, each of its pages and its View all page.
import type { EleventyConfig, PluginOptions } from "../site/eleventy.ts";
import { articlePagesToRender } from "./view.ts";

export default function articlesPlugin(eleventyConfig: EleventyConfig, { build }: PluginOptions): void {
  // Each render run writes the pages of its slice of the articles (src/site/runs.ts).
  eleventyConfig.addGlobalData("articlePages", () => articlePagesToRender(build));
}
