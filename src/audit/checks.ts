// The audit's checks over a built site. Each returns problems with the page and a fix.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import Parser from "rss-parser";
import { DOMParser } from "@xmldom/xmldom";
import { AxeBuilder } from "@axe-core/playwright";
import { attributes, IN_BODY, type AuditProblem, type BuiltSite } from "./site.ts";
import { absoluteUrl, jsonFeedUrl, searchUrl, sitemapUrl, withBasePath } from "../urls/index.ts";
import { launchChromium, serveStatic, type ChromiumOptions } from "../browser/index.ts";

const require = createRequire(import.meta.url);

/** Every page through the Nu HTML checker (one JVM for all pages) and html-validate. */
export async function checkHtml(site: BuiltSite): Promise<AuditProblem[]> {
  const problems: AuditProblem[] = [];
  // Embeds from the publisher's allowed hosts are sandboxed with allow-scripts and
  // allow-same-origin: players need their own origin's storage, and a cross-origin frame
  // keeps its own origin, never the site's. Nu refuses the pair, meant for same-origin
  // frames; its filter sees the message's first sentence only.
  const sameOrigin = ".*Bad value .allow-scripts allow-same-origin[^\u201D]*. for attribute .sandbox. on element .iframe.*";
  const vnu = spawnSync("java", ["-jar", require("vnu-jar") as string, "--errors-only", "--format", "json", "--skip-non-html", "--filterpattern", sameOrigin, site.dir], { encoding: "utf8", maxBuffer: 256 * 2 ** 20 });
  if (vnu.error) problems.push({ check: "html", page: "/", problem: `the Nu HTML checker could not run: ${vnu.error.message}`, fix: "install Java 11 or newer" });
  else {
    for (const message of (JSON.parse(vnu.stderr || vnu.stdout || '{"messages":[]}') as { messages: { url: string; lastLine?: number; message: string }[] }).messages) {
      const file = decodeURIComponent(message.url.replace(/^file:/, "")).slice(path.resolve(site.dir).length + 1);
      problems.push({ check: "html", page: `/${file.replace(/index\.html$/, "")}`, problem: `line ${message.lastLine ?? "?"}: ${message.message}`, fix: "correct the template that writes this markup" });
    }
  }
  const validator = new HtmlValidate({ extends: ["html-validate:standard"] });
  for (const page of site.pages) {
    const report = await validator.validateString(site.read(page), page);
    for (const message of report.results.flatMap((result) => result.messages)) {
      problems.push({ check: "html", page, problem: `line ${message.line}: ${message.message} (${message.ruleId})`, fix: "correct the template that writes this markup" });
    }
  }
  return problems;
}

/** A URL with its scheme or host ("https://…", "//cdn…"), not a path. */
const isFullUrl = (reference: string) => /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(reference.trim());

/**
 * Every internal href, src, srcset and #fragment resolves to a built file or id. A site served
 * under a path (/news/) is linked to under it: a path outside it leads out of the site (the
 * build puts the base path before every site path), a full URL outside it is another part of
 * the host's, listed as external.
 */
export function checkLinks(site: BuiltSite, siteUrl: string): { problems: AuditProblem[]; external: number } {
  const problems: AuditProblem[] = [];
  const external = new Set<string>();
  const origin = new URL(siteUrl).origin;
  const ids = new Map<string, Set<string>>();
  const idsOf = (page: string) => {
    if (!ids.has(page)) ids.set(page, new Set(attributes(site.read(page), "[a-z0-9]+", "id")));
    return ids.get(page)!;
  };
  for (const page of site.pages) {
    const html = site.read(page);
    const references = [
      ...attributes(html, "a", "href"),
      ...attributes(html, "link", "href"),
      ...attributes(html, "img", "src"),
      ...attributes(html, "script", "src"),
      ...[...attributes(html, "img", "srcset"), ...attributes(html, "source", "srcset")].flatMap((srcset) => srcset.split(",").map((candidate) => candidate.trim().split(/\s+/)[0]!)),
    ];
    for (const reference of references) {
      const url = new URL(reference, `${origin}${withBasePath(site.basePath, page)}`);
      if (url.protocol !== "http:" && url.protocol !== "https:") continue;
      const sitePath = url.origin === origin ? site.sitePathOf(url.pathname) : undefined;
      if (sitePath === undefined && (url.origin !== origin || isFullUrl(reference))) {
        external.add(url.href);
        continue;
      }
      if (sitePath === undefined) {
        problems.push({ check: "links", page, problem: `${reference} is outside the site, which is served under ${site.basePath}`, fix: `link to ${withBasePath(site.basePath, url.pathname)}, or write the full address of a page elsewhere on the host` });
        continue;
      }
      const target = site.fileFor(sitePath);
      if (!target) problems.push({ check: "links", page, problem: `${reference} leads nowhere`, fix: "correct the link or restore the page it points to" });
      else if (url.hash && target.endsWith(".html") && !idsOf(sitePath).has(decodeURIComponent(url.hash.slice(1)))) {
        problems.push({ check: "links", page, problem: `${reference}: no element with id "${url.hash.slice(1)}"`, fix: "link to an id the page has" });
      }
    }
  }
  return { problems, external: external.size };
}

