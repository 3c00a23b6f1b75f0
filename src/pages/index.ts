// Static pages: pages/<slug>.md (about, contact, corrections policy) at /<slug>/, in the site's
// layout. The menu and the footer link them (src/layout); the sitemap lists them.
import type { EleventyConfig, PluginOptions } from "../site/eleventy.ts";
import { staticPagesToRender } from "./view.ts";

export default function pagesPlugin(eleventyConfig: EleventyConfig, { build }: PluginOptions): void {
  eleventyConfig.addGlobalData("staticPages", () => staticPagesToRender(build));
}
