// A site served under a path of its host (site.json `url` https://example.org/news, as a
// GitHub Pages project site or a newsroom's section of its main domain): every URL it writes
// carries the path, while its files stay where they are in the output.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Parser from "rss-parser";
import { checkLinks } from "../../src/audit/checks.ts";
import { BuiltSite } from "../../src/audit/site.ts";
import { BASE_PATH, buildSampleUnderPath, SITE_URL } from "../helpers/base-path.ts";
import { runScript, tempDir } from "../helpers/build.ts";
import { allFiles, htmlPages, jsonLd, meta, readPage } from "../helpers/site.ts";
import { elementsNamed, parseXml } from "../helpers/xml.ts";

const rootSite = inject("sampleSite");
const article = "2025/07/senate-passes-transit-bill/";
let content: string;
let site: string;
const read = (file: string) => readFileSync(path.join(site, file), "utf8");
const pageOf = (file: string) => readPage(site, `/${file.replace(/index\.html$/, "")}`);

beforeAll(() => {
  ({ content, site } = buildSampleUnderPath());
});

/** Every URL an element of a page names in an attribute, with the attribute; srcsets split. */
function urlsIn(document: Document): { url: string; where: string }[] {
  const found: { url: string; where: string }[] = [];
  for (const element of document.querySelectorAll("*")) {
    for (const name of ["href", "src", "action", "poster", "data-thumbnail"]) {
      const value = element.getAttribute(name);
      if (value !== null) found.push({ url: value, where: `<${element.localName} ${name}>` });
    }
    for (const name of ["srcset", "data-bundles"]) {
      for (const candidate of element.getAttribute(name)?.split(name === "srcset" ? "," : " ") ?? []) found.push({ url: candidate.trim().split(/\s+/)[0]!, where: `<${element.localName} ${name}>` });
    }
    if (element.getAttribute("http-equiv") === "refresh") found.push({ url: element.getAttribute("content")!.replace(/^\d+;\s*url=/i, ""), where: "<meta http-equiv=refresh>" });
  }
  return found;
}

