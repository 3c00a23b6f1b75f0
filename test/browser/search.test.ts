// Search as a reader uses it, in headless Chromium against the built sample.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { serve, siteInChromium, type StaticSite } from "../helpers/browser.ts";
import { samplePosts } from "../helpers/sample.ts";
import { makePublication, projectRoot, runBuild, tempDir } from "../helpers/build.ts";
import path from "node:path";

const posts = samplePosts();

const site = inject("sampleSite");
const chromium = siteInChromium(site);

async function openSearch(query: string, javaScriptEnabled = true): Promise<Page> {
  const context = await chromium.browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(`${chromium.origin}/search/${query}`);
  return page;
}

const resultLinks = (page: Page) => page.locator(".search-result .card-title a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));

/** Waits until the results for `query` are shown (typing runs searches for every prefix first). */
async function waitForResults(page: Page, query: string): Promise<void> {
  await page.waitForFunction((q) => (document.querySelector("[data-search-status]")?.textContent ?? "").includes(`“${q}”`), query);
  await page.waitForFunction(() => document.querySelector("[data-search-status]")?.textContent?.startsWith("No ") || document.querySelector(".search-result"));
}

describe("search", () => {
  it("finds the one article holding a word, first, from a deep link", async () => {
    const page = await openSearch("?q=brindlewick");
    await waitForResults(page, "brindlewick");
    expect(await resultLinks(page)).toEqual(["/2025/04/river-cleanup-volunteers/"]);
    expect(await page.locator(".search-result mark").first().textContent()).toMatch(/brindlewick/i);
    expect(await page.locator("#search-query").inputValue()).toBe("brindlewick");
    await page.context().close();
  });

  it("finds a word from page 2 of a multi-page article once, on its View all page", async () => {
    const page = await openSearch("?q=quillmarsh");
    await waitForResults(page, "quillmarsh");
    expect(await resultLinks(page)).toEqual(["/2025/08/harlow-ridge-wind-farm-fight/all/"]);
    await page.context().close();
  });

  it("shows results as you type and keeps the query in the URL", async () => {
    const page = await openSearch("");
    await page.locator("[data-search-app]:not([hidden])").waitFor();
    await page.locator("#search-query").pressSequentially("transit", { delay: 20 });
    await waitForResults(page, "transit");
    expect((await resultLinks(page)).length).toBeGreaterThan(1);
    expect(new URL(page.url()).searchParams.get("q")).toBe("transit");
    await page.context().close();
  });

  it("narrows results to a category with its filter, and shows result details", async () => {
    const page = await openSearch("");
    const filterRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/filter/")) filterRequests.push(request.url());
    });
    await page.goto(`${chromium.origin}/search/?q=budget`);
    await waitForResults(page, "budget");
    const all = await resultLinks(page);
    // The filters' index is fetched only when a reader opens them.
    expect(filterRequests).toEqual([]);
    expect(await page.getByRole("checkbox", { name: /^Economy/ }).count()).toBe(0);
    await page.locator("[data-search-filters] > summary").click();
    await page.getByRole("checkbox", { name: /^Economy/ }).check();
    expect(filterRequests.length).toBeGreaterThan(0);
    // The list is emptied while the filtered search runs: wait for the narrowed results.
    await page.waitForFunction((count) => {
      const shown = document.querySelectorAll(".search-result").length;
      return shown > 0 && shown < count;
    }, all.length);
    const narrowed = await resultLinks(page);
    expect(narrowed.length).toBeGreaterThan(0);
    // A multi-page article's result is its View all page.
    for (const url of narrowed) expect(posts.find((post) => post.url === url!.replace(/all\/$/, ""))!.categories, url!).toContain("economy");
    expect(new URL(page.url()).searchParams.getAll("category")).toEqual(["Economy"]);
    // An article without a lead image gets no thumbnail (never another story's picture).
    const withoutImage = page.locator(".search-result").filter({ has: page.locator('a[href="/2025/10/revenue-report-sales-tax/"]') });
    expect(await withoutImage.count()).toBe(1);
    expect(await withoutImage.locator("img").count()).toBe(0);
    const first = page.locator(".search-result").first();
    expect(await first.locator(".card-meta").textContent()).toMatch(/^By .+ · \w+ \d{1,2}, \d{4}/);
    await page.context().close();
  });

  it("orders by date, newest first, on request", async () => {
    const page = await openSearch("?q=budget&sort=newest");
    await waitForResults(page, "budget");
    const dates = await page.locator(".search-result .card-meta").allTextContents();
    const times = dates.map((line) => Date.parse(line.split(" · ")[1]!.replace(" at ", " ").replace(/ E[SD]T$/, "")));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    await page.context().close();
  });

  it("says when nothing matches", async () => {
    const page = await openSearch("?q=zzxqvw");
    await waitForResults(page, "zzxqvw");
    expect(await page.locator("[data-search-status]").textContent()).toMatch(/^No stories match “zzxqvw”/);
    await page.context().close();
  });

  it("has no axe violations with results and filters shown", async () => {
    const page = await openSearch("?q=budget");
    await waitForResults(page, "budget");
    await page.locator("[data-search-filters] > summary").click();
    await page.getByRole("checkbox", { name: /^Economy/ }).waitFor();
    const report = await new AxeBuilder({ page }).analyze();
    expect(report.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
    await page.context().close();
  });

  it("tells readers without JavaScript that search needs it, and where to browse instead", async () => {
    const page = await openSearch("?q=budget", false);
    const notice = page.locator("noscript, .listing-empty").filter({ hasText: "Search needs JavaScript" });
    expect(await notice.count()).toBeGreaterThan(0);
    expect(await page.locator("[data-search-app]").isVisible()).toBe(false);
    expect(await page.getByRole("link", { name: "date" }).getAttribute("href")).toBe("/archive/");
    await page.context().close();
  });
});

