import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import type { Article } from "../../../src/content/article.ts";
import { relatedArticles } from "../../../src/site/related.ts";

function article(slug: string, day: number, categoryIds: string[], tags: string[]): Article {
  return {
    file: `posts/${slug}.md`,
    digest: "",
    slug,
    url: `/2025/01/${slug}/`,
    title: slug,
    date: DateTime.fromISO(`2025-01-${String(day).padStart(2, "0")}T12:00:00Z`),
    dateOnly: false,
    authorIds: ["a"],
    categoryId: categoryIds[0]!,
    categoryIds,
    tags: tags.map((tag) => ({ name: tag, slug: tag })),
    aliases: [],
    aliasLines: [],
    files: [],
    draft: false,
    parts: ["text"],
    partLines: [1],
    words: 1,
  };
}

describe("related articles", () => {
  // Newest first, as the publication lists them.
  const water = article("water", 20, ["courts"], ["water", "farms"]);
  const waterFollowUp = article("water-follow-up", 18, ["environment"], ["water", "farms"]);
  const sameCategory = article("court-other", 15, ["courts"], []);
  const unrelated = article("budget", 10, ["economy"], ["budget"]);
  const sharesOneTag = article("water-old", 2, ["transport"], ["water"]);
  const related = relatedArticles([water, waterFollowUp, sameCategory, unrelated, sharesOneTag]);

  it("rank shared tags above a shared category", () => {
    expect(related.get(water)).toEqual([waterFollowUp, sharesOneTag, sameCategory]);
  });

  it("leave out articles that share nothing", () => {
    expect(related.get(unrelated)).toEqual([]);
    expect(related.get(sameCategory)).toEqual([water]);
  });

  it("never relate an article to itself and give at most the asked number", () => {
    for (const [self, others] of related) {
      expect(others).not.toContain(self);
      expect(others.length).toBeLessThanOrEqual(3);
    }
  });

  it("look only at neighbours in time within each tag or category", () => {
    const many = Array.from({ length: 30 }, (_, index) => article(`a${index}`, 28 - (index % 28), ["politics"], []));
    const nearOnly = relatedArticles(many, 3, 2);
    expect(nearOnly.get(many[0]!)).toEqual(expect.arrayContaining([]));
    expect(nearOnly.get(many[0]!)!.every((other) => many.indexOf(other) <= 2)).toBe(true);
  });
});
