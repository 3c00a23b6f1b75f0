// The publisher's settings in site.json (theme, menu) and static pages under pages/: the exact
// line an editor reads for each rule.
import { describe, expect, it } from "vitest";
import { check, post, sampleData } from "./check.ts";
import { readableShade } from "../../src/content/theme.ts";

/** site.json: the sample's settings with `fields` added, as editors indent it. */
const siteJson = (fields: Record<string, unknown>) => JSON.stringify({ ...sampleData("site.json"), ...fields }, null, 2);
/** The line of the first occurrence of `text` in a file's text. */
const lineOf = (file: string, text: string) => file.slice(0, file.indexOf(text)).split("\n").length;
const page = (front: string, body = "Some text.\n") => `---\n${front}\n---\n${body}`;

describe("theme", () => {
  it("accepts colours and fonts that readers can read, and logos that exist", async () => {
    const site = siteJson({ theme: { logo: "/img/logo.svg", logoDark: "/img/logo.svg", accent: "#b3261e", link: { light: "#0b57d0", dark: "#8ab4f8" }, headingFont: 'Georgia, "Times New Roman", serif', bodyFont: "system-ui, sans-serif" } });
    const { report, publication } = await check({ "a.md": post() }, { "_data/site.json": site });
    expect(report).toEqual(["0 errors, 0 warnings"]);
    expect(publication!.site.theme!.link).toEqual({ light: "#0b57d0", dark: "#8ab4f8" });
  });

  it("refuses a colour with poor contrast, with its ratio, the background and a colour that passes", async () => {
    const site = siteJson({ theme: { accent: "#f5c518" } });
    const { report } = await check({ "a.md": post() }, { "_data/site.json": site });
    const shade = readableShade("#f5c518", "light");
    expect(report).toEqual([
      `_data/site.json:${lineOf(site, '"accent"')}: theme.accent: #f5c518 has a contrast of 1.6:1 against the light background (#ffffff); AA needs 4.5:1 — darken it, e.g. ${shade}, or give one colour per scheme: { "light": "${shade}", "dark": "#f5c518" }`,
      "1 error, 0 warnings",
    ]);
  });

  it("checks each colour of a pair against its own scheme's background", async () => {
    const site = siteJson({ theme: { link: { light: "#0b57d0", dark: "#1a3a6b" } } });
    const { report } = await check({ "a.md": post() }, { "_data/site.json": site });
    expect(report[0]).toMatch(new RegExp(`^_data/site\\.json:${lineOf(site, '"dark"')}: theme\\.link\\.dark: #1a3a6b has a contrast of 1\\.\\d:1 against the dark background \\(#131517\\); AA needs 4\\.5:1 — lighten it, e\\.g\\. #[0-9a-f]{6}$`));
  });

  it("refuses colours that are not #rgb or #rrggbb, fonts that could break the stylesheet, and logos that are not there", async () => {
    const site = siteJson({ theme: { accent: "red", headingFont: "Georgia; } body { display: none", logoDark: "/img/logo-dark.svg" } });
    const { report } = await check({ "a.md": post() }, { "_data/site.json": site });
    expect(report).toEqual([
      `_data/site.json:${lineOf(site, '"accent"')}: theme.accent: must be a colour written #rgb or #rrggbb — e.g. #b3261e`,
      `_data/site.json:${lineOf(site, '"headingFont"')}: theme.headingFont: must be a CSS font-family list: names separated by commas, quoted when they hold other characters than letters, digits, spaces and hyphens, and no ; { } < > — e.g. Georgia, "Times New Roman", serif`,
      "2 errors, 0 warnings",
    ]);
    const missing = siteJson({ theme: { logo: "/img/brand.svg" } });
    expect((await check({ "a.md": post() }, { "_data/site.json": missing })).report[0]).toBe(
      `_data/site.json:${lineOf(missing, '"logo": "/img/brand.svg"')}: theme.logo: file /img/brand.svg not found — add it under img/ or correct the path`,
    );
  });

  it("warns about an unknown theme field, naming the closest known one", async () => {
    const site = siteJson({ theme: { acent: "#b3261e" } });
    expect((await check({ "a.md": post() }, { "_data/site.json": site })).report).toEqual([
      `_data/site.json:${lineOf(site, '"acent"')}: warning: theme.acent: unknown field — did you mean \`accent\`?`,
      "0 errors, 1 warning",
    ]);
  });
});

