// Related articles: those sharing tags (weighted 2) and categories (weighted 1).
// Candidates come only from each article's neighbours in time within every tag and
// category, so the cost stays linear in the number of articles (100k must stay fast),
// and related coverage is the coverage from around the same time.
import type { Article } from "../content/article.ts";
import type { Build } from "./build.ts";

const TAG_WEIGHT = 2;
const CATEGORY_WEIGHT = 1;

/** For each article, up to `count` related ones: best score first, then nearest in time. */
export function relatedArticles(articles: readonly Article[], count = 3, window = 20): Map<Article, Article[]> {
  const groups = new Map<string, { weight: number; members: number[] }>();
  const addTo = (key: string, weight: number, index: number) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { weight, members: [] }));
    group.members.push(index);
  };
  articles.forEach((article, index) => {
    for (const tag of article.tags) addTo(`tag:${tag.slug}`, TAG_WEIGHT, index);
    for (const category of article.categoryIds) addTo(`category:${category}`, CATEGORY_WEIGHT, index);
  });

  const scores: Map<number, number>[] = articles.map(() => new Map());
  for (const { weight, members } of groups.values()) {
    // `members` follow the articles' order (newest first), so neighbours are close in time.
    members.forEach((index, position) => {
      const from = Math.max(0, position - window);
      const to = Math.min(members.length, position + window + 1);
      for (let other = from; other < to; other++) {
        if (other === position) continue;
        const candidate = members[other]!;
        scores[index]!.set(candidate, (scores[index]!.get(candidate) ?? 0) + weight);
      }
    });
  }

  const result = new Map<Article, Article[]>();
  articles.forEach((article, index) => {
    const time = article.date.toMillis();
    const ranked = [...scores[index]!.entries()]
      .map(([candidate, score]) => ({ candidate, score, distance: Math.abs(articles[candidate]!.date.toMillis() - time) }))
      .sort((a, b) => b.score - a.score || a.distance - b.distance || a.candidate - b.candidate)
      .slice(0, count)
      .map(({ candidate }) => articles[candidate]!);
    result.set(article, ranked);
  });
  return result;
}

/** The related stories of every published article of a build, computed once (article pages and fingerprints). */
export const relatedOf = (build: Build): Map<Article, Article[]> => build.memo(relatedOfBuild);
const relatedOfBuild = (build: Build) => relatedArticles(build.publication.articles);
