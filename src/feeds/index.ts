// Feeds: RSS 2.0, Atom and JSON Feed for the whole site; RSS per category and per author.
import { currentBuild, type Build } from "../publication/index.ts";
import type { EleventyConfig } from "../publication/eleventy.ts";
import { buildFeeds, type Feeds } from "./model.ts";
import { atomFeedUrl, jsonFeedUrl, rssFeedUrl } from "../urls/index.ts";

const feeds = new WeakMap<Build, Promise<Feeds>>();

export default function feedsPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addGlobalData("feeds", async () => {
    const build = await currentBuild();
    if (!feeds.has(build)) feeds.set(build, buildFeeds(build.publication, build.images));
    return feeds.get(build);
  });
  // Autodiscovery on every page: the site's feeds in all three formats.
  eleventyConfig.addGlobalData("siteFeeds", async () => {
    const { site } = (await currentBuild()).publication;
    return [
      { type: "application/rss+xml", name: `${site.title} (RSS)`, url: rssFeedUrl },
      { type: "application/atom+xml", name: `${site.title} (Atom)`, url: atomFeedUrl },
      { type: "application/feed+json", name: `${site.title} (JSON Feed)`, url: jsonFeedUrl },
    ];
  });
}
