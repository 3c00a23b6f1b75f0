// The article page of the built sample publication, element by element
// (../shared/REFERENCE-PAGE.md and issue #2).
import { describe, expect, inject, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { allFiles, jsonLd, meta, readPage, text, urlExists } from "../helpers/site.ts";

const site = inject("sampleSite");
const siteJson = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../_data/site.json"), "utf8"));
const authors = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../_data/authors.json"), "utf8"));
const categories = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../_data/categories.json"), "utf8"));

const NORMAL = "/2025/03/budget-vote-delayed/"; // posts/2025/budget-draft-story.md, slug set in front matter
const MULTI = "/2025/08/harlow-ridge-wind-farm-fight/";
const CO_AUTHORED = "/2025/10/revenue-report-sales-tax/";
const UPDATED = "/2025/11/measure-two-election-results/";
const NON_ASCII_TAGS = "/2026/01/international-week-port-alder/";
const DATE_ONLY = "/2025/06/teachers-rally-for-funding-formula/";

describe("a normal article page", () => {
  const page = readPage(site, NORMAL);

  it("has the site header with the publication name and Categories, Archives and Search", () => {
    const header = page.querySelector("header.site-header")!;
    expect(text(header.querySelector(".site-title"))).toBe(siteJson.title);
    const nav = [...header.querySelectorAll(".site-nav a")].map((link) => [text(link), link.getAttribute("href")]);
    expect(nav).toEqual([
      ["Categories", "/category/"],
      ["Archives", "/archive/"],
      ["Search", "/search/"],
    ]);
    const categoryLinks = [...header.querySelectorAll(".category-nav a")].map((link) => link.getAttribute("href"));
    expect(categoryLinks).toEqual(Object.keys(categories).map((id) => `/category/${id}/`));
  });

  it("shows category label, headline, dek, byline, date with offset and reading time", () => {
    const article = page.querySelector("article")!;
    expect(article.querySelector(".article-section a")!.getAttribute("href")).toBe("/category/statehouse/");
    expect(text(article.querySelector("h1"))).toMatch(/^Senate Finance Committee delays budget vote/);
    expect(page.querySelectorAll("h1")).toHaveLength(1);
    expect(text(article.querySelector(".article-dek"))).toMatch(/^A vote scheduled for Wednesday night/);
    const byline = article.querySelector(".byline a")!;
    expect([text(byline), byline.getAttribute("href")]).toEqual(["Daniel Reyes", "/author/daniel-reyes/"]);
    const time = article.querySelector(".article-meta time")!;
    expect(time.getAttribute("datetime")).toBe("2025-03-27T08:00:00-04:00");
    expect(text(time)).toBe("March 27, 2025 at 8:00 AM EDT");
    expect(text(article.querySelector(".reading-time"))).toMatch(/^\d+ min read$/);
    expect(article.querySelector(".article-updated")).toBeNull();
  });

  it("links every tag to its archive", () => {
    const tags = [...page.querySelectorAll(".article-tags a")].map((link) => [text(link), link.getAttribute("href")]);
    expect(tags).toEqual([
      ["budget", "/tag/budget/"],
      ["Governor Elena Marsh", "/tag/governor-elena-marsh/"],
      ["Senate Finance Committee", "/tag/senate-finance-committee/"],
    ]);
  });

  it("shows the lead image as a responsive figure with alt, caption and credit", () => {
    const figure = page.querySelector("figure.lead-image")!;
    const img = figure.querySelector("img")!;
    expect(img.getAttribute("alt")).toMatch(/bar chart/);
    expect(Number(img.getAttribute("width"))).toBeGreaterThan(0);
    expect(Number(img.getAttribute("height"))).toBeGreaterThan(0);
    expect(img.getAttribute("loading")).toBe("eager");
    const sources = [...figure.querySelectorAll("source")];
    expect(sources.map((source) => source.getAttribute("type"))).toEqual(["image/webp", "image/jpeg"]);
    for (const source of sources) expect(source.getAttribute("srcset")!.split(",").length).toBeGreaterThanOrEqual(3);
    expect(text(figure.querySelector("figcaption"))).toMatch(/^Revised revenue estimates/);
    expect(text(figure.querySelector(".credit"))).toBe("Illustration by Jonah Pike/Ledger Graphics");
  });

  it("renders the Markdown body: subheads, block quote with its introduction, external links", () => {
    const body = page.querySelector(".article-body")!;
    expect(body.querySelectorAll("p").length).toBeGreaterThan(5);
    expect(text(body.querySelector("h2"))).toBe("Where the gap came from");
    expect(text(body.querySelector("blockquote")?.previousElementSibling)).toBe("Per the Courier:");
    expect(body.querySelector('a[href="https://courier.example.com/2025/03/budget-forecast"]')).not.toBeNull();
    expect(body.innerHTML).not.toContain("<!--more-->");
    expect(text(body)).not.toContain("<!--");
  });

  it("ends with the author box: avatar, name, role, start of the bio and keep reading", () => {
    const box = page.querySelector(".author-box")!;
    expect(box.querySelector("img")!.getAttribute("loading")).toBe("lazy");
    expect(text(box.querySelector(".author-box-name"))).toBe("Daniel Reyes");
    expect(text(box.querySelector(".author-box-role"))).toBe(authors["daniel-reyes"].role);
    const bio = text(box.querySelector(".author-box-bio"));
    expect(authors["daniel-reyes"].bio.split("\n\n")[0].replace(/[*_]/g, "")).toContain(bio.replace(/[“”’]/g, (c: string) => ({ "“": '"', "”": '"', "’": "'" })[c]!).slice(0, 40));
    expect(box.querySelectorAll(".author-box-bio p")).toHaveLength(1);
    expect(box.querySelector("a.keep-reading")!.getAttribute("href")).toBe("/author/daniel-reyes/");
  });

  it("links the previous and next stories and up to three related ones", () => {
    const neighbours = [...page.querySelectorAll(".article-neighbours a")].map((link) => link.getAttribute("href"));
    expect(neighbours).toEqual(["/2025/02/water-rights-suit-filed/", "/2025/04/river-cleanup-volunteers/"]);
    const related = [...page.querySelectorAll(".related .card-title a")].map((link) => link.getAttribute("href"));
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(3);
    expect(related).not.toContain(NORMAL);
  });

  it("has title, description, canonical, Open Graph, Twitter card and robots in <head>", () => {
    expect(text(page.querySelector("title"))).toMatch(/^Senate Finance Committee delays budget vote .* — The Riverbend Ledger$/);
    expect(meta(page, "description")[0]).toMatch(/^A vote scheduled/);
    expect(page.querySelector('link[rel="canonical"]')!.getAttribute("href")).toBe(`${siteJson.url}${NORMAL}`);
    expect(meta(page, "og:type")).toEqual(["article"]);
    expect(meta(page, "og:url")).toEqual([`${siteJson.url}${NORMAL}`]);
    expect(meta(page, "og:title")[0]).toMatch(/^Senate Finance Committee/);
    expect(meta(page, "og:image")[0]).toMatch(new RegExp(`^${siteJson.url}/assets/img/.+-1200\\.jpeg$`));
    expect(urlExists(site, new URL(meta(page, "og:image")[0]!).pathname)).toBe(true);
    expect(meta(page, "article:published_time")).toEqual(["2025-03-27T08:00:00-04:00"]);
    expect(meta(page, "article:author")).toEqual([`${siteJson.url}/author/daniel-reyes/`]);
    expect(meta(page, "article:section")).toEqual(["Statehouse"]);
    expect(meta(page, "article:tag")).toEqual(["budget", "Governor Elena Marsh", "Senate Finance Committee"]);
    expect(meta(page, "twitter:card")).toEqual(["summary_large_image"]);
    expect(meta(page, "robots")).toEqual(["max-image-preview:large"]);
  });

  it("carries NewsArticle JSON-LD with the right values", () => {
    const [data] = jsonLd(page);
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: text(page.querySelector("h1")),
      datePublished: "2025-03-27T08:00:00-04:00",
      dateModified: "2025-03-27T08:00:00-04:00",
      image: [meta(page, "og:image")[0]],
      author: [{ "@type": "Person", name: "Daniel Reyes", url: `${siteJson.url}/author/daniel-reyes/`, jobTitle: "Statehouse Reporter" }],
      publisher: { "@type": "NewsMediaOrganization", name: siteJson.title, logo: { url: `${siteJson.url}${siteJson.logo}` } },
    });
  });

  it("works without JavaScript: no script but the JSON-LD", () => {
    expect([...page.querySelectorAll("script")].map((script) => script.getAttribute("type"))).toEqual(["application/ld+json"]);
  });
});

