// Every feed of the built sample read by real feed parsers and a strict XML parser.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import Parser from "rss-parser";
import { extractFromJson, extractFromXml } from "@extractus/feed-extractor";
import { makePublication, runBuild, tempDir } from "../helpers/build.ts";
import { allFiles, htmlPages, readPage, urlExists } from "../helpers/site.ts";
import { samplePosts } from "../helpers/sample.ts";
import { elementsNamed, parseXml } from "../helpers/xml.ts";

const site = inject("sampleSite");
const data = (file: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, "../../_data", file), "utf8"));
const siteJson = data("site.json");
const categories = data("categories.json");
const authors = data("authors.json");
const posts = samplePosts();
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), "utf8");

type Item = Parser.Item & { creators: string[]; media?: { $: Record<string, string> }[]; updated?: string; "content:encoded": string };
const parser = new Parser<Record<string, unknown>, Item>({
  customFields: { item: [["dc:creator", "creators", { keepArray: true }], ["media:content", "media", { keepArray: true }], ["atom:updated", "updated"]] },
});

describe("every XML file", () => {
  it("is well-formed", () => {
    const xmlFiles = allFiles(site).filter((file) => file.endsWith(".xml"));
    expect(xmlFiles.length).toBe(1 + Object.keys(categories).length + Object.keys(authors).length + 3); // feeds, atom, 2 sitemaps
    for (const file of xmlFiles) expect(() => parseXml(read(site, file)), file).not.toThrow();
  });
});

