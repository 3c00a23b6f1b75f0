// The page registry: every page and file of the site listed once, with its kind, its URL
// (from src/urls) and the records its view is made from. Templates paginate over it, the
// sitemap and the search index read it, and nothing else decides which pages exist.
import type { Article } from "../content/article.ts";
import type { StaticPage } from "../content/page.ts";
import { sitePathToFile, type Publication } from "../content/load.ts";
import type { SiteConfig } from "../content/schema.ts";
import { archiveUrl, atomFeedUrl, authorFeedUrl, categoryFeedUrl, categoryIndexUrl, jsonFeedUrl, newsSitemapUrl, notFoundUrl, redirectsFileUrl, robotsUrl, rssFeedUrl, searchUrl, sitemapPartUrl, sitemapUrl, tagIndexUrl } from "../urls/index.ts";
import { collectArchives, pagedArchives, type Archive } from "./archives.ts";
import { planArticlePages, type ArticlePager, type Part } from "./article-pages.ts";
import { isProcessedImage } from "./bodies.ts";
import type { Build } from "./build.ts";
import { planPages, type PlannedPage } from "./listing-pages.ts";

/** The sitemap protocol's limit per file; larger sites get a sitemap index. */
export const URLS_PER_SITEMAP = 50_000;

export interface ArticleEntry {
  kind: "article";
  url: string;
  article: Article;
  /** The article's position in the newest-first list of published articles. */
  position: number;
  part: Part;
  /** Only for articles with more than one page. */
  pager?: ArticlePager;
  /** Search indexes each article once: a multi-page article as its View all page. */
  indexed: boolean;
}

export interface ListingEntry {
  kind: "listing";
  url: string;
  archive: Archive;
  page: PlannedPage<Article>;
}

/** A feed of an archive's newest articles: the site's (home), a category's or an author's. */
export interface FeedEntry {
  kind: "rss" | "atom" | "jsonFeed";
  url: string;
  archive: Archive;
}

export interface SitemapEntry {
  kind: "sitemap";
  url: string;
  /** A sitemap index lists the other sitemap files; the others list pages, from `start` to `end` of the public pages. */
  index: boolean;
  start: number;
  end: number;
}

/** A page at an article's old address (an alias) that sends readers to the article. */
export interface RedirectEntry {
  kind: "redirect";
  url: string;
  article: Article;
}

/** A static page of the publication (pages/<slug>.md). */
export interface StaticPageEntry {
  kind: "page";
  url: string;
  page: StaticPage;
}

/** A file a body points at (an attachment, an SVG or GIF), published as it is. */
export interface FileEntry {
  kind: "file";
  url: string;
  /** The file in the publication. */
  source: string;
}

/** A page made of the publication as a whole. */
export interface SingleEntry {
  kind: "categoryIndex" | "tagIndex" | "archiveIndex" | "search" | "notFound" | "newsSitemap" | "robots" | "redirects";
  url: string;
}

export type PageEntry = ArticleEntry | ListingEntry | FeedEntry | SitemapEntry | RedirectEntry | StaticPageEntry | FileEntry | SingleEntry;
export type PageKind = PageEntry["kind"];
/** The entry type of a kind (feeds share one type for three kinds). */
export type EntryOf<Kind extends PageKind> = PageEntry extends infer Entry ? (Entry extends PageEntry ? (Kind extends Entry["kind"] ? Entry : never) : never) : never;

/** Pages a reader can land on from a search engine: the sitemap lists exactly these. */
const PUBLIC_KINDS = new Set<PageKind>(["article", "listing", "categoryIndex", "tagIndex", "archiveIndex", "search", "page"]);

export class Registry {
  /** Every entry once, public pages first in sitemap order: listings, indexes, search, articles. */
  readonly entries: readonly PageEntry[];
  /** The pages of each article, by its position in the newest-first list. */
  readonly articlePages: readonly ArticleEntry[][];
  /** The publication's settings. */
  readonly site: SiteConfig;
  private readonly byKind = new Map<PageKind, PageEntry[]>();

