// Sitemaps for search engines: /sitemap.xml (every public page of the registry; a sitemap
// index past 50,000), /news-sitemap.xml (Google News: articles of the last two days), and
// /robots.txt pointing at both.
import type { DateTime } from "luxon";
import type { Publication } from "../content/load.ts";
import { isoWithOffset } from "../dates/index.ts";
import type { Build } from "../site/build.ts";
import type { EleventyConfig, PluginOptions } from "../site/eleventy.ts";
import { registryOf, type PageEntry, type SitemapEntry } from "../site/registry.ts";
import { entriesToRender } from "../site/runs.ts";
import { absoluteUrl, newsSitemapUrl, sitemapUrl } from "../urls/index.ts";

const NEWS_MAX = 1_000;
const NEWS_WINDOW = { days: 2 };

export interface SitemapLine {
  loc: string;
  lastmod?: string;
}

export interface SitemapFile {
  url: string;
  /** A sitemap index lists other sitemap files; a urlset lists pages. */
  index: boolean;
  entries: SitemapLine[];
}

export interface NewsEntry {
  loc: string;
  title: string;
  published: string;
}

const lastModified = (article: { date: DateTime; updated?: DateTime }) => isoWithOffset(article.updated ?? article.date);

/** A public page's line: its absolute URL and when what it shows last changed. */
function sitemapLine(entry: PageEntry, publication: Publication): SitemapLine {
  const loc = absoluteUrl(publication.site.url, entry.url);
  switch (entry.kind) {
    case "article":
      return { loc, lastmod: lastModified(entry.article) };
    case "listing": {
      const lastmod = entry.page.items.reduce<string | undefined>((max, article) => {
        const modified = lastModified(article);
        return !max || Date.parse(modified) > Date.parse(max) ? modified : max;
      }, undefined);
      return { loc, lastmod };
    }
    case "page":
      // A static page's text has no date of its own to tell.
      return { loc };
    default: {
      const newest = publication.articles[0];
      return { loc, lastmod: newest && lastModified(newest) };
    }
  }
}

export function sitemapFile(file: SitemapEntry, build: Build): SitemapFile {
  const registry = registryOf(build);
  const { publication } = build;
  if (file.index) {
    const parts = registry.of("sitemap").filter((part) => !part.index);
    return { url: file.url, index: true, entries: parts.map((part) => ({ loc: absoluteUrl(publication.site.url, part.url) })) };
  }
  return { url: file.url, index: false, entries: registry.publicPages.slice(file.start, file.end).map((entry) => sitemapLine(entry, publication)) };
}

/** Articles published in the two days before the build, newest first, at most 1,000. */
export function newsEntries(publication: Publication, now: DateTime): NewsEntry[] {
  const since = now.minus(NEWS_WINDOW);
  return publication.articles
    .filter((article) => article.date >= since && article.date <= now)
    .slice(0, NEWS_MAX)
    .map((article) => ({ loc: absoluteUrl(publication.site.url, article.url), title: article.title, published: isoWithOffset(article.date) }));
}

export default function sitemapsPlugin(eleventyConfig: EleventyConfig, { build }: PluginOptions): void {
  eleventyConfig.addGlobalData("sitemaps", () => {
    const { publication, options } = build;
    return {
      files: entriesToRender(build, "sitemap").map((file) => sitemapFile(file, build)),
      news: entriesToRender(build, "newsSitemap").map(({ url }) => ({ url, entries: newsEntries(publication, options.now) })),
      robots: entriesToRender(build, "robots").map(({ url }) => ({
        url,
        sitemaps: [sitemapUrl, newsSitemapUrl].map((sitemap) => absoluteUrl(publication.site.url, sitemap)),
      })),
    };
  });
}
