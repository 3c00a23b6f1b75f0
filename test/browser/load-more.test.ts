// "Load more" as a reader gets it: with JavaScript it appends the next page's stories in
// place; without, it is a link to the next page.
import { describe, expect, inject, it } from "vitest";
import { siteInChromium } from "../helpers/browser.ts";
import { samplePosts } from "../helpers/sample.ts";

const site = inject("sampleSite");
const posts = samplePosts();
const chromium = siteInChromium(site);

describe("Load more", () => {
  it("appends the next page's stories, moves focus to the first new one and updates the URL, until none remain", async () => {
    const context = await chromium.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${chromium.origin}/`);
    const storyLinks = () => page.locator("#stories .card-title a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(await storyLinks()).toHaveLength(5);

    await page.getByRole("button", { name: "Load more stories" }).click();
    await page.waitForFunction(() => document.querySelectorAll("#stories > li").length === 10);
    expect(await storyLinks()).toEqual(posts.slice(0, 10).map((post) => post.url));
    expect(new URL(page.url()).pathname).toBe("/page/2/");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe(posts[5]!.url);
    expect(await page.locator(".listing > .pager-status").textContent()).toBe("Page 2 of 4");

    while ((await page.locator("a[data-load-more]").count()) > 0) {
      const before = await page.locator("#stories > li").count();
      await page.locator("a[data-load-more]").click();
      await page.waitForFunction((count) => document.querySelectorAll("#stories > li").length > count, before);
    }
    expect(await storyLinks()).toEqual(posts.map((post) => post.url));
    expect(await page.locator("a[data-load-more]").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("is a working link to the next page with JavaScript off", async () => {
    const context = await chromium.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${chromium.origin}/category/statehouse/`);
    await page.getByRole("link", { name: "Load more stories" }).click();
    await page.waitForURL(`${chromium.origin}/category/statehouse/page/2/`);
    expect(await page.locator("#stories > li").count()).toBeGreaterThan(0);
    await context.close();
  });
});