describe("the multi-page article", () => {
  const urls = [MULTI, `${MULTI}2/`, `${MULTI}3/`, `${MULTI}all/`];
  const pages = urls.map((url) => readPage(site, url));

  it("has pages 1..3 and a View all page, each its own canonical URL", () => {
    pages.forEach((page, index) => {
      expect(page.querySelector('link[rel="canonical"]')!.getAttribute("href")).toBe(`${siteJson.url}${urls[index]}`);
      expect(meta(page, "og:url")).toEqual([`${siteJson.url}${urls[index]}`]);
      expect((jsonLd(page)[0] as { url: string }).url).toBe(`${siteJson.url}${urls[index]}`);
    });
    expect(urlExists(site, `${MULTI}4/`)).toBe(false);
    expect(new Set(pages.map((page) => text(page.querySelector("title")))).size).toBe(4);
  });

  it("shows 'Page K of N' and First | Prev | 1 | 2 | 3 | Next | Last | View all", () => {
    pages.forEach((page, index) => {
      const nav = page.querySelector("nav.pager")!;
      expect(text(nav.querySelector(".pager-status"))).toBe(index < 3 ? `Page ${index + 1} of 3` : "All 3 pages");
      expect([...nav.querySelectorAll("li")].map(text)).toEqual(["First", "Prev", "1", "2", "3", "Next", "Last", "View all"]);
      const current = [...nav.querySelectorAll('[aria-current="page"]')].map(text);
      expect(current).toEqual([index < 3 ? String(index + 1) : "View all"]);
    });
  });

  it("has no dead links at the ends", () => {
    const links = (page: Document) => Object.fromEntries([...page.querySelectorAll("nav.pager a")].map((link) => [text(link), link.getAttribute("href")]));
    expect(links(pages[0]!)).toEqual({ "1": MULTI, "2": `${MULTI}2/`, "3": `${MULTI}3/`, Next: `${MULTI}2/`, Last: `${MULTI}3/`, "View all": `${MULTI}all/` });
    expect(links(pages[1]!)).toMatchObject({ First: MULTI, Prev: MULTI, Next: `${MULTI}3/`, Last: `${MULTI}3/` });
    expect(links(pages[2]!)).toEqual({ First: MULTI, Prev: `${MULTI}2/`, "1": MULTI, "2": `${MULTI}2/`, "3": `${MULTI}3/`, "View all": `${MULTI}all/` });
    expect(Object.keys(links(pages[3]!))).not.toContain("Prev");
    expect(Object.keys(links(pages[3]!))).not.toContain("Next");
  });

  it("puts each part on its own page and every part on the View all page", () => {
    const bodies = pages.map((page) => text(page.querySelector(".article-body")));
    expect(bodies[1]).toContain("quillmarsh");
    expect(bodies[0]).not.toContain("quillmarsh");
    expect(bodies[2]).not.toContain("quillmarsh");
    for (const part of bodies.slice(0, 3)) {
      expect(part.length).toBeGreaterThan(500);
      expect(bodies[3]).toContain(part.slice(0, 200));
    }
    for (const page of pages) expect(page.querySelector(".article-body")!.innerHTML).not.toContain("nextpage");
  });
});

