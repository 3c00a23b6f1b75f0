import { describe, expect, it } from "vitest";
import { feedsToRender } from "../../../src/feeds/model.ts";
import { sampleBuild } from "../../helpers/site-model.ts";
import { samplePosts } from "../../helpers/sample.ts";

describe("feeds model", async () => {
  const build = await sampleBuild();
  const feeds = await feedsToRender(build);
  const posts = samplePosts();
  const site = build.publication.site;

  it("carries the newest articles of the site, newest first, up to feedSize", () => {
    const [siteFeed] = feeds.rss;
    expect(siteFeed!.url).toBe("/feed.xml");
    expect(siteFeed!.items.map((item) => item.url)).toEqual(posts.slice(0, site.feedSize).map((post) => `${site.url}${post.url}`));
    expect(feeds.atom[0]!.items).toEqual(siteFeed!.items);
  });

  it("gives a category feed only that category's stories, primary or extra", () => {
    const feed = feeds.rss.find((candidate) => candidate.url === "/category/statehouse/feed.xml")!;
    const expected = posts.filter((post) => post.categories.includes("statehouse"));
    expect(feed.items.map((item) => item.url)).toEqual(expected.slice(0, site.feedSize).map((post) => `${site.url}${post.url}`));
    expect(feed.title).toBe(`${site.title}: ${build.publication.categories.get("statehouse")!.name}`);
  });

  it("dates the feed by its newest item and writes full text with absolute links", () => {
    const [siteFeed] = feeds.rss;
    expect(siteFeed!.updated!.rfc3339 >= siteFeed!.items[0]!.published.rfc3339).toBe(true);
    for (const item of siteFeed!.items) expect(item.contentHtml).not.toMatch(/(href|src)="\/(?!\/)/);
  });

  it("writes JSON Feed 1.1", () => {
    const json = JSON.parse(feeds.json[0]!.text);
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.feed_url).toBe(`${site.url}/feed.json`);
    expect(json.items).toHaveLength(Math.min(site.feedSize, posts.length));
  });
});
