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

// A site may be served under a path of its host (`url` https://example.org/news: a GitHub Pages
// project site, a newsroom's section of its main domain). The URLs above are site paths, the
// same wherever the site is served, and are where files are written in the output. Readers get
// them under the base path: in HTML through Eleventy's path prefix and its HTML <base> plugin
// (src/publication), elsewhere through withBasePath and absoluteUrl below.

/** The path the site is served under, from its `url`: "/" for https://example.org, "/news/" for https://example.org/news. */
export function basePathOf(siteUrl: string): string {
  const { pathname } = new URL(siteUrl);
  return pathname.endsWith("/") ? pathname : `${pathname}/`;
}

/** The file a site path is written to, relative to the site folder: "/a/b/" → "a/b/index.html", "/feed.xml" → "feed.xml". */
export function outputFileOf(sitePath: string): string {
  const file = decodeURI(sitePath).slice(1);
  return file === "" || file.endsWith("/") ? `${file}index.html` : file;
}

/** A site path as readers request it from a site served under `basePath`: "/pagefind/" → "/news/pagefind/". */
export function withBasePath(basePath: string, sitePath: string): string {
  return isSitePath(sitePath) ? `${basePath}${sitePath.slice(1)}` : sitePath;
}

/** A path from the root of the site ("/img/logo.svg"), not a full or protocol-relative URL ("//cdn…"). */
const isSitePath = (url: string): boolean => url.startsWith("/") && !url.startsWith("//");

/**
 * An absolute URL on the site, for canonical links, feeds, sitemaps and structured data: a site
 * path under the site's address, its path included (https://example.org/news + /a/ →
 * https://example.org/news/a/). A full URL stays as it is.
 */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(isSitePath(path) ? path.slice(1) : path, `${siteUrl}/`).href;
}

/** A static page of the publication (pages/<slug>.md). */
export const pageUrl = (slug: string): string => `/${slug}/`;

/** Site folders that are not built from URLs above: the publication's images and files. */
const PUBLICATION_FOLDERS = ["/img/", "/files/"];

/**
 * A static page's slug may not take a folder the site writes itself (category, tag, author,
 * archive, search, page, assets, img, files, pagefind…), nor a number, which a year archive
 * takes. Feeds and sitemaps are files (`feed.xml`): a slug, which has no dot, cannot be one.
 */
export function isReservedPageSlug(slug: string): boolean {
  const folders = [categoryIndexUrl, tagIndexUrl, authorUrl("-"), archiveUrl, searchUrl, listingPageUrl(homeUrl, 2), stylesheetUrl, imageFolderUrl, ...PUBLICATION_FOLDERS];
  const firstSegment = (url: string) => url.split("/")[1]!;
  return /^\d+$/.test(slug) || folders.some((url) => firstSegment(url) === slug) || slug.startsWith(firstSegment(searchBundleUrl(1)));
}