describe("search results from hostile text", () => {
  it("show markup written in an article as text, never run it", async () => {
    const content = makePublication({
      "hostile.md": "---\ntitle: \"Zebra <img src=x onerror=window.pwned=1>\"\ndate: 2025-05-01T10:00:00-04:00\nauthor: maya-okafor\ncategory: courts\n---\nBeware <img src=x onerror=window.pwned=2> zebraquote & friends.\n",
    });
    const output = path.join(tempDir("out"), "_site");
    expect(runBuild(content, output).status).toBe(0);
    const hostile = await serve(output);
    const context = await chromium.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${hostile.origin}/search/?q=zebraquote`);
    await waitForResults(page, "zebraquote");
    expect(await page.locator(".search-result .card-title a").textContent()).toBe("Zebra <img src=x onerror=window.pwned=1>");
    expect(await page.locator(".search-excerpt").textContent()).toContain("<img src=x onerror=window.pwned=2>");
    expect(await page.locator(".search-result img:not(.search-thumb)").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await context.close();
    await hostile.close();
  });
});

describe("a search index split into several bundles", () => {
  let split: StaticSite;
  beforeAll(async () => {
    const output = path.join(tempDir("out"), "_site");
    expect(runBuild(projectRoot, output, ["--slice-size", "5"]).status).toBe(0);
    split = await serve(output);
  });
  afterAll(() => split.close());

  it("reads the newest bundle first and older ones only for a full page or when the reader asks", async () => {
    const context = await chromium.browser.newContext();
    const page = await context.newPage();
    const bundlesRead: string[] = [];
    page.on("request", (request) => {
      const bundle = /\/(pagefind[^/]*)\/.+\.pf_meta$/.exec(new URL(request.url()).pathname)?.[1];
      if (bundle) bundlesRead.push(bundle);
    });
    // "the" is in every story. Bundles are cut from the oldest story, 5 each; the newest 4,
    // a slice still filling, in blocks of one (a tenth of a slice, rounded up).
    await page.goto(`${split.origin}/search/?q=the`);
    await waitForResults(page, "the");
    const newestFirst = (await page.locator("[data-search-app]").getAttribute("data-bundles"))!.split(" ").map((url) => url.replaceAll("/", ""));
    expect(newestFirst).toEqual(["pagefind-7", "pagefind-6", "pagefind-5", "pagefind-4", "pagefind-3", "pagefind-2", "pagefind"]);
    const firstPage = ["pagefind-7", "pagefind-6", "pagefind-5", "pagefind-4", "pagefind-3"];
    expect(bundlesRead).toEqual(firstPage);
    expect(await page.locator(".search-result").count()).toBe(5);
    expect(await page.locator("[data-search-status]").textContent()).toMatch(/^9 stories since \w+ \d{4} match “the”\.$/);
    const more = page.locator("[data-search-more] button");
    expect(await more.textContent()).toBe("More results");
    await more.click();
    await page.waitForFunction(() => document.querySelectorAll(".search-result").length === 9);
    expect(bundlesRead).toEqual(firstPage);
    expect(await more.textContent()).toMatch(/^Search stories before \w+ \d{4}$/);
    await more.click();
    await page.waitForFunction(() => document.querySelectorAll(".search-result").length > 9);
    expect(bundlesRead).toEqual([...firstPage, "pagefind-2"]);
    await context.close();
  });

  it("finds every story a single bundle finds, the best one first, with filters over all bundles", async () => {
    const results = async (origin: string, query: string) => {
      const context = await chromium.browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origin}/search/${query}`);
      await waitForResults(page, new URLSearchParams(query).get("q")!);
      while (await page.locator("[data-search-more]:not([hidden]) button").count()) {
        const shown = await page.locator(".search-result").count();
        await page.locator("[data-search-more] button").click();
        // Either more results show, or the older bundles hold no more and the button goes.
        await page.waitForFunction(
          (count) => document.querySelectorAll(".search-result").length > count || document.querySelector<HTMLElement>("[data-search-more]")!.hidden,
          shown,
        );
      }
      const links = await resultLinks(page);
      await context.close();
      return links;
    };
    for (const query of ["?q=budget", "?q=quillmarsh", "?q=brindlewick", "?q=river&category=Environment"]) {
      const single = await results(chromium.origin, query);
      const splitResults = await results(split.origin, query);
      // Relevance is scored per bundle, so only a word found in one story must rank it first.
      if (single.length === 1) expect(splitResults[0], query).toBe(single[0]);
      expect(splitResults, query).toEqual(expect.arrayContaining(single));
      // Extra results can only be partial-word matches from bundles without the word.
      expect(splitResults.length - single.length, query).toBeLessThanOrEqual(2);
    }
  });
});
