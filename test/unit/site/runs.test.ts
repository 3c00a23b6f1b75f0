import { describe, expect, it } from "vitest";
import { planRenderRuns, searchBundles, slicesFromOldest } from "../../../src/site/runs.ts";

describe("slices counted from the oldest", () => {
  it("gives every item of a newest-first list to exactly one slice, oldest slice first", () => {
    expect(slicesFromOldest(10_001, 2500)).toEqual([
      { start: 7501, end: 10_001 },
      { start: 5001, end: 7501 },
      { start: 2501, end: 5001 },
      { start: 1, end: 2501 },
      { start: 0, end: 1 },
    ]);
  });

  it("keeps the older slices' items when new items arrive at the front", () => {
    const items = Array.from({ length: 7000 }, (_, index) => `story ${7000 - index}`); // newest first
    const withNew = ["story 7001", ...items];
    const contents = (list: string[]) => slicesFromOldest(list.length, 2500).map(({ start, end }) => list.slice(start, end));
    const [oldest, middle] = contents(items);
    expect(contents(withNew).slice(0, 2)).toEqual([oldest, middle]);
  });

  it("makes one slice of a short list, and of an empty one", () => {
    expect(slicesFromOldest(18, 2500)).toEqual([{ start: 0, end: 18 }]);
    expect(slicesFromOldest(0, 2500)).toEqual([{ start: 0, end: 0 }]);
    expect(slicesFromOldest(5000, 2500)).toEqual([
      { start: 2500, end: 5000 },
      { start: 0, end: 2500 },
    ]);
  });
});

/** Positions 0…count-1 of a newest-first list, oldest first. */
const oldestFirst = (count: number) => Array.from({ length: count }, (_, index) => count - 1 - index);

describe("render runs", () => {
  it("renders a small publication in one run", () => {
    expect(planRenderRuns(oldestFirst(18), 9, 2500)).toEqual([{ index: 0, first: true, articles: { start: 0, end: 18 }, listings: { start: 0, end: 9 } }]);
  });

  it("renders the slices in order, numbered, the other pages in the first run only", () => {
    const runs = planRenderRuns(oldestFirst(10_001), 0, 2500);
    expect(runs.map((run) => [run.index, run.first])).toEqual([
      [0, true],
      [1, false],
      [2, false],
      [3, false],
      [4, false],
    ]);
    expect(runs.map((run) => run.articles)).toEqual(slicesFromOldest(10_001, 2500));
  });

  it("gives an incremental build's scattered articles runs of at most the slice size, oldest first", () => {
    expect(planRenderRuns([9000, 5, 4, 0], 0, 3)).toEqual([
      { index: 0, first: true, articles: { start: 4, end: 9001 }, listings: { start: 0, end: 0 } },
      { index: 1, first: false, articles: { start: 0, end: 1 }, listings: { start: 0, end: 0 } },
    ]);
  });

  it("shares the listing pages out over the runs, with runs of their own when there are more of them", () => {
    const runs = planRenderRuns(oldestFirst(5), 7, 3);
    expect(runs.map(({ articles, listings }) => [articles, listings])).toEqual([
      [{ start: 2, end: 5 }, { start: 0, end: 3 }],
      [{ start: 0, end: 2 }, { start: 3, end: 6 }],
      [{ start: 0, end: 0 }, { start: 6, end: 7 }],
    ]);
  });

  it("still has a first run, for the other pages, when no article is rendered", () => {
    expect(planRenderRuns([], 0, 2500)).toEqual([{ index: 0, first: true, articles: { start: 0, end: 0 }, listings: { start: 0, end: 0 } }]);
  });
});

describe("search bundles", () => {
  it("makes each full slice one bundle, and cuts the newest, partial one into blocks of a tenth of a slice from its oldest", () => {
    const bundles = searchBundles(11_200, 2500);
    expect(bundles.map(({ url }) => url)).toEqual(["/pagefind/", ...[2, 3, 4, 5, 6, 7, 8, 9].map((bundle) => `/pagefind-${bundle}/`)]);
    expect(bundles.map(({ articles }) => articles)).toEqual([
      ...slicesFromOldest(11_200, 2500).slice(0, 4),
      { start: 950, end: 1200 },
      { start: 700, end: 950 },
      { start: 450, end: 700 },
      { start: 200, end: 450 },
      { start: 0, end: 200 },
    ]);
  });

  it("changes only the newest block's stories when a story arrives", () => {
    const stories = Array.from({ length: 11_200 }, (_, index) => 11_200 - index); // newest first
    const contents = (list: number[]) => searchBundles(list.length, 2500).map(({ articles }) => list.slice(articles.start, articles.end));
    const before = contents(stories);
    const after = contents([11_201, ...stories]);
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after.at(-1)).toEqual([11_201, ...before.at(-1)!]);
  });

  it("makes the blocks one bundle when their slice is full, and keeps every bundle inside one slice", () => {
    expect(searchBundles(10_000, 2500).map(({ articles }) => articles)).toEqual(slicesFromOldest(10_000, 2500));
    for (const count of [1, 19, 2499, 2501, 7777]) {
      const slices = slicesFromOldest(count, 2500);
      for (const { articles } of searchBundles(count, 2500)) expect(slices.some(({ start, end }) => start <= articles.start && articles.end <= end)).toBe(true);
    }
    expect(searchBundles(0, 2500)).toEqual([{ url: "/pagefind/", articles: { start: 0, end: 0 } }]);
  });
});
