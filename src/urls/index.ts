// Every URL of the contract (../shared/CONTENT-MODEL.md, "URLs") is built here and nowhere else.
import slugify from "@sindresorhus/slugify";
import type { DateTime } from "luxon";

/** Slugs an article may not take: they would clash with listing, feed or page URLs. */
export function isReservedSlug(slug: string): boolean {
  return slug === "all" || slug === "page" || slug === "feed.xml" || /^\d+$/.test(slug);
}

/**
 * A readable URL slug: transliterated to ASCII where a transliteration exists
 * ("Zürich accord" → "zuerich-accord"), otherwise the lowercased letters and digits
 * themselves ("北京" → "北京"). Case and spacing never matter. Empty only when the
 * text has no letter or digit at all.
 */
export function toSlug(text: string): string {
  const ascii = slugify(text);
  if (ascii) return ascii;
  return text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join("-");
}

export const homeUrl = "/";
export const categoryIndexUrl = "/category/";
export const tagIndexUrl = "/tag/";
export const archiveUrl = "/archive/";
export const searchUrl = "/search/";
export const categoryUrl = (id: string): string => `/category/${id}/`;
export const authorUrl = (id: string): string => `/author/${id}/`;
export const tagUrl = (slug: string): string => `/tag/${slug}/`;
export const rssFeedUrl = "/feed.xml";
export const atomFeedUrl = "/atom.xml";
export const jsonFeedUrl = "/feed.json";
export const categoryFeedUrl = (id: string): string => `${categoryUrl(id)}feed.xml`;
export const authorFeedUrl = (id: string): string => `${authorUrl(id)}feed.xml`;
export const notFoundUrl = "/404.html";
export const robotsUrl = "/robots.txt";
export const sitemapUrl = "/sitemap.xml";
/** Part K of a sitemap too large for one file (the sitemap index lists them). */
export const sitemapPartUrl = (part: number): string => `/sitemap-${part}.xml`;
export const newsSitemapUrl = "/news-sitemap.xml";
/** Every alias as a 301 rule, in the format Netlify and Cloudflare Pages read. */
export const redirectsFileUrl = "/_redirects";

/** The kit's own files. */
export const stylesheetUrl = "/assets/site.css";
export const searchStylesheetUrl = "/assets/search.css";
export const searchScriptUrl = "/assets/search.js";
export const loadMoreScriptUrl = "/assets/load-more.js";
export const faviconUrl = "/favicon.svg";
/** Where processed images live in the output (and the cache folder that mirrors it). */
export const imageFolderUrl = "/assets/img/";
/** Search bundle K, counted from the oldest articles: /pagefind/, /pagefind-2/, … */
export const searchBundleUrl = (bundle: number): string => (bundle === 1 ? "/pagefind/" : `/pagefind-${bundle}/`);

export const yearUrl = (year: number): string => `/${year}/`;
export const monthUrl = (year: number, month: number): string => `/${year}/${String(month).padStart(2, "0")}/`;

/** Page K of a paged listing: page 1 is the listing's own URL, never …/page/1/. */
export function listingPageUrl(listingUrl: string, page: number): string {
  return page === 1 ? listingUrl : `${listingUrl}page/${page}/`;
}

/** `/<yyyy>/<mm>/<slug>/`, year and month of the date in the site's zone. */
export function articleUrl(date: DateTime, slug: string): string {
  return `/${date.toFormat("yyyy")}/${date.toFormat("MM")}/${slug}/`;
}

/** Page K of an article (page 1 is the article URL itself), or its "View all" page. */
export function articlePartUrl(url: string, part: number | "all"): string {
  return part === 1 ? url : `${url}${part}/`;
}

/** An absolute URL on the site, for canonical links, feeds and structured data. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path, `${siteUrl}/`).href;
}