  constructor(build: Build) {
    const { publication } = build;
    this.site = publication.site;
    const archives = collectArchives(build);
    const listings: ListingEntry[] = pagedArchives(archives).flatMap((archive) =>
      planPages(archive.url, archive.articles, publication.site.postsPerPage).map((page) => ({ kind: "listing" as const, url: page.url, archive, page })),
    );
    const singles = (kind: SingleEntry["kind"], url: string): SingleEntry => ({ kind, url });
    this.articlePages = publication.articles.map((article, position) =>
      planArticlePages(article.url, article.parts.length).map(({ part, url, pager }) => ({
        kind: "article" as const,
        url,
        article,
        position,
        part,
        pager,
        indexed: pager === undefined || part === "all",
      })),
    );
    const publicPages: PageEntry[] = [
      ...listings,
      singles("categoryIndex", categoryIndexUrl),
      singles("tagIndex", tagIndexUrl),
      singles("archiveIndex", archiveUrl),
      singles("search", searchUrl),
      ...publication.pages.map((page) => ({ kind: "page" as const, url: page.url, page })),
      ...this.articlePages.flat(),
    ];
    const feeds: FeedEntry[] = [
      { kind: "rss", url: rssFeedUrl, archive: archives.home },
      ...archives.categories.map((archive) => ({ kind: "rss" as const, url: categoryFeedUrl(archive.key), archive })),
      ...archives.authors.map((archive) => ({ kind: "rss" as const, url: authorFeedUrl(archive.key), archive })),
      { kind: "atom", url: atomFeedUrl, archive: archives.home },
      { kind: "jsonFeed", url: jsonFeedUrl, archive: archives.home },
    ];
    this.entries = [
      ...publicPages,
      singles("notFound", notFoundUrl),
      ...feeds,
      ...sitemapFiles(publicPages.length),
      singles("newsSitemap", newsSitemapUrl),
      singles("robots", robotsUrl),
      ...redirectPages(publication.articles),
      singles("redirects", redirectsFileUrl),
      ...publishedFiles(publication),
    ];
    for (const entry of this.entries) {
      if (!this.byKind.has(entry.kind)) this.byKind.set(entry.kind, []);
      this.byKind.get(entry.kind)!.push(entry);
    }
  }

  of<Kind extends PageKind>(kind: Kind): EntryOf<Kind>[] {
    return (this.byKind.get(kind) ?? []) as EntryOf<Kind>[];
  }

  /** The pages the sitemap lists, in its order. */
  get publicPages(): PageEntry[] {
    return this.entries.filter((entry) => PUBLIC_KINDS.has(entry.kind));
  }

  /** The page search indexes for each article, newest first. */
  get indexedArticleUrls(): string[] {
    return this.articlePages.map((pages) => pages.find((page) => page.indexed)!.url);
  }
}

/**
 * A redirect page at each alias that is a path. An alias with a query (`/?p=123`) names no
 * file a static host can serve: only the host's redirect rules (/_redirects) can follow it.
 */
function redirectPages(articles: readonly Article[]): RedirectEntry[] {
  return articles.flatMap((article) => article.aliases.filter((alias) => !alias.includes("?")).map((url) => ({ kind: "redirect" as const, url, article })));
}

/**
 * The publication's files the site publishes as they are, each once: the logos, and what the
 * published bodies point at (raster images are published as renditions instead). Each is
 * published at its path in the publication folder.
 */
function publishedFiles({ root, site, articles }: Publication): FileEntry[] {
  const files = new Map<string, FileEntry>();
  for (const logo of [site.logo, site.theme?.logo, site.theme?.logoDark]) if (logo) files.set(logo, { kind: "file", url: logo, source: sitePathToFile(root, logo) });
  for (const article of articles) {
    for (const file of article.files) if (!isProcessedImage(file)) files.set(file.sitePath, { kind: "file", url: file.sitePath, source: file.file });
  }
  return [...files.values()].sort((a, b) => (a.url < b.url ? -1 : 1));
}

function sitemapFiles(publicPageCount: number): SitemapEntry[] {
  if (publicPageCount <= URLS_PER_SITEMAP) return [{ kind: "sitemap", url: sitemapUrl, index: false, start: 0, end: publicPageCount }];
  const parts: SitemapEntry[] = [];
  for (let start = 0; start < publicPageCount; start += URLS_PER_SITEMAP) {
    parts.push({ kind: "sitemap", url: sitemapPartUrl(parts.length + 1), index: false, start, end: Math.min(publicPageCount, start + URLS_PER_SITEMAP) });
  }
  return [{ kind: "sitemap", url: sitemapUrl, index: true, start: 0, end: 0 }, ...parts];
}

/** The registry of a build, made once. */
export const registryOf = (build: Build): Registry => build.memo(makeRegistry);
const makeRegistry = (build: Build) => new Registry(build);
