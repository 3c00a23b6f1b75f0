// The publisher's look without editing the kit: theme, menu, static pages and custom includes,
// on a built publication, as readers get them.
import { describe, expect, inject, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { makePublication, runBuild, tempDir } from "../helpers/build.ts";
import { readPage, text } from "../helpers/site.ts";
import { readableShade } from "../../src/content/theme.ts";

const sampleSite = inject("sampleSite");
const sampleSettings = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../_data/site.json"), "utf8"));
const links = (document: Document, selector: string) => [...document.querySelectorAll(selector)].map((link) => [text(link), link.getAttribute("href")]);

const story = `---
title: Council approves the river walk
date: 2026-03-04T09:30:00-05:00
author: maya-okafor
category: city-hall
---
The council voted 7 to 2 on Tuesday night.
`;

describe("a themed publication with a menu, pages and its own includes", () => {
  const root = makePublication(
    { "2026/river-walk.md": story },
    {
      "_data/site.json": JSON.stringify({
        ...sampleSettings,
        theme: { logo: "/img/logo.svg", logoDark: "/img/posts/gavel.svg", accent: "#b3261e", link: { light: "#0b57d0", dark: "#8ab4f8" }, headingFont: 'Georgia, "Times New Roman", serif', bodyFont: "system-ui, sans-serif" },
        menu: [{ category: "city-hall" }, { page: "about", label: "About us" }, { label: "Newsletter", url: "/about/#newsletter" }, { label: "Shop", url: "https://shop.example.org/" }],
      }),
      "pages/about.md": "---\ntitle: About the Ledger\ndescription: Who we are.\n---\nWe report on Riverbend.\n\n## Newsletter\n\nSign up below.\n",
      "pages/corrections.md": "---\ntitle: Corrections policy\nfooter: false\n---\nWe fix our mistakes in the open.\n",
      "_includes/custom/head.njk": '<meta name="publication-check" content="{{ site.title }}">\n',
      "_includes/custom/footer.njk": '<form class="newsletter" action="https://list.example.org/subscribe" method="post"><label for="newsletter-email">Email</label> <input id="newsletter-email" type="email" name="email"> <button>Subscribe</button></form>\n',
      // Only custom/ can be overridden: the rest of the markup stays the kit's.
      "_includes/partials/site-header.njk": "<header>NOT THE KIT'S</header>\n",
    },
  );
  const output = path.join(tempDir("look"), "_site");
  const result = runBuild(root, output);

  it("builds", () => {
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("shows the menu in the order of site.json: a category, a page with its label, links", () => {
    const home = readPage(output, "/");
    expect(links(home, ".category-nav a")).toEqual([
      ["City Hall", "/category/city-hall/"],
      ["About us", "/about/"],
      ["Newsletter", "/about/#newsletter"],
      ["Shop", "https://shop.example.org/"],
    ]);
    expect(text(home.querySelector(".site-header"))).not.toContain("NOT THE KIT'S");
  });

  it("renders each static page at /<slug>/ in the site's layout, and lists it in the sitemap", () => {
    const about = readPage(output, "/about/");
    expect(text(about.querySelector("h1"))).toBe("About the Ledger");
    expect(text(about.querySelector(".article-dek"))).toBe("Who we are.");
    expect(text(about.querySelector(".article-body p"))).toBe("We report on Riverbend.");
    expect(about.querySelector("title")!.textContent).toBe(`About the Ledger — ${sampleSettings.title}`);
    expect(about.querySelector('link[rel="canonical"]')!.getAttribute("href")).toBe(`${sampleSettings.url}/about/`);
    expect(about.querySelector(".site-header")).not.toBeNull();
    const sitemap = readFileSync(path.join(output, "sitemap.xml"), "utf8");
    expect(sitemap).toContain(`<loc>${sampleSettings.url}/about/</loc>`);
    expect(sitemap).toContain(`<loc>${sampleSettings.url}/corrections/</loc>`);
  });

  it("links the pages from the footer, unless a page says footer: false", () => {
    const footerLinks = links(readPage(output, "/2026/03/river-walk/"), ".site-footer-links a");
    expect(footerLinks).toContainEqual(["About the Ledger", "/about/"]);
    expect(footerLinks.map(([name]) => name)).not.toContain("Corrections policy");
  });

  it("puts the publication's custom head and footer on every page, the kit's own markup left as it is", () => {
    for (const url of ["/", "/2026/03/river-walk/", "/about/", "/category/city-hall/", "/search/", "/404.html"]) {
      const page = readPage(output, url);
      expect(page.querySelector('head meta[name="publication-check"]')?.getAttribute("content"), url).toBe(sampleSettings.title);
      expect(page.querySelector(".site-footer form.newsletter"), url).not.toBeNull();
    }
  });

  it("shows the logo, and the dark logo in the dark scheme", () => {
    const picture = readPage(output, "/").querySelector(".site-title picture")!;
    expect(picture.querySelector("source")!.getAttribute("media")).toBe("(prefers-color-scheme: dark)");
    expect(picture.querySelector("source")!.getAttribute("srcset")).toBe("/img/posts/gavel.svg");
    expect(picture.querySelector("img")!.getAttribute("src")).toBe("/img/logo.svg");
  });

  it("turns the theme into the stylesheet's custom properties, a readable shade of the accent in the dark scheme", () => {
    const css = readFileSync(path.join(output, "assets/site.css"), "utf8");
    expect(css.endsWith(
      ':root{--heading-font:Georgia, "Times New Roman", serif;--body-font:system-ui, sans-serif}' +
        "@media screen{:root{--accent:#b3261e;--link:#0b57d0}}" +
        `@media screen and (prefers-color-scheme:dark){:root{--accent:${readableShade("#b3261e", "dark")};--link:#8ab4f8}}`,
    )).toBe(true);
  });
});

describe("the sample publication", () => {
  it("links its About and Corrections pages from every page's footer", () => {
    const footerLinks = links(readPage(sampleSite, "/"), ".site-footer-links a");
    expect(footerLinks.slice(0, 2)).toEqual([
      ["About the Ledger", "/about/"],
      ["Corrections policy", "/corrections/"],
    ]);
    expect(text(readPage(sampleSite, "/corrections/").querySelector("h1"))).toBe("Corrections policy");
  });

  it("lists every category in the menu when site.json has none, and adds nothing to the page from the empty custom includes", () => {
    const categories = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../_data/categories.json"), "utf8"));
    const home = readPage(sampleSite, "/");
    expect(links(home, ".category-nav a")).toEqual(Object.entries(categories).map(([id, category]) => [(category as { name: string }).name, `/category/${id}/`]));
    expect(home.head.lastElementChild!.getAttribute("rel")).toBe("icon");
    expect(home.querySelector(".site-footer")!.lastElementChild!.className).toBe("site-footer-links");
  });
});
