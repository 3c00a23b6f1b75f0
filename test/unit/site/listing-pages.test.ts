import { describe, expect, it } from "vitest";
import { planPages } from "../../../src/site/listing-pages.ts";
import { buildPager } from "../../../src/pagination/index.ts";

const items = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe("listing page planner", () => {
  it("gives an empty archive one page that holds nothing", () => {
    expect(planPages("/tag/x/", [], 5)).toEqual([{ page: 1, pageCount: 1, url: "/tag/x/", items: [], prevUrl: undefined, nextUrl: undefined, pager: undefined }]);
  });

  it("gives a short archive one page without navigation", () => {
    const [only, ...rest] = planPages("/category/a/", items(3), 5);
    expect(rest).toEqual([]);
    expect(only!.items).toEqual([1, 2, 3]);
    expect(only!.pager).toBeUndefined();
  });

  it("fills pages exactly for an exact multiple of the page size", () => {
    const pages = planPages("/", items(10), 5);
    expect(pages.map((page) => [page.url, page.items])).toEqual([
      ["/", [1, 2, 3, 4, 5]],
      ["/page/2/", [6, 7, 8, 9, 10]],
    ]);
  });

  it("links many pages in order; page 1 is the bare URL, never /page/1/", () => {
    const pages = planPages("/author/a/", items(23), 5);
    expect(pages).toHaveLength(5);
    expect(pages.map((page) => page.url)).toEqual(["/author/a/", "/author/a/page/2/", "/author/a/page/3/", "/author/a/page/4/", "/author/a/page/5/"]);
    expect(pages[0]!.prevUrl).toBeUndefined();
    expect(pages[0]!.nextUrl).toBe("/author/a/page/2/");
    expect(pages[2]!.prevUrl).toBe("/author/a/page/2/");
    expect(pages[4]!.nextUrl).toBeUndefined();
    expect(pages[4]!.items).toEqual([21, 22, 23]);
    expect(pages[0]!.pager!.numbers[0]).toEqual({ number: 1, url: "/author/a/", current: true });
    expect(pages.flatMap((page) => page.pager!.numbers).some((number) => number?.url.includes("/page/1/"))).toBe(false);
  });
});

describe("pager", () => {
  const urlOf = (page: number) => `/p/${page}/`;

  it("windows long runs around the current page with gaps", () => {
    const pager = buildPager(20, 10, urlOf);
    expect([pager.current, pager.count]).toEqual([10, 20]);
    expect(pager.numbers.map((number) => number?.number ?? "…")).toEqual([1, "…", 8, 9, 10, 11, 12, "…", 20]);
    expect(pager.prev.url).toBe("/p/9/");
    expect(pager.next.url).toBe("/p/11/");
  });

  it("shows every number of a short run", () => {
    expect(buildPager(4, 1, urlOf).numbers.map((number) => number?.number)).toEqual([1, 2, 3, 4]);
  });

  it("leaves First and Prev unlinked on page 1, Next and Last on the last page", () => {
    const first = buildPager(3, 1, urlOf);
    expect([first.first.url, first.prev.url]).toEqual([undefined, undefined]);
    const last = buildPager(3, 3, urlOf);
    expect([last.next.url, last.last.url]).toEqual([undefined, undefined]);
  });
});
