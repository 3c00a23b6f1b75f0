// Sitemaps and robots.txt of the built sample, and the news sitemap's two-day window.
import { describe, expect, inject, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { makePublication, runBuild, tempDir } from "../helpers/build.ts";
import { htmlPages, readPage, text } from "../helpers/site.ts";
import { elementsNamed, parseXml } from "../helpers/xml.ts";

const site = inject("sampleSite");
const siteUrl = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../_data/site.json"), "utf8")).url as string;
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), "utf8");

describe("sitemap.xml", () => {
  const document = parseXml(read(site, "sitemap.xml"));
  const urls = elementsNamed(document, "url");
  const locs = urls.map((url) => url.getElementsByTagName("loc")[0]!.textContent!);

  it("is a well-formed urlset", () => {
    expect(document.documentElement.tagName).toBe("urlset");
    expect(document.documentElement.getAttribute("xmlns")).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
  });

  it("lists exactly the public pages, once each: not the 404 page, not the redirects from old addresses", () => {
    const pages = htmlPages(site)
      .filter((file) => file !== "404.html" && !readFileSync(path.join(site, file), "utf8").includes('<meta name="robots" content="noindex">'))
      .map((file) => `${siteUrl}/${file.replace(/index\.html$/, "")}`);
    expect([...locs].sort()).toEqual(pages.sort());
    expect(new Set(locs).size).toBe(locs.length);
  });

  it("dates each article by its update or publication time", () => {
    const lastmod = (loc: string) => urls.find((url) => url.getElementsByTagName("loc")[0]!.textContent === loc)!.getElementsByTagName("lastmod")[0]!.textContent;
    expect(lastmod(`${siteUrl}/2025/11/measure-two-election-results/`)).toBe("2025-11-05T01:40:00-05:00");
    expect(lastmod(`${siteUrl}/2025/03/budget-vote-delayed/`)).toBe("2025-03-27T08:00:00-04:00");
    const newest = readPage(site, "/").querySelector(".card-lead time")!.getAttribute("datetime")!;
    expect(Date.parse(lastmod(`${siteUrl}/`)!)).toBeGreaterThanOrEqual(Date.parse(newest));
  });
});

describe("robots.txt", () => {
  it("points at both sitemaps", () => {
    const robots = read(site, "robots.txt");
    expect(robots).toContain(`Sitemap: ${siteUrl}/sitemap.xml`);
    expect(robots).toContain(`Sitemap: ${siteUrl}/news-sitemap.xml`);
    expect(robots).toMatch(/^User-agent: \*$/m);
  });
});

describe("news-sitemap.xml", () => {
  const post = (slug: string, date: string, title = slug) => [`${slug}.md`, `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\nauthor: maya-okafor\ncategory: courts\n---\nText.\n`];
  const content = makePublication(
    Object.fromEntries([
      post("today", "2026-11-29T08:00:00-05:00", "Court & council: <today>"),
      post("yesterday", "2026-11-28T09:00:00-05:00"),
      post("three-days-ago", "2026-11-26T09:00:00-05:00"),
    ]),
  );
  const output = path.join(tempDir("out"), "_site");
  const result = runBuild(content, output);

  it("lists only the articles of the two days before the build, in Google News format", () => {
    expect(result.status, result.stderr).toBe(0);
    const document = parseXml(read(output, "news-sitemap.xml"));
    expect(document.documentElement.getAttribute("xmlns:news")).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    const entries = elementsNamed(document, "url").map((url) => ({
      loc: url.getElementsByTagName("loc")[0]!.textContent,
      title: url.getElementsByTagName("news:title")[0]!.textContent,
      date: url.getElementsByTagName("news:publication_date")[0]!.textContent,
      name: url.getElementsByTagName("news:name")[0]!.textContent,
      language: url.getElementsByTagName("news:language")[0]!.textContent,
    }));
    expect(entries).toEqual([
      { loc: `${siteUrl}/2026/11/today/`, title: "Court & council: <today>", date: "2026-11-29T08:00:00-05:00", name: "The Riverbend Ledger", language: "en" },
      { loc: `${siteUrl}/2026/11/yesterday/`, title: "yesterday", date: "2026-11-28T09:00:00-05:00", name: "The Riverbend Ledger", language: "en" },
    ]);
  });

  it("gives a category without articles a page that says so", () => {
    const page = readPage(output, "/category/education/");
    expect(text(page.querySelector("h1"))).toBe("Education");
    expect(text(page.querySelector(".listing-empty"))).toBe("No stories in this category yet.");
    expect(page.querySelector("#stories")).toBeNull();
  });
});
