// Dates from before a zone's standard time, and very long articles: output that stays valid
// and does not grow with the square of the page count.
import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { dateToRfc822 } from "@11ty/eleventy-plugin-rss";
import { isoWithOffset, rfc822 } from "../../src/dates/index.ts";
import { planArticlePages } from "../../src/site/article-pages.ts";

const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;

describe("dates before standard time", () => {
  // New York kept local mean time, 4:56:02 behind Greenwich, until November 1883.
  const lmt = DateTime.fromObject({ year: 1870, month: 5, day: 4, hour: 9, minute: 30 }, { zone: "America/New_York" });

  it("writes RFC 3339 and RFC 822 with an offset of whole minutes, for the same instant", () => {
    expect(isoWithOffset(lmt)).toBe("1870-05-04T09:30:02-04:56");
    expect(rfc822(lmt)).toBe("Wed, 04 May 1870 09:30:02 -0456");
    expect(isoWithOffset(lmt)).toMatch(RFC_3339);
    expect(rfc822(lmt)).toMatch(RFC_822);
    // Seconds of the offset move into the clock time: the moment is unchanged.
    expect(DateTime.fromISO(isoWithOffset(lmt)).toMillis()).toBe(lmt.toMillis());
    expect(DateTime.fromRFC2822(rfc822(lmt)).toMillis()).toBe(lmt.toMillis());
  });

  it("writes today's dates exactly as before, to the byte", () => {
    for (const [iso, zone] of [
      ["2026-03-04T09:30:00", "America/New_York"],
      ["2026-07-04T09:30:00", "America/New_York"],
      ["2026-07-04T09:30:00", "Asia/Kolkata"],
      ["2026-01-04T09:30:00", "UTC"],
    ] as const) {
      const date = DateTime.fromISO(iso, { zone });
      expect(rfc822(date)).toBe(dateToRfc822(date.toJSDate(), zone));
      expect(isoWithOffset(date)).toBe(date.toISO({ suppressMilliseconds: true }));
    }
  });
});

describe("a 500-page article", () => {
  const pages = planArticlePages("/2025/03/long/", 500);

  it("links a window of pages on each page, not all 500", () => {
    const linked = pages.map((page) => page.pager!.numbers.filter((number) => number !== null).length);
    expect(Math.max(...linked)).toBe(7); // first, two before, the page, two after, last
    expect(pages[249]!.pager!.numbers.map((number) => number?.number ?? "…")).toEqual([1, "…", 248, 249, 250, 251, 252, "…", 500]);
  });

  it("keeps First, Prev, Next, Last and View all on every page", () => {
    const middle = pages[249]!.pager!;
    expect([middle.first.url, middle.prev.url, middle.next.url, middle.last.url, middle.viewAll.url]).toEqual([
      "/2025/03/long/",
      "/2025/03/long/249/",
      "/2025/03/long/251/",
      "/2025/03/long/500/",
      "/2025/03/long/all/",
    ]);
  });
});
