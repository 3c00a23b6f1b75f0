// The benchmark's synthetic publication: deterministic, valid, and shaped as specified.
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { CORPUS_SHAPE, generateCorpus } from "../../src/bench/corpus.ts";
import { loadPublication } from "../../src/content/load.ts";
import { tempDir } from "../helpers/build.ts";

function treeDigest(root: string): string {
  const hash = createHash("sha256");
  for (const file of (readdirSync(root, { recursive: true }) as string[]).sort()) {
    if (file.includes(".")) hash.update(file).update(readFileSync(path.join(root, file)));
  }
  return hash.digest("hex");
}

describe("benchmark corpus", () => {
  it("is the same for the same seed, different for another", () => {
    const [a, b, c] = [tempDir("corpus"), tempDir("corpus"), tempDir("corpus")];
    generateCorpus(a, { articles: 50 });
    generateCorpus(b, { articles: 50 });
    generateCorpus(c, { articles: 50, seed: 2 });
    expect(treeDigest(a)).toBe(treeDigest(b));
    expect(treeDigest(a)).not.toBe(treeDigest(c));
  });

  it("passes the content check with no problems and has the specified shape", async () => {
    const root = tempDir("corpus");
    generateCorpus(root, { articles: 300 });
    const publication = await loadPublication(root, { now: DateTime.fromISO("2026-07-01T00:00:00-05:00") });
    expect(publication.warnings).toEqual([]);
    const { articles } = publication;
    expect(articles).toHaveLength(300);
    expect(publication.authors.size).toBe(CORPUS_SHAPE.authors);
    expect(publication.categories.size).toBe(CORPUS_SHAPE.categories);
    const share = (test: (article: (typeof articles)[number]) => boolean) => articles.filter(test).length / articles.length;
    expect(share((article) => article.image !== undefined)).toBeGreaterThan(0.6);
    expect(share((article) => article.image !== undefined)).toBeLessThan(0.8);
    expect(share((article) => article.parts.length > 1)).toBeGreaterThan(0.05);
    expect(share((article) => article.parts.length > 1)).toBeLessThan(0.16);
    const words = articles.map((article) => article.words).sort((x, y) => x - y);
    expect(words[Math.floor(words.length / 2)]).toBeGreaterThan(750);
    expect(words[Math.floor(words.length / 2)]).toBeLessThan(950);
    expect(Math.max(...articles.map((article) => article.tags.length))).toBeLessThanOrEqual(CORPUS_SHAPE.maxTags);
    expect(new Set(articles.flatMap((article) => article.tags.map((tag) => tag.slug))).size).toBeGreaterThan(200);
    expect(new Set(articles.map((article) => article.date.year)).size).toBeGreaterThanOrEqual(4);
  });
});