/** A URL as a reader's browser resolves it, wherever the page is: on the site it must be under the path. */
const leavesTheSite = (url: string) => {
  if (url.startsWith("#")) return false;
  if (/^https?:\/\//.test(url)) return new URL(url).host === "example.org" && !url.startsWith(`${SITE_URL}/`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return false; // mailto:, tel:
  return !url.startsWith(BASE_PATH);
};

describe(`a site whose url is ${SITE_URL}`, () => {
  it("writes its files where a site at the root of its host has them", () => {
    expect(allFiles(site).filter((file) => !file.startsWith("pagefind/"))).toEqual(allFiles(rootSite).filter((file) => !file.startsWith("pagefind/")));
    expect(existsSync(path.join(site, "news"))).toBe(false);
  });

  it("puts every link, asset, image, srcset, form, search bundle and thumbnail of every page under the path, the 404 page's too", () => {
    const outside: string[] = [];
    let checked = 0;
    for (const file of htmlPages(site)) {
      for (const { url, where } of urlsIn(pageOf(file))) {
        checked++;
        if (leavesTheSite(url)) outside.push(`${file}: ${where} ${url}`);
      }
    }
    expect(outside).toEqual([]);
    expect(checked).toBeGreaterThan(3000);
    // The 404 page is served at any depth: its links are paths from the host's root.
    const notFound = urlsIn(pageOf("404.html")).map(({ url }) => url);
    expect(notFound).toContain(`${BASE_PATH}assets/site.css`);
    expect(notFound).toContain(`${BASE_PATH}archive/`);
    expect(notFound).toContain(`${BASE_PATH}search/`);
  });

  it("links a body's site paths, images and srcsets under the path", () => {
    const page = pageOf("2026/03/transit-authority-funding-fight/index.html");
    expect(page.querySelector(`.article-body a[href="${BASE_PATH}${article}"]`)).not.toBeNull();
    const search = pageOf("search/index.html").querySelector("[data-search-app]")!;
    expect(search.getAttribute("data-bundles")).toBe(`${BASE_PATH}pagefind/`);
    const lead = pageOf("2025/04/river-cleanup-volunteers/index.html").querySelector(".lead-image img")!;
    expect(lead.getAttribute("data-thumbnail")).toMatch(new RegExp(`^${BASE_PATH}assets/img/`));
    expect(lead.closest("picture")!.querySelector("source")!.getAttribute("srcset")).toMatch(new RegExp(`^${BASE_PATH}assets/img/\\S+ \\d+w, ${BASE_PATH}assets/img/`));
  });

  it("gives canonical links, Open Graph and JSON-LD the site's address, path included", () => {
    const page = pageOf(`${article}index.html`);
    const canonical = `${SITE_URL}/${article}`;
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(canonical);
    expect(meta(page, "og:url")).toEqual([canonical]);
    const data = jsonLd(page)[0] as { url: string; mainEntityOfPage: { "@id": string }; author: { url: string }[]; publisher: { url: string; logo: { url: string } }; image?: string[] };
    expect(data.url).toBe(canonical);
    expect(data.mainEntityOfPage["@id"]).toBe(canonical);
    expect(data.publisher.url).toBe(`${SITE_URL}/`);
    expect(data.publisher.logo.url).toBe(`${SITE_URL}/img/logo.svg`);
    for (const author of data.author) expect(author.url).toMatch(new RegExp(`^${SITE_URL}/author/`));
    const withImage = pageOf("2025/04/river-cleanup-volunteers/index.html");
    expect(meta(withImage, "og:image")[0]).toMatch(new RegExp(`^${SITE_URL}/assets/img/`));
    expect(meta(pageOf("index.html"), "og:url")).toEqual([`${SITE_URL}/`]);
  });

  it("writes feeds that parse, with absolute URLs under the path, in the items' content too", async () => {
    const parser = new Parser();
    for (const file of ["feed.xml", "atom.xml", "category/statehouse/feed.xml", "author/maya-okafor/feed.xml"]) {
      const xml = read(file);
      const feed = await parser.parseString(xml);
      expect(feed.link, file).toMatch(new RegExp(`^${SITE_URL}/`));
      expect(feed.items.length, file).toBeGreaterThan(0);
      for (const item of feed.items) expect(item.link, file).toMatch(new RegExp(`^${SITE_URL}/\\d{4}/\\d{2}/`));
      const self = elementsNamed(parseXml(xml), file === "atom.xml" ? "link" : "atom:link").find((link) => link.getAttribute("rel") === "self");
      expect(self?.getAttribute("href")).toBe(`${SITE_URL}/${file}`);
      const inContent = feed.items.flatMap((item) => [...(item["content:encoded"] ?? item.content ?? "").matchAll(/(?:href|src)="([^"]*)"/g)].map((match) => match[1]!));
      expect(inContent.filter((url) => !/^https?:\/\//.test(url) || leavesTheSite(url)), file).toEqual([]);
    }
    const rss = await parser.parseString(read("feed.xml"));
    const funding = rss.items.find((item) => item.link === `${SITE_URL}/2026/03/transit-authority-funding-fight/`)!;
    expect(funding["content:encoded"]).toContain(`href="${SITE_URL}/${article}"`);
    const json = JSON.parse(read("feed.json")) as { home_page_url: string; feed_url: string; items: { url: string; content_html: string; image?: string }[] };
    expect(json.home_page_url).toBe(`${SITE_URL}/`);
    expect(json.feed_url).toBe(`${SITE_URL}/feed.json`);
    for (const item of json.items) {
      expect(item.url).toMatch(new RegExp(`^${SITE_URL}/`));
      if (item.image) expect(item.image).toMatch(new RegExp(`^${SITE_URL}/assets/img/`));
      for (const [, url] of item.content_html.matchAll(/(?:href|src)="([^"]*)"/g)) expect(/^https?:\/\//.test(url!) && !leavesTheSite(url!), url).toBe(true);
    }
  });

  it("lists its pages under the path in the sitemaps, and the sitemaps so in robots.txt", () => {
    const locs = (file: string) => elementsNamed(parseXml(read(file)), "loc").map((loc) => loc.textContent ?? "");
    const listed = locs("sitemap.xml");
    const atRoot = elementsNamed(parseXml(readFileSync(path.join(rootSite, "sitemap.xml"), "utf8")), "loc").map((loc) => new URL(loc.textContent ?? "").pathname);
    expect(listed).toEqual(atRoot.map((page) => `${SITE_URL}${page}`));
    expect(listed).toContain(`${SITE_URL}/`);
    expect(listed).toContain(`${SITE_URL}/${article}`);
    for (const loc of locs("news-sitemap.xml")) expect(loc).toMatch(new RegExp(`^${SITE_URL}/`));
    expect(read("robots.txt")).toContain(`Sitemap: ${SITE_URL}/sitemap.xml\nSitemap: ${SITE_URL}/news-sitemap.xml`);
  });

  it("sends an article's old addresses to it under the path: redirect pages and the host's rules", () => {
    const page = pageOf("2025/07/08/senate-passes-transit-bill/index.html");
    expect(page.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content")).toBe(`0; url=${SITE_URL}/${article}`);
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`${SITE_URL}/${article}`);
    expect(page.querySelector(`a[href="${BASE_PATH}${article}"]`)).not.toBeNull();
    const rules = read("_redirects").trim().split("\n");
    expect(rules).toContain(`${BASE_PATH}2025/07/08/senate-passes-transit-bill/ ${BASE_PATH}${article} 301`);
    expect(rules).toContain(`${BASE_PATH} p=2417 ${BASE_PATH}${article} 301`);
  });

  it("passes npm run check without a warning", () => {
    const result = runScript("scripts/validate.ts", ["--content", content]);
    expect(result.stdout.trim()).toBe("0 errors, 0 warnings");
    expect(result.status).toBe(0);
  });

  it("passes npm run audit: no dead internal link, feeds and sitemaps under the path", { timeout: 240_000 }, () => {
    const result = runScript("scripts/audit.ts", ["--site", site, "--content", content]);
    const report = result.stdout;
    expect(report).toMatch(/^links \(.*\): no problems$/m);
    expect(report).toMatch(/^feeds \(.*\): no problems$/m);
    expect(report).toMatch(/^sitemaps \(.*\): no problems$/m);
    expect(report, report).toContain("No problems: the site is sound.");
    expect(result.status).toBe(0);
  });

  it("is audited as served under the path: a link that leaves it is reported with its fix", () => {
    const broken = path.join(tempDir("base-path-audit"), "_site");
    cpSync(site, broken, { recursive: true });
    const file = path.join(broken, "category/courts/index.html");
    writeFileSync(file, readFileSync(file, "utf8").replace("</main>", `<a href="/${article}">Root</a><a href="${SITE_URL.replace("/news", "")}/about/">Main site</a></main>`));
    const { problems, external } = checkLinks(new BuiltSite(broken, BASE_PATH), SITE_URL);
    expect(problems).toEqual([
      {
        check: "links",
        page: "/category/courts/",
        problem: `/${article} is outside the site, which is served under ${BASE_PATH}`,
        fix: `link to ${BASE_PATH}${article}, or write the full address of a page elsewhere on the host`,
      },
    ]);
    // A full address elsewhere on the host is another site's page: listed, not fetched.
    expect(external).toBe(checkLinks(new BuiltSite(site, BASE_PATH), SITE_URL).external + 1);
  });
});
