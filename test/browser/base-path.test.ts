// A site served under a path of its host, as a reader gets it: the sample with `url`
// https://example.org/news, served at /news/ (and nothing outside it) in headless Chromium.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium, serveStatic, type StaticSite } from "../../src/browser/index.ts";
import { BASE_PATH, buildSampleUnderPath } from "../helpers/base-path.ts";
import { chromiumOptions } from "../helpers/browser.ts";
import { samplePosts } from "../helpers/sample.ts";

const posts = samplePosts();
let server: StaticSite;
let browser: Browser;

beforeAll(async () => {
  const { site } = buildSampleUnderPath();
  server = await serveStatic(site, { basePath: BASE_PATH });
  browser = await launchChromium(chromiumOptions);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A new tab that records script errors and every request that failed or was answered with an error. */
async function openTab(): Promise<{ page: Page; problems: string[] }> {
  const page = await (await browser.newContext()).newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("requestfailed", (request) => problems.push(`${request.url()} failed`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.url()}: HTTP ${response.status()}`);
  });
  return { page, problems };
}

/** The site's stylesheet is in effect: it takes the skip link out of the flow. */
const stylesheetApplied = (page: Page) => page.locator(".skip-link").evaluate((link) => getComputedStyle(link).position === "absolute");

describe(`the site served under ${BASE_PATH}`, () => {
  it("finds a story in search; its thumbnail shows and its result opens the story under the path", async () => {
    const { page, problems } = await openTab();
    await page.goto(`${server.origin}${BASE_PATH}search/?q=brindlewick`);
    const result = page.locator(".search-result").first();
    await result.waitFor();
    const link = result.locator(".card-title a");
    expect(await link.getAttribute("href")).toBe(`${BASE_PATH}2025/04/river-cleanup-volunteers/`);
    const thumbnail = result.locator("img.search-thumb");
    expect(await thumbnail.getAttribute("src")).toMatch(new RegExp(`^${BASE_PATH}assets/img/`));
    await page.waitForFunction(() => (document.querySelector<HTMLImageElement>(".search-result img.search-thumb")?.naturalWidth ?? 0) > 0);
    await link.click();
    await page.waitForURL(`${server.origin}${BASE_PATH}2025/04/river-cleanup-volunteers/`);
    expect(await page.locator("h1").textContent()).toBe(posts.find((post) => post.url === "/2025/04/river-cleanup-volunteers/")!.title);
    expect(await stylesheetApplied(page)).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("loads more stories in place under the path, until none remain", async () => {
    const { page, problems } = await openTab();
    await page.goto(`${server.origin}${BASE_PATH}`);
    const storyLinks = () => page.locator("#stories .card-title a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    const shown = (await storyLinks()).length;
    await page.locator("a[data-load-more]").click();
    await page.waitForFunction((count) => document.querySelectorAll("#stories > li").length > count, shown);
    expect(new URL(page.url()).pathname).toBe(`${BASE_PATH}page/2/`);
    while ((await page.locator("a[data-load-more]").count()) > 0) {
      const before = await page.locator("#stories > li").count();
      await page.locator("a[data-load-more]").click();
      await page.waitForFunction((count) => document.querySelectorAll("#stories > li").length > count, before);
    }
    expect(await storyLinks()).toEqual(posts.map((post) => `${BASE_PATH}${post.url.slice(1)}`));
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("answers an unknown address at any depth with a styled 404 page whose links stay under the path", async () => {
    const { page, problems } = await openTab();
    const response = await page.goto(`${server.origin}${BASE_PATH}no/such/story/here/`);
    expect(response?.status()).toBe(404);
    expect(problems).toEqual([`${server.origin}${BASE_PATH}no/such/story/here/: HTTP 404`]);
    expect(await stylesheetApplied(page)).toBe(true);
    await page.locator(`main a[href="${BASE_PATH}archive/"]`).click();
    await page.waitForURL(`${server.origin}${BASE_PATH}archive/`);
    expect(problems).toHaveLength(1);
    await page.context().close();
  });
});
