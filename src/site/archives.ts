// Every archive of the publication — home, categories, tags, authors, years, months — as
// lists of article references, newest first, collected in one pass over the articles.
import type { Article } from "../content/article.ts";
import type { DateTime } from "luxon";
import type { Publication } from "../content/load.ts";
import { authorUrl, categoryUrl, homeUrl, monthUrl, tagUrl, yearUrl } from "../urls/index.ts";
import type { Build } from "./build.ts";

export type ArchiveKind = "home" | "category" | "tag" | "author" | "year" | "month";

export interface Archive {
  kind: ArchiveKind;
  /** Category or author id, tag slug, "2025" or "2025-12"; "" for home. */
  key: string;
  /** Page 1 of the archive. */
  url: string;
  /** The tag's name as written (merged spelling), the year as digits; "" for others. */
  name: string;
  /** Year and month archives: the period's first moment in the site's zone. */
  period?: DateTime;
  articles: Article[];
}

export interface Archives {
  home: Archive;
  /** In the order of categories.json, empty ones included. */
  categories: Archive[];
  /** By name. */
  tags: Archive[];
  /** In the order of authors.json, those without articles included. */
  authors: Archive[];
  /** Newest year first. */
  years: Archive[];
  /** Newest month first. */
  months: Archive[];
}

/** The archives of a build's publication, collected once for the registry, listings and feeds. */
export const collectArchives = (build: Build): Archives => build.memo(bucketBuildArticles);
const bucketBuildArticles = (build: Build) => bucketArticles(build.publication);

/** Every paged archive, in the order its pages are written: home, categories, tags, authors, years, months. */
export function pagedArchives(archives: Archives): Archive[] {
  return [archives.home, ...archives.categories, ...archives.tags, ...archives.authors, ...archives.years, ...archives.months];
}

function bucketArticles(publication: Publication): Archives {
  const categories = new Map([...publication.categories.keys()].map((id) => [id, archive("category", id, categoryUrl(id), id)]));
  const authors = new Map([...publication.authors.keys()].map((id) => [id, archive("author", id, authorUrl(id), id)]));
  const tags = new Map<string, Archive>();
  const years = new Map<number, Archive>();
  const months = new Map<string, Archive>();

  // Articles come newest first, so every archive fills newest first too.
  for (const article of publication.articles) {
    for (const id of article.categoryIds) categories.get(id)!.articles.push(article);
    for (const id of article.authorIds) authors.get(id)!.articles.push(article);
    for (const tag of article.tags) {
      if (!tags.has(tag.slug)) tags.set(tag.slug, archive("tag", tag.slug, tagUrl(tag.slug), tag.name));
      tags.get(tag.slug)!.articles.push(article);
    }
    const { year, month } = article.date;
    if (!years.has(year)) years.set(year, { ...archive("year", String(year), yearUrl(year), String(year)), period: article.date.startOf("year") });
    years.get(year)!.articles.push(article);
    const monthKey = `${year}-${String(month).padStart(2, "0")}`;
    if (!months.has(monthKey)) months.set(monthKey, { ...archive("month", monthKey, monthUrl(year, month), ""), period: article.date.startOf("month") });
    months.get(monthKey)!.articles.push(article);
  }

  return {
    home: { ...archive("home", "", homeUrl, ""), articles: publication.articles },
    categories: [...categories.values()],
    tags: [...tags.values()].sort((a, b) => a.name.localeCompare(b.name, publication.site.language) || a.key.localeCompare(b.key)),
    authors: [...authors.values()],
    years: [...years.values()],
    months: [...months.values()],
  };
}

function archive(kind: ArchiveKind, key: string, url: string, name: string): Archive {
  return { kind, key, url, name, articles: [] };
}
