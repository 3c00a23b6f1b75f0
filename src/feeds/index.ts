// Feeds: RSS 2.0, Atom and JSON Feed for the whole site; RSS per category and per author.
import type { EleventyConfig, PluginOptions } from "../site/eleventy.ts";
import { atomFeedUrl, jsonFeedUrl, rssFeedUrl } from "../urls/index.ts";
import { feedsToRender } from "./model.ts";

export default function feedsPlugin(eleventyConfig: EleventyConfig, { build }: PluginOptions): void {
  eleventyConfig.addGlobalData("feeds", () => feedsToRender(build));
  // Autodiscovery on every page: the site's feeds in all three formats.
  const { title } = build.publication.site;
  eleventyConfig.addGlobalData("siteFeeds", [
    { type: "application/rss+xml", name: `${title} (RSS)`, url: rssFeedUrl },
    { type: "application/atom+xml", name: `${title} (Atom)`, url: atomFeedUrl },
    { type: "application/feed+json", name: `${title} (JSON Feed)`, url: jsonFeedUrl },
  ]);
}
