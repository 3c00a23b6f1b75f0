import { describe, expect, it } from "vitest";
import { registryOf } from "../../../src/site/registry.ts";
import { entriesToRender } from "../../../src/site/runs.ts";
import { sampleBuild } from "../../helpers/site-model.ts";
import { samplePosts } from "../../helpers/sample.ts";

describe("page registry", async () => {
  const build = await sampleBuild();
  const registry = registryOf(build);
  const posts = samplePosts();

  it("lists every page once: no two entries share a URL", () => {
    const urls = registry.entries.map((entry) => entry.url);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it("gives each published article its pages, newest first, and marks one of them for search", () => {
    expect(registry.articlePages.map((pages) => pages[0]!.url)).toEqual(posts.map((post) => post.url));
    for (const pages of registry.articlePages) expect(pages.filter((page) => page.indexed)).toHaveLength(1);
    const multiPage = registry.articlePages.find((pages) => pages.length > 1)!;
    expect(multiPage.at(-1)!.url).toMatch(/\/all\/$/);
    expect(multiPage.at(-1)!.indexed).toBe(true);
    expect(registry.indexedArticleUrls).toHaveLength(posts.length);
  });

  it("pages the home listing by postsPerPage", () => {
    const home = registry.of("listing").filter((entry) => entry.archive.kind === "home");
    expect(home.map((entry) => entry.url)).toEqual(["/", "/page/2/", "/page/3/", "/page/4/"].slice(0, Math.ceil(posts.length / 5)));
    expect(home.flatMap((entry) => entry.page.items.map((article) => article.url))).toEqual(posts.map((post) => post.url));
  });

  it("lists in the sitemap exactly the pages a reader lands on, not feeds, 404 or robots.txt", () => {
    const kinds = new Set(registry.publicPages.map((entry) => entry.kind));
    expect([...kinds].sort()).toEqual(["archiveIndex", "article", "categoryIndex", "listing", "page", "search", "tagIndex"]);
    expect(registry.of("sitemap")).toEqual([{ kind: "sitemap", url: "/sitemap.xml", index: false, start: 0, end: registry.publicPages.length }]);
  });

  it("has a feed for the site in three formats and an RSS feed per category and author", () => {
    const { categories, authors } = build.publication;
    expect(registry.of("rss")).toHaveLength(1 + categories.size + authors.size);
    expect(registry.of("atom").map((entry) => entry.url)).toEqual(["/atom.xml"]);
    expect(registry.of("jsonFeed").map((entry) => entry.url)).toEqual(["/feed.json"]);
  });
});

describe("render runs", async () => {
  const build = await sampleBuild({ articlesPerSlice: 5 });
  const registry = registryOf(build);

  it("renders every article and listing page in exactly one run, the other pages in the first run only", () => {
    const rendered = build.runs.flatMap((run) => {
      build.run = run;
      return [...entriesToRender(build, "article"), ...entriesToRender(build, "listing"), ...entriesToRender(build, "rss"), ...entriesToRender(build, "robots")];
    });
    const expected = registry.entries.filter((entry) => ["article", "listing", "rss", "robots"].includes(entry.kind));
    expect(rendered).toHaveLength(expected.length);
    expect(new Set(rendered)).toEqual(new Set(expected));
    expect(build.runs).toHaveLength(Math.max(Math.ceil(build.publication.articles.length / 5), Math.ceil(registry.of("listing").length / 5)));
  });
});

describe("the build's memo", async () => {
  const build = await sampleBuild();

  it("computes a thing once per build and shares it", () => {
    let calls = 0;
    const count = () => ++calls;
    expect(build.memo(count)).toBe(1);
    expect(build.memo(count)).toBe(1);
    expect(registryOf(build)).toBe(registryOf(build));
  });

  it("computes it again for another build", async () => {
    const other = await sampleBuild();
    expect(registryOf(other)).not.toBe(registryOf(build));
  });
});
