// The feeds: newest articles first, full text with absolute URLs, every author, category and
// tag, the lead image. Dates come from the articles, never from the clock, so unchanged
// content gives byte-identical feeds.
import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import type { DateTime } from "luxon";
import type { Article } from "../content/article.ts";
import type { Archive } from "../site/archives.ts";
import type { Publication } from "../content/load.ts";
import { isoWithOffset, rfc822 } from "../dates/index.ts";
import { firstParagraph, plainText, truncateText } from "../markdown/index.ts";
import { captionHtml, renderBody } from "../site/bodies.ts";
import { absoluteUrl, basePathOf } from "../urls/index.ts";
import type { Build } from "../site/build.ts";
import { catalogueOf, type Catalogue } from "../site/catalogue.ts";
import { htmlUnderBasePath } from "./base-path.ts";
import { registryOf, type FeedEntry } from "../site/registry.ts";
import { entriesToRender } from "../site/runs.ts";

export interface FeedDate {
  /** RSS 2.0 (RFC 822), with the site zone's offset. */
  rfc822: string;
  /** Atom and JSON Feed (RFC 3339), with the site zone's offset. */
  rfc3339: string;
}

export interface FeedItem {
  /** The absolute permalink: stable when a headline is edited. */
  id: string;
  url: string;
  title: string;
  summary: string;
  /** Lead figure and every page of the article, relative URLs made absolute. */
  contentHtml: string;
  published: FeedDate;
  updated?: FeedDate;
  authors: { name: string; url: string; avatar?: string }[];
  /** The primary category first, then every tag. */
  categories: string[];
  image?: { url: string; type: string; width: number; height: number; size: number; alt: string };
}

export interface Feed {
  /** Where this feed is written. */
  url: string;
  selfUrl: string;
  title: string;
  description: string;
  /** The HTML page the feed follows. */
  homeUrl: string;
  language: string;
  /** The newest item's update or publication time; absent for an empty feed. */
  updated?: FeedDate;
  items: FeedItem[];
}

export interface Feeds {
  /** /feed.xml, then one RSS feed per category and per author. */
  rss: Feed[];
  atom: Feed[];
  json: { url: string; text: string }[];
}

/** The feeds the current render run writes (all of them, in the first run). */
export async function feedsToRender(build: Build): Promise<Feeds> {
  const feeds = await build.memo(buildFeeds);
  return {
    rss: entriesToRender(build, "rss").map((entry) => feeds.get(entry)!),
    atom: entriesToRender(build, "atom").map((entry) => feeds.get(entry)!),
    json: entriesToRender(build, "jsonFeed").map((entry) => ({ url: entry.url, text: jsonFeedText(feeds.get(entry)!) })),
  };
}

/** Every feed of a build, by its registry entry; an article's item is made once for all feeds. */
async function buildFeeds(build: Build): Promise<Map<FeedEntry, Feed>> {
  const { publication } = build;
  const { site } = publication;
  const catalogue = await catalogueOf(build);
  const items = new Map<Article, Promise<FeedItem>>();
  const itemOf = (article: Article) => {
    if (!items.has(article)) items.set(article, feedItem(article, build, catalogue));
    return items.get(article)!;
  };
  const feed = async ({ url, archive }: FeedEntry): Promise<Feed> => {
    const { title, description } = feedSubject(archive, publication);
    const newest = archive.articles.slice(0, site.feedSize);
    const latest = newest.map((article) => article.updated ?? article.date).sort((a, b) => b.toMillis() - a.toMillis())[0];
    return {
      url,
      selfUrl: absoluteUrl(site.url, url),
      title,
      description,
      homeUrl: absoluteUrl(site.url, archive.url),
      language: site.language,
      updated: latest && feedDate(latest),
      items: await Promise.all(newest.map(itemOf)),
    };
  };
  const registry = registryOf(build);
  const entries = [...registry.of("rss"), ...registry.of("atom"), ...registry.of("jsonFeed")];
  const feeds = new Map<FeedEntry, Feed>();
  for (const entry of entries) feeds.set(entry, await feed(entry));
  return feeds;
}

/** What a feed of the site, a category or an author is called. */
function feedSubject(archive: Archive, publication: Publication): { title: string; description: string } {
  const { site } = publication;
  if (archive.kind === "category") {
    const category = publication.categories.get(archive.key)!;
    return { title: `${site.title}: ${category.name}`, description: category.description };
  }
  if (archive.kind === "author") {
    const author = publication.authors.get(archive.key)!;
    return { title: `${site.title}: ${author.name}`, description: author.bio ? truncateText(plainText(firstParagraph(author.bio)), 300) : `${author.name}, ${site.title}` };
  }
  return { title: site.title, description: site.description };
}

/** Dates are in the site's zone already; both forms keep its offset (rounded to the minute before standard time). */
function feedDate(date: DateTime): FeedDate {
  return { rfc822: rfc822(date), rfc3339: isoWithOffset(date) };
}

async function feedItem(article: Article, build: Build, catalogue: Catalogue): Promise<FeedItem> {
  const { publication } = build;
  const { site } = publication;
  const teaser = catalogue.teaser(article);
  const url = absoluteUrl(site.url, article.url);
  const lead = teaser.image && article.image;
  const image = lead
    ? { ...teaser.image!.picture.largest, url: absoluteUrl(site.url, teaser.image!.picture.largest.url), type: "image/jpeg", alt: lead.alt }
    : undefined;
  const figure = image && lead ? leadFigureHtml(image.url, image.width, image.height, lead.alt, captionHtml(lead)) : "";
  const body = (await renderBody(build, article, "largest")).join("\n");
  return {
    id: url,
    url,
    title: article.title,
    summary: teaser.summary,
    contentHtml: await convertHtmlToAbsoluteUrls(htmlUnderBasePath(figure + body, basePathOf(site.url)), url),
    published: feedDate(article.date),
    updated: article.updated && feedDate(article.updated),
    authors: teaser.authors.map((author) => ({
      name: author.name,
      url: author.absoluteUrl,
      avatar: author.avatar && absoluteUrl(site.url, author.avatar.largest.url),
    })),
    categories: [teaser.category.name, ...article.tags.map((tag) => tag.name)],
    image,
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The lead image at the top of a feed item, as feed readers show content. */
function leadFigureHtml(src: string, width: number, height: number, alt: string, caption: { captionHtml?: string; creditHtml?: string }): string {
  const captionText = [caption.captionHtml, caption.creditHtml].filter(Boolean).join(" ");
  return `<figure><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}" width="${width}" height="${height}">${captionText ? `<figcaption>${captionText}</figcaption>` : ""}</figure>\n`;
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
function jsonFeedText(feed: Feed): string {
  return JSON.stringify(
    {
      version: "https://jsonfeed.org/version/1.1",
      title: feed.title,
      home_page_url: feed.homeUrl,
      feed_url: feed.selfUrl,
      description: feed.description,
      language: feed.language,
      items: feed.items.map((item) => ({
        id: item.id,
        url: item.url,
        title: item.title,
        summary: item.summary,
        content_html: item.contentHtml,
        ...(item.image ? { image: item.image.url } : {}),
        date_published: item.published.rfc3339,
        ...(item.updated ? { date_modified: item.updated.rfc3339 } : {}),
        authors: item.authors,
        tags: item.categories,
      })),
    },
    null,
    2,
  );
}
