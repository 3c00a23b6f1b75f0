import { describe, expect, it } from "vitest";
import { planArticlePages } from "../../../src/site/article-pages.ts";

describe("article page plan", () => {
  it("gives a single-page article one page and no pager", () => {
    expect(planArticlePages("/2025/03/a/", 1)).toEqual([{ part: 1, url: "/2025/03/a/" }]);
  });

  it("gives an article of N parts pages 1..N plus View all", () => {
    const pages = planArticlePages("/2025/03/a/", 3);
    expect(pages.map((page) => [page.part, page.url])).toEqual([
      [1, "/2025/03/a/"],
      [2, "/2025/03/a/2/"],
      [3, "/2025/03/a/3/"],
      ["all", "/2025/03/a/all/"],
    ]);
  });

  it("never links First/Prev from page 1 or Next/Last from the last page", () => {
    const [first, second, third, all] = planArticlePages("/2025/03/a/", 3).map((page) => page.pager!);
    expect([first!.current, first!.count]).toEqual([1, 3]);
    expect(first!.first.url).toBeUndefined();
    expect(first!.prev.url).toBeUndefined();
    expect(first!.next.url).toBe("/2025/03/a/2/");
    expect(first!.last.url).toBe("/2025/03/a/3/");

    expect(second!.prev.url).toBe("/2025/03/a/");
    expect(second!.next.url).toBe("/2025/03/a/3/");
    expect(second!.numbers.filter((number) => number?.current).map((number) => number!.number)).toEqual([2]);

    expect(third!.next.url).toBeUndefined();
    expect(third!.last.url).toBeUndefined();

    expect([all!.current, all!.count]).toEqual([undefined, 3]);
    expect(all!.viewAll.current).toBe(true);
    expect(all!.numbers.some((number) => number?.current)).toBe(false);
    expect(all!.prev.url).toBeUndefined();
    expect(all!.next.url).toBeUndefined();
  });
});