describe("/feed.xml (RSS 2.0)", () => {
  let feed: Parser.Output<Item> & Record<string, unknown>;
  const xml = read(site, "feed.xml");
  beforeAll(async () => {
    feed = await parser.parseString(xml);
  });

  it("describes the channel: title, description, language, self link, lastBuildDate of the newest item", () => {
    const channel = parseXml(xml).getElementsByTagName("channel")[0]!;
    expect(feed.title).toBe(siteJson.title);
    expect(feed.description).toBe(siteJson.description);
    expect(feed.link).toBe(`${siteJson.url}/`);
    expect(channel.getElementsByTagName("language")[0]!.textContent).toBe("en");
    const self = elementsNamed(channel as unknown as Document, "atom:link")[0]!;
    expect([self.getAttribute("href"), self.getAttribute("rel")]).toEqual([`${siteJson.url}/feed.xml`, "self"]);
    expect(channel.getElementsByTagName("lastBuildDate")[0]!.textContent).toBe(feed.items[0]!.pubDate);
    expect(feed.items[0]!.pubDate).toBe("Fri, 20 Nov 2026 16:45:00 -0500");
  });

  it("has the newest articles first, each once, with absolute permalinks as guids", () => {
    expect(feed.items.map((item) => item.link)).toEqual(posts.slice(0, 20).map((post) => `${siteJson.url}${post.url}`));
    expect(feed.items.map((item) => item.guid)).toEqual(feed.items.map((item) => item.link));
    for (const item of feed.items) expect(Date.parse(item.isoDate!)).toBe(posts.find((post) => item.link!.endsWith(post.url))!.date.toMillis());
  });

  it("credits every author and lists the category and every tag", () => {
    const coAuthored = feed.items.find((item) => item.link!.endsWith("/2025/10/revenue-report-sales-tax/"))!;
    expect(coAuthored.creators).toEqual(["Maya Okafor", "Daniel Reyes"]);
    expect(coAuthored.categories).toEqual(["Economy", "budget", "sales tax", "Department of Revenue"]);
  });

  it("carries the full text with absolute URLs and the lead image with its caption and credit", () => {
    for (const item of feed.items) {
      const content = item["content:encoded"];
      expect(content).not.toMatch(/(href|src)="\/(?!\/)/);
      expect(content.length).toBeGreaterThan(1000);
    }
    const withImage = feed.items.find((item) => item.link!.endsWith("/2025/03/budget-vote-delayed/"))!;
    const [media] = withImage.media!;
    expect(media!.$).toMatchObject({ type: "image/jpeg", medium: "image", width: "1200", height: "675" });
    expect(Number(media!.$.fileSize)).toBe(statSync(path.join(site, new URL(media!.$.url!).pathname)).size);
    expect(withImage["content:encoded"]).toMatch(new RegExp(`^<figure><img src="${media!.$.url}" alt="[^"]+bar chart[^"]*"`));
    expect(withImage["content:encoded"]).toContain("Illustration by Jonah Pike/Ledger Graphics</figcaption>");
  });

  it("has the multi-page article once, with the text of every page", () => {
    const items = feed.items.filter((item) => item.link!.includes("/2025/08/harlow-ridge-wind-farm-fight/"));
    expect(items).toHaveLength(1);
    expect(items[0]!.link).toBe(`${siteJson.url}/2025/08/harlow-ridge-wind-farm-fight/`);
    const content = items[0]!["content:encoded"];
    expect(content).toContain("quillmarsh");
    const lastPage = readPage(site, "/2025/08/harlow-ridge-wind-farm-fight/3/").querySelector(".article-body p:last-of-type")!.innerHTML;
    expect(content).toContain(lastPage);
  });

  it("marks updated articles", () => {
    expect(feed.items.find((item) => item.link!.endsWith("/2025/11/measure-two-election-results/"))!.updated).toBe("2025-11-05T01:40:00-05:00");
  });
});

describe("/atom.xml and /feed.json", () => {
  it("parse in both parsers with the same items, authors and dates with offsets", async () => {
    const atomXml = read(site, "atom.xml");
    const atom = await parser.parseString(atomXml);
    expect(atom.items.map((item) => item.link)).toEqual(posts.slice(0, 20).map((post) => `${siteJson.url}${post.url}`));
    const entries = elementsNamed(parseXml(atomXml), "entry");
    const coAuthored = entries.find((entry) => entry.getElementsByTagName("id")[0]!.textContent!.endsWith("/2025/10/revenue-report-sales-tax/"))!;
    expect(Array.from(coAuthored.getElementsByTagName("author")).map((author) => author.getElementsByTagName("name")[0]!.textContent)).toEqual(["Maya Okafor", "Daniel Reyes"]);
    expect(coAuthored.getElementsByTagName("published")[0]!.textContent).toBe("2025-10-15T12:00:00-04:00");
    const feedElement = parseXml(atomXml).documentElement;
    const self = Array.from(feedElement.getElementsByTagName("link")).find((link) => link.getAttribute("rel") === "self")!;
    expect(self.getAttribute("href")).toBe(`${siteJson.url}/atom.xml`);
    expect(feedElement.getElementsByTagName("updated")[0]!.textContent).toBe("2026-11-20T16:45:00-05:00");
    expect(extractFromXml(atomXml).entries).toHaveLength(Math.min(20, posts.length));
  });

  it("JSON Feed 1.1 has its required fields and the same items", () => {
    const json = JSON.parse(read(site, "feed.json"));
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.title).toBe(siteJson.title);
    expect(json.feed_url).toBe(`${siteJson.url}/feed.json`);
    expect(json.home_page_url).toBe(`${siteJson.url}/`);
    for (const item of json.items) {
      expect(typeof item.id).toBe("string");
      expect(item.content_html.length).toBeGreaterThan(100);
      expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[-+]\d{2}:\d{2}$/);
      expect(item.authors.length).toBeGreaterThan(0);
    }
    expect(json.items.find((item: { id: string }) => item.id.endsWith("/2025/10/revenue-report-sales-tax/")).authors.map((author: { name: string }) => author.name)).toEqual(["Maya Okafor", "Daniel Reyes"]);
    expect(extractFromJson(json).entries!.map((entry) => entry.link)).toEqual(posts.slice(0, 20).map((post) => `${siteJson.url}${post.url}`));
  });
});