const strictXml = (text: string) =>
  new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(message);
    },
  }).parseFromString(text, "text/xml");

/** Every feed parses, has its required fields, absolute links and a self link equal to its URL. */
export async function checkFeeds(site: BuiltSite, siteUrl: string): Promise<AuditProblem[]> {
  const problems: AuditProblem[] = [];
  const problem = (page: string, text: string, fix: string) => problems.push({ check: "feeds", page, problem: text, fix });
  const parser = new Parser();
  const feeds = [...site.files].filter((file) => /(^|\/)feed\.xml$|^atom\.xml$/.test(file));
  for (const file of feeds) {
    const url = `/${file}`;
    const text = site.read(url);
    let document;
    try {
      document = strictXml(text);
    } catch (error) {
      problem(url, `not well-formed XML: ${(error as Error).message.split("\n")[0]}`, "escape the text in the feed template");
      continue;
    }
    const self = Array.from(document.getElementsByTagName(file === "atom.xml" ? "link" : "atom:link")).find((link) => link.getAttribute("rel") === "self");
    if (self?.getAttribute("href") !== `${siteUrl}${url}`) problem(url, `self link is ${self?.getAttribute("href") ?? "missing"}`, `point it at ${siteUrl}${url}`);
    const feed = await parser.parseString(text).catch((error: Error) => {
      problem(url, `a feed reader cannot read it: ${error.message}`, "fix the feed template");
      return undefined;
    });
    if (!feed) continue;
    if (!feed.title || !feed.link) problem(url, "the feed has no title or link", "give the channel a title and a link");
    for (const item of feed.items) {
      if (!item.title || !item.link || !(item.guid ?? item.id) || !(item.pubDate ?? item.isoDate)) problem(url, `item ${item.link ?? item.title ?? "?"} lacks a title, link, id or date`, "give every item all four");
      if (item.link && !item.link.startsWith(`${siteUrl}/`)) problem(url, `item link ${item.link} is not absolute`, "make item links absolute with the site URL");
    }
  }
  if (site.fileFor(jsonFeedUrl)) {
    try {
      const json = JSON.parse(site.read(jsonFeedUrl));
      if (json.version !== "https://jsonfeed.org/version/1.1" || !json.title || !Array.isArray(json.items)) problem(jsonFeedUrl, "version, title or items missing", "follow JSON Feed 1.1");
      for (const item of json.items ?? []) if (!item.id || !(item.content_html ?? item.content_text)) problem(jsonFeedUrl, `item ${item.url ?? "?"} lacks an id or content`, "give every item an id and content");
      if (json.feed_url !== absoluteUrl(siteUrl, jsonFeedUrl)) problem(jsonFeedUrl, `feed_url is ${json.feed_url}`, `set it to ${absoluteUrl(siteUrl, jsonFeedUrl)}`);
    } catch (error) {
      problem(jsonFeedUrl, `not valid JSON: ${(error as Error).message}`, "fix the JSON feed template");
    }
  }
  return problems;
}

const NEWS_ARTICLE_FIELDS = ["headline", "datePublished", "dateModified", "author", "publisher"] as const;

