import { describe, expect, it } from "vitest";
import { planRenderRuns } from "../../src/publication/runs.ts";

describe("render runs", () => {
  it("renders a small publication, and one without articles, in one run", () => {
    expect(planRenderRuns(18, 2500)).toEqual([{ index: 0, count: 1, articles: { start: 0, end: 18 } }]);
    expect(planRenderRuns(0, 2500)).toEqual([{ index: 0, count: 1, articles: { start: 0, end: 0 } }]);
  });

  it("gives every article to exactly one run, in order, the last run the remainder", () => {
    const runs = planRenderRuns(10_001, 2500);
    expect(runs.map((run) => [run.index, run.count, run.articles.start, run.articles.end])).toEqual([
      [0, 5, 0, 2500],
      [1, 5, 2500, 5000],
      [2, 5, 5000, 7500],
      [3, 5, 7500, 10_000],
      [4, 5, 10_000, 10_001],
    ]);
  });

  it("needs no extra run when the articles divide evenly", () => {
    expect(planRenderRuns(10_000, 2500).at(-1)!.articles).toEqual({ start: 7500, end: 10_000 });
    expect(planRenderRuns(10_000, 2500)).toHaveLength(4);
  });
});