describe("category and author feeds", () => {
  it("exist for every category and author, with their own articles and self link", async () => {
    const cases = [
      ...Object.keys(categories).map((id) => ({ url: `/category/${id}/feed.xml`, page: `/category/${id}/`, posts: posts.filter((post) => post.categories.includes(id)) })),
      ...Object.keys(authors).map((id) => ({ url: `/author/${id}/feed.xml`, page: `/author/${id}/`, posts: posts.filter((post) => post.authors.includes(id)) })),
    ];
    for (const { url, page, posts: expected } of cases) {
      const xml = read(site, url);
      const feed = await parser.parseString(xml);
      expect(feed.items.map((item) => item.link), url).toEqual(expected.slice(0, 20).map((post) => `${siteJson.url}${post.url}`));
      expect(feed.link).toBe(`${siteJson.url}${page}`);
      const self = elementsNamed(parseXml(xml), "atom:link")[0]!;
      expect(self.getAttribute("href")).toBe(`${siteJson.url}${url}`);
    }
  });
});

describe("autodiscovery", () => {
  const alternates = (url: string) => [...readPage(site, url).querySelectorAll('link[rel="alternate"]')].map((link) => link.getAttribute("href"));

  it("links the site's three feeds from every page", () => {
    // Redirect pages from old addresses only send readers on.
    const pages = htmlPages(site).filter((file) => !readFileSync(path.join(site, file), "utf8").includes('http-equiv="refresh"'));
    for (const file of pages) {
      const links = alternates(`/${file.replace(/index\.html$/, "")}`);
      expect(links, file).toEqual(expect.arrayContaining(["/feed.xml", "/atom.xml", "/feed.json"]));
      for (const link of links) expect(urlExists(site, link!), link!).toBe(true);
    }
  });

  it("links the category's or author's feed on their pages and on articles", () => {
    expect(alternates("/category/courts/")).toContain("/category/courts/feed.xml");
    expect(alternates("/author/tomas-novak/")).toContain("/author/tomas-novak/feed.xml");
    expect(alternates("/2025/10/revenue-report-sales-tax/")).toEqual(expect.arrayContaining(["/category/economy/feed.xml", "/author/maya-okafor/feed.xml", "/author/daniel-reyes/feed.xml"]));
  });
});

describe("a title and body that try to break XML", () => {
  const TITLE = "Tricky <b>&]]> title";
  const content = makePublication(
    {
      "tricky.md": `---\ntitle: ${JSON.stringify(TITLE)}\ndate: 2025-05-01T10:00:00-04:00\nauthor: maya-okafor\ncategory: courts\n---\nA body with ]]> inside, <![CDATA[ too, & an ampersand.\n`,
      "plain.md": "---\ntitle: Plain\ndate: 2025-04-01T10:00:00-04:00\nauthor: maya-okafor\ncategory: courts\n---\nPlain text.\n",
      "older.md": "---\ntitle: Older\ndate: 2025-03-01T10:00:00-04:00\nauthor: maya-okafor\ncategory: courts\n---\nOlder text.\n",
    },
    { "_data/site.json": JSON.stringify({ ...siteJson, feedSize: 2 }) },
  );
  const output = path.join(tempDir("out"), "_site");
  const result = runBuild(content, output);

  it("keeps every feed well-formed and the text intact", async () => {
    expect(result.status, result.stderr).toBe(0);
    for (const file of ["feed.xml", "atom.xml", "category/courts/feed.xml", "author/maya-okafor/feed.xml"]) {
      const xml = read(output, file);
      expect(() => parseXml(xml), file).not.toThrow();
      const feed = await parser.parseString(xml);
      expect(feed.items[0]!.title, file).toBe(TITLE);
      const [item] = feed.items;
      expect(item!["content:encoded"] ?? item!.content, file).toContain("<p>A body with ]]&gt; inside, &lt;![CDATA[ too, &amp; an ampersand.</p>");
      expect(item!.contentSnippet ?? item!.summary, file).toContain("A body with ]]> inside, <![CDATA[ too, & an ampersand.");
    }
    const json = JSON.parse(read(output, "feed.json"));
    expect(json.items[0].title).toBe(TITLE);
    expect(json.items[0].summary).toBe("A body with ]]> inside, <![CDATA[ too, & an ampersand.");
  });

  it("carries only the newest feedSize articles", async () => {
    const feed = await parser.parseString(read(output, "feed.xml"));
    expect(feed.items.map((item) => item.title)).toEqual([TITLE, "Plain"]);
  });
});
