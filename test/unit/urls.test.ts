import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { absoluteUrl, articlePartUrl, articleUrl, isReservedSlug, toSlug } from "../../src/urls/index.ts";
import { uniqueTags } from "../../src/content/article.ts";

describe("slugs", () => {
  it("ignores case and spacing", () => {
    expect(toSlug("Water Rights")).toBe("water-rights");
    expect(toSlug("  water   rights ")).toBe("water-rights");
  });

  it("transliterates non-ASCII letters to a readable slug", () => {
    expect(toSlug("São Tomé delegation")).toBe("sao-tome-delegation");
    expect(toSlug("Ελληνική κοινότητα")).toBe("elliniki-koinotita");
    expect(toSlug("Москва")).toBe("moskva");
  });

  it("keeps letters that have no transliteration instead of returning an empty slug", () => {
    expect(toSlug("北京 会议")).toBe("北京-会议");
  });

  it("merges an article's tags that differ only in case or spacing", () => {
    expect(uniqueTags(["Water Rights", "water  rights", "Budget"])).toEqual([
      { name: "Water Rights", slug: "water-rights" },
      { name: "Budget", slug: "budget" },
    ]);
  });

  it("reserves slugs that would clash with site URLs", () => {
    for (const slug of ["all", "page", "feed.xml", "2024", "7"]) expect(isReservedSlug(slug)).toBe(true);
    expect(isReservedSlug("page-one")).toBe(false);
  });
});

describe("article URLs", () => {
  it("take year and month from the date in the site's zone", () => {
    const lateNewYearsEve = DateTime.fromISO("2025-12-31T23:30:00-05:00", { setZone: true }).setZone("America/New_York");
    expect(articleUrl(lateNewYearsEve, "deadline")).toBe("/2025/12/deadline/");
  });

  it("put page 1 at the bare URL, page K at K/ and every page at all/", () => {
    expect(articlePartUrl("/2025/03/story/", 1)).toBe("/2025/03/story/");
    expect(articlePartUrl("/2025/03/story/", 2)).toBe("/2025/03/story/2/");
    expect(articlePartUrl("/2025/03/story/", "all")).toBe("/2025/03/story/all/");
  });

  it("are made absolute against the site URL, its path included", () => {
    expect(absoluteUrl("https://news.example.org", "/2025/03/story/")).toBe("https://news.example.org/2025/03/story/");
    expect(absoluteUrl("https://example.org/edition", "/a/")).toBe("https://example.org/edition/a/");
  });
});
