// Aliases: an article's old addresses redirect to it, and /_redirects lists them for hosts
// that read it; nothing else of the site sees them.
import { describe, expect, inject, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { makePublication, runBuild, runScript, tempDir } from "../helpers/build.ts";
import { fileForUrl, readPage } from "../helpers/site.ts";

const site = inject("sampleSite");
const siteUrl = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../_data/site.json"), "utf8")).url as string;
const article = "/2025/07/senate-passes-transit-bill/";

const post = (title: string, extra = "") => `---
title: ${JSON.stringify(title)}
date: 2025-05-01T10:00:00-04:00
author: maya-okafor
category: statehouse
tags: [budget]
${extra}---
The first paragraph of ${title}.
`;

describe("redirects from old addresses", () => {
  it("write a page at each old path that sends readers and crawlers to the article", () => {
    const page = readPage(site, "/2025/07/08/senate-passes-transit-bill/");
    expect(page.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content")).toBe(`0; url=${siteUrl}${article}`);
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`${siteUrl}${article}`);
    expect(page.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
    expect(page.querySelector(`a[href="${article}"]`)).not.toBeNull();
  });

  it("list every alias as a 301 rule in /_redirects, a query alias in Netlify's query form", () => {
    const rules = readFileSync(fileForUrl(site, "/_redirects"), "utf8").trim().split("\n");
    expect(rules).toContain(`/2025/07/08/senate-passes-transit-bill/ ${article} 301`);
    expect(rules).toContain(`/ p=2417 ${article} 301`);
  });

  it("stay out of the sitemap and the search index", () => {
    expect(readFileSync(fileForUrl(site, "/sitemap.xml"), "utf8")).not.toContain("/2025/07/08/");
    expect(readPage(site, "/2025/07/08/senate-passes-transit-bill/").querySelector("[data-pagefind-body]")).toBeNull();
  });

  it("are a check error when an alias is the address of one of the site's own pages", () => {
    const content = makePublication({ "one.md": post("One", "aliases:\n  - /tag/budget/\n  - /feed.xml\n") });
    const result = runScript("scripts/validate.ts", ["--content", content]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("posts/one.md:8: aliases: /tag/budget/ is the tag archive budget — remove the alias, it would replace that page");
    expect(result.stdout).toContain("posts/one.md:9: aliases: /feed.xml is the site's rss (/feed.xml) — remove the alias, it would replace that page");
    const output = path.join(tempDir("out"), "_site");
    expect(runBuild(content, output).status).toBe(1);
    expect(existsSync(output)).toBe(false);
  });

  it("are not written for a draft: its old addresses stay as they were", () => {
    const content = makePublication({ "one.md": post("One"), "two.md": post("Two", "draft: true\naliases: [/old/two/]\n") });
    const output = path.join(tempDir("out"), "_site");
    expect(runBuild(content, output).status).toBe(0);
    expect(existsSync(fileForUrl(output, "/old/two/"))).toBe(false);
    expect(readFileSync(fileForUrl(output, "/_redirects"), "utf8")).toBe("");
  });
});