describe("bylines, updates, tags and dates", () => {
  it("credits both authors of a shared byline, each with an author box", () => {
    const page = readPage(site, CO_AUTHORED);
    expect(text(page.querySelector(".byline"))).toBe("By Maya Okafor and Daniel Reyes");
    expect([...page.querySelectorAll(".author-box .author-box-name")].map(text)).toEqual(["Maya Okafor", "Daniel Reyes"]);
    expect(meta(page, "article:author")).toHaveLength(2);
    expect((jsonLd(page)[0] as { author: { name: string }[] }).author.map((author) => author.name)).toEqual(["Maya Okafor", "Daniel Reyes"]);
  });

  it("shows 'Updated …' and uses it as dateModified", () => {
    const page = readPage(site, UPDATED);
    const updated = page.querySelector(".article-updated time")!;
    expect(updated.getAttribute("datetime")).toBe("2025-11-05T01:40:00-05:00");
    expect(text(page.querySelector(".article-updated"))).toBe("Updated November 5, 2025 at 1:40 AM EST");
    expect(meta(page, "article:modified_time")).toEqual(["2025-11-05T01:40:00-05:00"]);
    expect(jsonLd(page)[0]).toMatchObject({ dateModified: "2025-11-05T01:40:00-05:00" });
  });

  it("gives non-ASCII tags readable slugs", () => {
    const page = readPage(site, NON_ASCII_TAGS);
    const tags = [...page.querySelectorAll(".article-tags a")].map((link) => link.getAttribute("href"));
    expect(tags).toEqual(["/tag/sao-tome-delegation/", "/tag/zuerich-accord/", "/tag/elliniki-koinotita/", "/tag/trade/"]);
  });

  it("shows a date-only article without a time of day, at midnight in the site's zone", () => {
    const time = readPage(site, DATE_ONLY).querySelector(".article-meta time")!;
    expect(time.getAttribute("datetime")).toBe("2025-06-12T00:00:00-04:00");
    expect(text(time)).toBe("June 12, 2025");
  });

  it("files an article published at 23:30 on New Year's Eve under that year in the site's zone", () => {
    expect(urlExists(site, "/2025/12/budget-deal-beats-midnight-deadline/")).toBe(true);
    expect(urlExists(site, "/2026/01/budget-deal-beats-midnight-deadline/")).toBe(false);
  });
});

describe("what is not published", () => {
  const everything = allFiles(site)
    .filter((file) => /\.(html|xml|json|txt)$/.test(file))
    .map((file) => readFileSync(path.join(site, file), "utf8"))
    .join("\n");

  it("leaves drafts and scheduled articles out of every file", () => {
    expect(everything).not.toContain("draftonly");
    expect(everything).not.toContain("futureonly");
    expect(allFiles(site).some((file) => file.includes("unfinished-draft") || file.includes("scheduled-story") || file.startsWith("2031"))).toBe(false);
  });

  it("publishes every other article", () => {
    const published = allFiles(site).filter((file) => /^\d{4}\/\d{2}\/[^/]+\/index\.html$/.test(file));
    expect(published).toHaveLength(19);
  });
});
