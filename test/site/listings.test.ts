// Listings of the built sample: every archive URL, its articles in order, its pagination.
import { describe, expect, inject, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { allFiles, htmlPages, readPage, text, urlExists } from "../helpers/site.ts";
import { samplePosts, type SamplePost } from "../helpers/sample.ts";

const site = inject("sampleSite");
const data = (file: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, "../../_data", file), "utf8"));
const { postsPerPage } = data("site.json");
const categories = data("categories.json");
const authors = data("authors.json");
const posts = samplePosts();

/** The article URLs a listing shows, following its pages from page 1. */
function listedUrls(url: string): string[] {
  const urls: string[] = [];
  let next: string | null = url;
  const seen = new Set<string>();
  while (next) {
    expect(seen.has(next), `pagination loops back to ${next}`).toBe(false);
    seen.add(next);
    const page = readPage(site, next);
    urls.push(...[...page.querySelectorAll("#stories .card-title a")].map((link) => link.getAttribute("href")!));
    next = page.querySelector('nav.pager a[rel="next"]')?.getAttribute("href") ?? null;
  }
  return urls;
}

const urlsOf = (selected: SamplePost[]) => selected.map((post) => post.url);

describe("home", () => {
  it("lists every published article newest first, postsPerPage per page", () => {
    expect(listedUrls("/")).toEqual(urlsOf(posts));
    const pageCount = Math.ceil(posts.length / postsPerPage);
    expect(pageCount).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= pageCount; page++) {
      const url = page === 1 ? "/" : `/page/${page}/`;
      const expected = Math.min(postsPerPage, posts.length - (page - 1) * postsPerPage);
      expect(readPage(site, url).querySelectorAll("#stories > li"), url).toHaveLength(expected);
    }
    expect(urlExists(site, `/page/${pageCount + 1}/`)).toBe(false);
  });

  it("shows the newest story larger, with its lead image", () => {
    const lead = readPage(site, "/").querySelector("#stories > li.card-lead")!;
    expect(lead.querySelector(".card-title a")!.getAttribute("href")).toBe(posts[0]!.url);
    expect(lead.querySelector("img")!.getAttribute("loading")).toBe("eager");
    expect(readPage(site, "/page/2/").querySelector(".card-lead")).toBeNull();
  });

  it("gives each card its category, headline, dek or excerpt, byline and date", () => {
    const cards = [...readPage(site, "/").querySelectorAll("#stories > li")];
    for (const cardElement of cards) {
      expect(cardElement.querySelector(".card-section a")!.getAttribute("href")).toMatch(/^\/category\/[a-z0-9-]+\/$/);
      expect(text(cardElement.querySelector(".card-title"))).not.toBe("");
      expect(text(cardElement.querySelector(".card-summary")).length).toBeGreaterThan(40);
      expect(text(cardElement.querySelector(".card-byline"))).toMatch(/^By /);
      expect(cardElement.querySelector(".card-meta time")!.getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
  });
});

describe("archives", () => {
  it("has a page for every category, newest first, primary or extra category", () => {
    for (const id of Object.keys(categories)) {
      const page = readPage(site, `/category/${id}/`);
      expect(text(page.querySelector("h1"))).toBe(categories[id].name);
      expect(text(page.querySelector(".listing-description"))).toBe(categories[id].description);
      expect(listedUrls(`/category/${id}/`), id).toEqual(urlsOf(posts.filter((post) => post.categories.includes(id))));
    }
  });

  it("lists every category with its article count at /category/", () => {
    const items = [...readPage(site, "/category/").querySelectorAll(".index-list > li")];
    expect(items.map((item) => item.querySelector("a")!.getAttribute("href"))).toEqual(Object.keys(categories).map((id) => `/category/${id}/`));
    for (const item of items) {
      const id = item.querySelector("a")!.getAttribute("href")!.split("/")[2]!;
      const count = posts.filter((post) => post.categories.includes(id)).length;
      expect(text(item.querySelector(".index-count"))).toBe(`${count} ${count === 1 ? "story" : "stories"}`);
    }
  });

  it("has a page for every tag, merging spellings that share a slug", () => {
    const slugs = [...new Set(posts.flatMap((post) => post.tagSlugs))].filter((slug) => /^[a-z0-9-]+$/.test(slug));
    expect(slugs.length).toBeGreaterThan(10);
    for (const slug of slugs) expect(listedUrls(`/tag/${slug}/`), slug).toEqual(urlsOf(posts.filter((post) => post.tagSlugs.includes(slug))));
    const index = [...readPage(site, "/tag/").querySelectorAll(".tag-cloud a")].map((link) => link.getAttribute("href"));
    for (const slug of slugs) expect(index).toContain(`/tag/${slug}/`);
    expect(urlExists(site, "/tag/elliniki-koinotita/")).toBe(true);
  });

  it("has a page for every author with avatar, role, full bio, links and their articles, co-bylined ones included", () => {
    for (const id of Object.keys(authors)) {
      const page = readPage(site, `/author/${id}/`);
      expect(text(page.querySelector("h1"))).toBe(authors[id].name);
      expect(text(page.querySelector(".listing-kicker"))).toBe(authors[id].role);
      expect(page.querySelector(".author-profile img")).not.toBeNull();
      expect(page.querySelectorAll(".author-profile-bio p").length).toBe(authors[id].bio.split(/\n\s*\n/).length);
      const links = [...page.querySelectorAll(".author-links a")].map((link) => link.getAttribute("href"));
      for (const [key, value] of Object.entries(authors[id].links as Record<string, string>)) expect(links).toContain(key === "email" ? `mailto:${value}` : value);
      expect(listedUrls(`/author/${id}/`), id).toEqual(urlsOf(posts.filter((post) => post.authors.includes(id))));
    }
    const coBylined = posts.find((post) => post.authors.length > 1)!;
    for (const id of coBylined.authors) expect(listedUrls(`/author/${id}/`)).toContain(coBylined.url);
  });

  it("lists every year and month with counts, and each period's articles", () => {
    const years = [...new Set(posts.map((post) => post.date.year))];
    const archive = readPage(site, "/archive/");
    expect([...archive.querySelectorAll(".archive-year h2 a")].map(text)).toEqual(years.map(String));
    for (const year of years) {
      expect(listedUrls(`/${year}/`)).toEqual(urlsOf(posts.filter((post) => post.date.year === year)));
      for (const month of new Set(posts.filter((post) => post.date.year === year).map((post) => post.date.month))) {
        const url = `/${year}/${String(month).padStart(2, "0")}/`;
        expect(archive.querySelector(`.archive-months a[href="${url}"]`), url).not.toBeNull();
        expect(listedUrls(url)).toEqual(urlsOf(posts.filter((post) => post.date.year === year && post.date.month === month)));
      }
    }
  });

  it("files a story published at 23:30 on New Year's Eve (site time) under that year and month", () => {
    const lateStory = "/2025/12/budget-deal-beats-midnight-deadline/";
    expect(listedUrls("/2025/")).toContain(lateStory);
    expect(listedUrls("/2025/12/")).toContain(lateStory);
    expect(listedUrls("/2026/")).not.toContain(lateStory);
    expect(urlExists(site, "/2026/01/")).toBe(true);
    expect(listedUrls("/2026/01/")).not.toContain(lateStory);
  });

  it("lists a multi-page article once, linking to its page 1", () => {
    const multi = "/2025/08/harlow-ridge-wind-farm-fight/";
    const home = listedUrls("/");
    expect(home.filter((url) => url.startsWith(multi))).toEqual([multi]);
  });
});

describe("pagination", () => {
  const listingPages = htmlPages(site).filter((file) => readFileSync(path.join(site, file), "utf8").includes('aria-label="Pages of this list"'));

  it("exists on the longer listings", () => {
    expect(listingPages.length).toBeGreaterThan(5);
  });

  it("says 'Page K of N', marks the current page and links prev/next consistently", () => {
    for (const file of listingPages) {
      const url = `/${file.replace(/index\.html$/, "")}`;
      const page = readPage(site, url);
      const nav = page.querySelector("nav.pager")!;
      const [, current, count] = /^Page (\d+) of (\d+)$/.exec(text(nav.querySelector(".pager-status")))!.map(Number) as number[];
      expect(nav.querySelector('[aria-current="page"]')!.getAttribute("href")).toBe(url);
      expect(text(nav.querySelector('[aria-current="page"]'))).toBe(String(current));
      const base = url.replace(/page\/\d+\/$/, "");
      const pageUrl = (k: number) => (k === 1 ? base : `${base}page/${k}/`);
      expect(nav.querySelector('a[rel="prev"]')?.getAttribute("href") ?? null).toBe(current! > 1 ? pageUrl(current! - 1) : null);
      expect(nav.querySelector('a[rel="next"]')?.getAttribute("href") ?? null).toBe(current! < count! ? pageUrl(current! + 1) : null);
      for (let k = 1; k <= count!; k++) expect(urlExists(site, pageUrl(k)), pageUrl(k)).toBe(true);
    }
  });

  it("never builds or links /page/1/", () => {
    expect(allFiles(site).some((file) => file.includes("page/1/"))).toBe(false);
    for (const file of htmlPages(site)) expect(readFileSync(path.join(site, file), "utf8"), file).not.toContain("/page/1/");
  });

  it("offers Load more as a plain link to the next page on home, category, tag and author pages only", () => {
    expect(readPage(site, "/").querySelector("a[data-load-more]")!.getAttribute("href")).toBe("/page/2/");
    expect(readPage(site, "/category/statehouse/").querySelector("a[data-load-more]")!.getAttribute("href")).toBe("/category/statehouse/page/2/");
    expect(readPage(site, "/category/statehouse/page/2/").querySelector("a[data-load-more]")).toBeNull();
    expect(readPage(site, "/2025/").querySelector("a[data-load-more]")).toBeNull();
  });
});

describe("404 page", () => {
  it("has the header, a search box and the latest stories", () => {
    const page = readPage(site, "/404.html");
    expect(page.querySelector("header.site-header")).not.toBeNull();
    expect(page.querySelector('form[action="/search/"] input[name="q"]')).not.toBeNull();
    expect([...page.querySelectorAll(".card-title a")].map((link) => link.getAttribute("href"))).toEqual(urlsOf(posts.slice(0, 6)));
    expect(page.querySelector('meta[name="robots"]')!.getAttribute("content")).toBe("noindex");
  });
});
