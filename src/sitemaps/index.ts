// Sitemaps for search engines: /sitemap.xml (every public page), /news-sitemap.xml (Google
// News: articles of the last two days), and /robots.txt pointing at both.
import type { DateTime } from "luxon";
import type { Publication } from "../content/load.ts";
import { isoWithOffset } from "../dates/index.ts";
import { currentBuild } from "../publication/index.ts";
import type { EleventyConfig } from "../publication/eleventy.ts";
import { absoluteUrl, archiveUrl, categoryIndexUrl, searchUrl, tagIndexUrl } from "../urls/index.ts";
import { planArticlePages } from "../articles/pages.ts";
import { collectArchives, pagedArchives } from "../listings/archives.ts";
import { planPages } from "../listings/plan.ts";

/** The sitemap protocol's limit per file; larger sites get a sitemap index. */
export const URLS_PER_SITEMAP = 50_000;
const NEWS_MAX = 1_000;
const NEWS_WINDOW = { days: 2 };

export interface SitemapEntry {
  loc: string;
  lastmod?: string;
}

export interface SitemapFile {
  url: string;
  /** A sitemap index lists other sitemap files; a urlset lists pages. */
  index: boolean;
  entries: SitemapEntry[];
}

export interface NewsEntry {
  loc: string;
  title: string;
  published: string;
}

const lastModified = (article: { date: DateTime; updated?: DateTime }) => isoWithOffset(article.updated ?? article.date);

/** Every public page with its last modification: articles (each page), listings, indexes. */
export function sitemapEntries(publication: Publication): SitemapEntry[] {
  const { site, articles } = publication;
  const entry = (url: string, lastmod?: string): SitemapEntry => ({ loc: absoluteUrl(site.url, url), lastmod });
  const newest = articles[0] && lastModified(articles[0]);
  const entries: SitemapEntry[] = [];
  const archives = collectArchives(publication);
  for (const archive of pagedArchives(archives)) {
    for (const page of planPages(archive.url, archive.articles, site.postsPerPage)) {
      const latest = page.items.reduce<string | undefined>((max, article) => {
        const modified = lastModified(article);
        return !max || Date.parse(modified) > Date.parse(max) ? modified : max;
      }, undefined);
      entries.push(entry(page.url, latest));
    }
  }
  for (const url of [categoryIndexUrl, tagIndexUrl, archiveUrl, searchUrl]) entries.push(entry(url, newest));
  for (const article of articles) {
    for (const page of planArticlePages(article.url, article.parts.length)) entries.push(entry(page.url, lastModified(article)));
  }
  return entries;
}

export function sitemapFiles(siteUrl: string, entries: SitemapEntry[]): SitemapFile[] {
  if (entries.length <= URLS_PER_SITEMAP) return [{ url: "/sitemap.xml", index: false, entries }];
  const chunks: SitemapFile[] = [];
  for (let start = 0; start < entries.length; start += URLS_PER_SITEMAP) {
    chunks.push({ url: `/sitemap-${chunks.length + 1}.xml`, index: false, entries: entries.slice(start, start + URLS_PER_SITEMAP) });
  }
  return [{ url: "/sitemap.xml", index: true, entries: chunks.map((chunk) => ({ loc: absoluteUrl(siteUrl, chunk.url) })) }, ...chunks];
}

/** Articles published in the two days before the build, newest first, at most 1,000. */
export function newsEntries(publication: Publication, now: DateTime): NewsEntry[] {
  const since = now.minus(NEWS_WINDOW);
  return publication.articles
    .filter((article) => article.date >= since && article.date <= now)
    .slice(0, NEWS_MAX)
    .map((article) => ({ loc: absoluteUrl(publication.site.url, article.url), title: article.title, published: isoWithOffset(article.date) }));
}

export default function sitemapsPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addGlobalData("sitemaps", async () => {
    const { publication, settings } = await currentBuild();
    return {
      files: sitemapFiles(publication.site.url, sitemapEntries(publication)),
      news: newsEntries(publication, settings.now),
      urls: ["/sitemap.xml", "/news-sitemap.xml"].map((url) => absoluteUrl(publication.site.url, url)),
    };
  });
}