describe("menu", () => {
  it("accepts categories, pages and links, in order", async () => {
    const site = siteJson({ menu: [{ category: "courts" }, { page: "about", label: "About us" }, { label: "Newsletter", url: "/newsletter/" }, { label: "Shop", url: "https://shop.example.org" }] });
    const { report, publication } = await check({ "a.md": post() }, { "_data/site.json": site, "pages/about.md": page("title: About the Ledger") });
    expect(report).toEqual(["0 errors, 0 warnings"]);
    expect(publication!.site.menu).toHaveLength(4);
  });

  it("names an unknown category or page with the one probably meant", async () => {
    const site = siteJson({ menu: [{ category: "court" }, { page: "abot" }, { page: "masthead" }] });
    const { report } = await check({ "a.md": post() }, { "_data/site.json": site, "pages/about.md": page("title: About") });
    expect(report).toEqual([
      `_data/site.json:${lineOf(site, '"category": "court"')}: menu.0.category: unknown category "court" — did you mean \`courts\`?`,
      `_data/site.json:${lineOf(site, '"page": "abot"')}: menu.1.page: unknown page "abot" — did you mean \`about\`?`,
      `_data/site.json:${lineOf(site, '"page": "masthead"')}: menu.2.page: unknown page "masthead" — use one of: about`,
      "3 errors, 0 warnings",
    ]);
  });

  it("says what an item needs: one of category, page or link, a label with a link, a usable address", async () => {
    const site = siteJson({ menu: [{ categroy: "courts" }, { url: "/newsletter/" }, { label: "Shop", url: "shop.example.org" }, { category: "courts", page: "about" }] });
    const { report } = await check({ "a.md": post() }, { "_data/site.json": site, "pages/about.md": page("title: About") });
    expect(report).toEqual([
      // A problem of a whole item is reported at its first line, the one with {.
      `_data/site.json:${lineOf(site, '"categroy"') - 1}: menu.0: names no category, page or link — write { "category": "id" }, { "page": "slug" } or { "label": "Text", "url": "/path/" }`,
      `_data/site.json:${lineOf(site, '"url": "/newsletter/"') - 1}: menu.1.label: is required with url — write the text the menu shows`,
      `_data/site.json:${lineOf(site, '"url": "shop.example.org"')}: menu.2.url: must be a path on this site (/newsletter/) or an absolute http(s) URL (https://…)`,
      `_data/site.json:${lineOf(site, '"category": "courts",') - 1}: menu.3: names a category and a page — give each its own item`,
      `_data/site.json:${lineOf(site, '"categroy"')}: warning: menu.0.categroy: unknown field — did you mean \`category\`?`,
      "4 errors, 1 warning",
    ]);
  });
});

describe("static pages", () => {
  it("reads pages/*.md as pages at /<slug>/, in file-name order", async () => {
    const { report, publication } = await check(
      { "a.md": post() },
      { "pages/corrections.md": page("title: Corrections policy\nfooter: false", "We fix errors.\n"), "pages/About.md": page("title: About\ndescription: Who we are."), "pages/img/staff.svg": "<svg/>" },
    );
    expect(report).toEqual(["pages/img/staff.svg: warning: is not a page (pages/<slug>.md) and is not published — move it directly under pages/ as .md, or images to img/", "0 errors, 1 warning"]);
    expect(publication!.pages.map(({ file, slug, url, title, description, footer }) => ({ file, slug, url, title, description, footer }))).toEqual([
      { file: "pages/About.md", slug: "about", url: "/about/", title: "About", description: "Who we are.", footer: true },
      { file: "pages/corrections.md", slug: "corrections", url: "/corrections/", title: "Corrections policy", description: undefined, footer: false },
    ]);
  });

  it("refuses a page at an address the site uses itself, a page without title or text, and two pages at one address", async () => {
    const { report } = await check(
      { "a.md": post() },
      {
        "pages/search.md": page("title: Search tips"),
        "pages/2024.md": page("title: Our year"),
        "pages/pagefind-2.md": page("title: Index"),
        "pages/ethics.md": page("description: How we work."),
        "pages/empty.md": page("title: Empty", "\n"),
        "pages/contact.md": page("title: Contact"),
        "pages/Contact.md": page("title: Contact us"),
        "pages/staff.md": page("title: Staff\nmenu: true"),
      },
    );
    expect(report).toEqual([
      "pages/2024.md:1: the page would be at /2024/, where the site keeps its own pages — rename the file, e.g. pages/about-2024.md",
      "pages/contact.md:1: has the same URL /contact/ as pages/Contact.md — rename one of them",
      "pages/empty.md:4: the page has no text — write it below the front matter",
      "pages/ethics.md:2: title: is required — add `title:` to the front matter",
      "pages/pagefind-2.md:1: the page would be at /pagefind-2/, where the site keeps its own pages — rename the file, e.g. pages/about-pagefind-2.md",
      "pages/search.md:1: the page would be at /search/, where the site keeps its own pages — rename the file, e.g. pages/about-search.md",
      "pages/staff.md:3: warning: menu: unknown field, ignored — known fields: title, description, footer",
      "6 errors, 1 warning",
    ]);
  });
});
