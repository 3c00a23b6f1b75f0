import { describe, expect, it } from "vitest";
import { listingPagesToRender } from "../../../src/listings/view.ts";
import { sampleBuild } from "../../helpers/site-model.ts";
import { samplePosts } from "../../helpers/sample.ts";

describe("listings view", async () => {
  const build = await sampleBuild();
  const pages = await listingPagesToRender(build);
  const posts = samplePosts();

  it("shows the newest story larger on page 1 of the home page, then cards", () => {
    const home = pages.listing.find((page) => page.url === "/")!;
    expect(home.lead!.url).toBe(posts[0]!.url);
    expect(home.cards.map((card) => card.url)).toEqual(posts.slice(1, 5).map((post) => post.url));
    expect(home.loadMoreUrl).toBe("/page/2/");
    expect(home.meta.title).toBe(`${build.publication.site.title} — ${build.publication.site.description}`);
  });

  it("titles later pages with their number and gives date archives no Load more", () => {
    expect(pages.listing.find((page) => page.url === "/page/2/")!.meta.headline).toBe("Latest stories, page 2");
    for (const page of pages.listing.filter((page) => page.kind === "month" || page.kind === "year")) expect(page.loadMoreUrl).toBeUndefined();
  });

  it("names month archives in the site's language and counts stories in the indexes", () => {
    const [archive] = pages.archiveIndex;
    const months = archive!.content.flatMap((year) => year.months.map((month) => month.name));
    expect(months.every((name) => /^[A-Z][a-z]+ \d{4}$/.test(name))).toBe(true);
    const total = archive!.content.reduce((sum, year) => sum + Number(year.count.split(" ")[0]), 0);
    expect(total).toBe(posts.length);
    expect(pages.categoryIndex[0]!.content.every((category) => /^\d+ stor(y|ies)$/.test(category.count))).toBe(true);
  });

  it("keeps the 404 page out of search engines", () => {
    expect(pages.notFound[0]!.meta.robots).toBe("noindex");
    expect(pages.notFound[0]!.meta.canonical).toBeUndefined();
  });
});
