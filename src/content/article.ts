// An article as the rest of the code sees it: front matter resolved against the site,
// its URL and its pages computed once.
import { DateTime } from "luxon";
import type { PublishedFile } from "./paths.ts";

/** A file of the publication a body uses, under the name the body gives it. */
export interface BodyFile extends PublishedFile {
  /** As the body writes it (percent-decoded), e.g. `chart.png` or `/files/budget.pdf?v=2`. */
  reference: string;
}
import type { FrontMatter, LeadImage } from "./schema.ts";
import { isContentDate, isDateOnly } from "../dates/index.ts";
import { articleUrl, toSlug } from "../urls/index.ts";
import { countWords, splitAtMarkers, type BodyMarkers } from "../markdown/index.ts";

export interface Tag {
  name: string;
  slug: string;
}

export interface Article {
  /** Source path relative to the publication folder. */
  file: string;
  /** SHA-256 (hex) of the file's bytes as read. */
  digest: string;
  slug: string;
  /** Page 1 of the article: /<yyyy>/<mm>/<slug>/ */
  url: string;
  title: string;
  description?: string;
  date: DateTime;
  /** The editor gave a date without a time of day. */
  dateOnly: boolean;
  updated?: DateTime;
  authorIds: string[];
  categoryId: string;
  /** Primary category first, then the extra ones, without repeats. */
  categoryIds: string[];
  tags: Tag[];
  image?: LeadImage;
  /**
   * Site paths the article was published at before, each to redirect here: decoded, a
   * folder path ending in `/` (`/2016/07/18/old-slug/`), a query kept (`/?p=123`).
   */
  aliases: string[];
  /** The front-matter line of each alias. */
  aliasLines: number[];
  /** Files of the publication the body uses (images, attachments), each inside it: published with the article. */
  files: BodyFile[];
  draft: boolean;
  /** Markdown of each page; a single-page article has one part. */
  parts: string[];
  partLines: number[];
  /** Markdown before `<!--more-->`, if the editor set one. */
  excerpt?: string;
  words: number;
}

/** What a post's file name says: its slug, and its date when it starts with one. */
export interface FileName {
  slug: string;
  /** From a Jekyll-style `YYYY-MM-DD-` prefix. */
  date?: string;
}

/** `2016-07-18-budget-vote.md`: the prefix is the date and, as in Jekyll, never part of the slug. */
export function readFileName(file: string): FileName {
  const name = file.split("/").at(-1)!.replace(/\.md$/, "");
  const prefixed = /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(name);
  return prefixed && isContentDate(prefixed[1]!) ? { slug: prefixed[2]!, date: prefixed[1]! } : { slug: name };
}

/** Tags of one article, one per slug: "Water Rights" and "water  rights" are one tag. */
export function uniqueTags(names: readonly string[]): Tag[] {
  const bySlug = new Map<string, Tag>();
  for (const name of names) {
    const clean = name.trim().replace(/\s+/g, " ");
    const slug = toSlug(clean);
    if (!bySlug.has(slug)) bySlug.set(slug, { name: clean, slug });
  }
  return [...bySlug.values()];
}

/**
 * What an article's file alone says of it, as plain data (the content cache keeps it between
 * checks): dates in milliseconds, the body's pages as the lines of its markers, the body's
 * text left in the file.
 */
export type ArticleRecord = Pick<Article, "slug" | "url" | "title" | "description" | "dateOnly" | "authorIds" | "categoryId" | "categoryIds" | "tags" | "image" | "aliases" | "draft" | "words"> & {
  date: number;
  updated?: number;
  markers: BodyMarkers;
};

/** `body`: its markers (`findMarkers`) and the pages they cut it into (`splitAtMarkers`); `date`, `updated`: in the site's zone. */
export function describeArticle(
  fileSlug: string,
  frontMatter: FrontMatter,
  body: { markers: BodyMarkers; parts: readonly string[] },
  { date, updated }: { date: DateTime; updated?: DateTime },
): ArticleRecord {
  const slug = toSlug(frontMatter.slug ?? fileSlug);
  return {
    slug,
    url: articleUrl(date, slug),
    title: frontMatter.title,
    description: frontMatter.description,
    date: date.toMillis(),
    dateOnly: isDateOnly(frontMatter.date),
    updated: updated?.toMillis(),
    authorIds: [...new Set(frontMatter.author)],
    categoryId: frontMatter.category,
    categoryIds: [...new Set([frontMatter.category, ...frontMatter.categories])],
    tags: uniqueTags(frontMatter.tags),
    image: frontMatter.image,
    aliases: [...new Set(frontMatter.aliases)],
    draft: frontMatter.draft,
    markers: body.markers,
    words: body.parts.reduce((sum, part) => sum + countWords(part), 0),
  };
}

/** The article of a record and its file's body; `files` and `aliasLines` are filled in by the loader. */
export function articleOf(file: string, digest: string, record: ArticleRecord, body: string, timezone: string): Article {
  const { parts, excerpt, partLines } = splitAtMarkers(body, record.markers);
  return {
    file,
    digest,
    slug: record.slug,
    url: record.url,
    title: record.title,
    description: record.description,
    date: DateTime.fromMillis(record.date, { zone: timezone }),
    dateOnly: record.dateOnly,
    updated: record.updated === undefined ? undefined : DateTime.fromMillis(record.updated, { zone: timezone }),
    authorIds: record.authorIds,
    categoryId: record.categoryId,
    categoryIds: record.categoryIds,
    tags: record.tags,
    image: record.image,
    aliases: record.aliases,
    aliasLines: [],
    files: [],
    draft: record.draft,
    parts,
    partLines,
    excerpt,
    words: record.words,
  };
}