/** JSON-LD parses and carries Google's recommended NewsArticle fields; Open Graph is complete. */
export function checkStructuredData(site: BuiltSite, notIndexed: string[]): AuditProblem[] {
  const problems: AuditProblem[] = [];
  for (const page of site.pages.filter((url) => !notIndexed.includes(url))) {
    const html = site.read(page);
    const problem = (text: string, fix: string) => problems.push({ check: "structured data", page, problem: text, fix });
    for (const [, json] of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
      let data: Record<string, unknown>;
      try {
        data = JSON.parse(json!);
      } catch (error) {
        problem(`JSON-LD does not parse: ${(error as Error).message}`, "serialise it with serializeJsonLd");
        continue;
      }
      if (data["@type"] !== "NewsArticle") continue;
      for (const field of NEWS_ARTICLE_FIELDS) if (!data[field]) problem(`NewsArticle has no ${field}`, `add ${field} to the JSON-LD`);
      const authors = (data.author as { name?: string; url?: string }[] | undefined) ?? [];
      if (authors.some((author) => !author.name || !author.url)) problem("a NewsArticle author lacks a name or url", "give each author a name and url");
      if (html.includes('class="lead-image"') && !data.image) problem("NewsArticle has no image though the article has one", "add the lead image");
    }
    const og = (property: string) => new RegExp(`<meta property="og:${property}" content="([^"]*)"`).exec(html)?.[1];
    for (const property of ["title", "type", "url"]) if (!og(property)) problem(`no og:${property}`, `add og:${property} to the page's head`);
    if (og("type") === "article" && html.includes('class="lead-image"') && !og("image")) problem("no og:image though the article has a lead image", "add og:image");
    const image = og("image");
    if (image && !/^https?:\/\//.test(image)) problem(`og:image ${image} is not absolute`, "make it absolute with the site URL");
  }
  return problems;
}

/** The sitemaps list exactly the public pages of the registry, and each of them is built. */
export function checkSitemaps(site: BuiltSite, siteUrl: string, publicPages: string[]): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const listed = new Set<string>();
  const read = (url: string) => {
    const document = strictXml(site.read(url));
    for (const loc of Array.from(document.getElementsByTagName("loc")).map((element) => element.textContent ?? "")) {
      if (document.documentElement?.tagName === "sitemapindex") read(site.sitePathOf(new URL(loc).pathname) ?? loc);
      else listed.add(loc);
    }
  };
  try {
    read(sitemapUrl);
  } catch (error) {
    return [{ check: "sitemaps", page: sitemapUrl, problem: `cannot be read: ${(error as Error).message}`, fix: "fix the sitemap template" }];
  }
  const pages = new Set(publicPages.map((page) => absoluteUrl(siteUrl, page)));
  for (const page of publicPages) if (!listed.has(absoluteUrl(siteUrl, page))) problems.push({ check: "sitemaps", page, problem: "missing from sitemap.xml", fix: "list every public page in the sitemap" });
  for (const loc of listed) if (!pages.has(loc)) problems.push({ check: "sitemaps", page: loc, problem: "listed in sitemap.xml but not a public page of the publication", fix: "rebuild the site from this content" });
  for (const page of publicPages) if (!site.fileFor(page)) problems.push({ check: "sitemaps", page, problem: "a page of the publication is not built", fix: "rebuild the site from this content" });
  return problems;
}

/** Article pages: HTML + CSS (every stylesheet the page links) within `budgetKB`, no script but structured data. */
export function checkBudgets(site: BuiltSite, articles: string[], budgetKB: number): AuditProblem[] {
  const stylesheetBytes = new Map<string, number>();
  const cssOf = (html: string) =>
    [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].reduce((sum, [, href]) => {
      const sitePath = site.sitePathOf(href!);
      if (!stylesheetBytes.has(href!)) stylesheetBytes.set(href!, sitePath && site.fileFor(sitePath) ? site.read(sitePath).length : 0);
      return sum + stylesheetBytes.get(href!)!;
    }, 0);
  return articles.flatMap((page) => {
    const html = site.read(page);
    const css = cssOf(html);
    const problems: AuditProblem[] = [];
    if (html.length + css > budgetKB * 1024) {
      problems.push({ check: "budgets", page, problem: `HTML + CSS is ${((html.length + css) / 1024).toFixed(1)} KB (budget ${budgetKB} KB, site.json pageBudgetKB)`, fix: "split the article into pages with <!--nextpage--> lines, or trim it" });
    }
    if (/<script(?![^>]*application\/ld\+json)/.test(html)) problems.push({ check: "budgets", page, problem: "the article page loads JavaScript", fix: "keep scripts off article pages" });
    return problems;
  });
}

/** axe-core in headless Chromium on one page of each kind: no serious or critical violation. */
export async function checkAccessibility(site: BuiltSite, sample: string[], chromium: ChromiumOptions = {}): Promise<AuditProblem[]> {
  const server = await serveStatic(site.dir, { basePath: site.basePath });
  const browser = await launchChromium(chromium);
  const problems: AuditProblem[] = [];
  try {
    for (const page of sample) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(`${server.origin}${withBasePath(site.basePath, page)}`);
      if (page.startsWith(searchUrl)) await tab.waitForSelector(".search-result, [data-search-status]:not(:empty)").catch(() => undefined);
      const report = await new AxeBuilder({ page: tab }).analyze();
      for (const violation of report.violations.filter((entry) => entry.impact === "serious" || entry.impact === "critical")) {
        const targets = violation.nodes.map((node) => node.target.join(" "));
        const inBody = await tab.evaluate((selector) => Boolean(document.querySelector(selector)?.closest(".article-body")), targets[0] ?? "");
        problems.push({ check: "accessibility", page, problem: `${violation.id}: ${violation.help} (${targets.slice(0, 3).join(", ")})${inBody ? IN_BODY : ""}`, fix: violation.helpUrl });
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return problems;
}
