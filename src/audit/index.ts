// `npm run audit`: proves a built site sound before it is deployed — valid HTML, links that
// resolve, feeds that parse, structured data, accessibility, budgets and sitemaps.
import { BuiltSite, type AuditProblem } from "./site.ts";
import type { Archive } from "../site/archives.ts";
import type { Registry } from "../site/registry.ts";
import type { ChromiumOptions } from "../browser/index.ts";
import { englishCount } from "../i18n/index.ts";
import { checkAccessibility, checkBudgets, checkFeeds, checkHtml, checkLinks, checkSitemaps, checkStructuredData } from "./checks.ts";
import { basePathOf } from "../urls/index.ts";

export type { AuditProblem };

export interface AuditSection {
  check: string;
  /** What was checked, e.g. "18 pages" or "a sample of 9 pages: …". */
  scope: string;
  problems: AuditProblem[];
}

/** One page of each kind for the checks that need a browser. */
export function samplePages(site: BuiltSite, registry: Registry): string[] {
  const articles = registry.articlePages;
  const article = articles.find((pages) => pages.length === 1)?.[0]?.url;
  const listing = (kind: Archive["kind"]) => registry.of("listing").find((entry) => entry.archive.kind === kind && entry.page.page === 1)?.url;
  const word = article && /data-pagefind-meta="title">([\p{L}]{4,})/u.exec(site.read(article))?.[1];
  return [
    listing("home"),
    article,
    articles.find((pages) => pages.length > 1)?.[1]?.url,
    listing("category"),
    listing("tag"),
    listing("author"),
    registry.of("archiveIndex")[0]?.url,
    word ? registry.of("search").map((entry) => `${entry.url}?q=${encodeURIComponent(word.toLowerCase())}`)[0] : undefined,
    registry.of("page")[0]?.url,
    registry.of("notFound")[0]?.url,
  ].filter((page): page is string => page !== undefined && site.fileFor(page) !== undefined);
}

export interface AuditOptions {
  /** The browser of the accessibility check. */
  chromium?: ChromiumOptions;
}

/**
 * Audits the site built in `siteDir` from the publication whose page registry is given: the
 * registry says which pages exist and of what kind (articles, listings, the 404 page…).
 */
export async function auditSite(siteDir: string, registry: Registry, options: AuditOptions = {}): Promise<AuditSection[]> {
  const site = new BuiltSite(siteDir, basePathOf(registry.siteUrl));
  const siteUrl = registry.siteUrl;
  const pages = site.pages;
  // View all pages hold every part of a long article: the budget is for the pages readers open first.
  const articles = registry.of("article").filter((entry) => entry.part !== "all").map((entry) => entry.url);
  const sample = samplePages(site, registry);
  const links = checkLinks(site, siteUrl);
  // Pages search engines are told to skip carry no structured data of their own.
  const notIndexed = [...registry.of("notFound"), ...registry.of("redirect")].map((entry) => entry.url);
  return [
    { check: "html", scope: `${pages.length} pages, Nu HTML checker and html-validate`, problems: await checkHtml(site) },
    { check: "links", scope: `every internal href, src, srcset and #fragment; ${links.external} external links listed, not fetched`, problems: links.problems },
    { check: "feeds", scope: "every RSS, Atom and JSON feed", problems: await checkFeeds(site, siteUrl) },
    { check: "structured data", scope: "JSON-LD and Open Graph of every page", problems: checkStructuredData(site, notIndexed) },
    { check: "accessibility", scope: `axe on a sample of ${sample.length} pages, one of each kind: ${sample.join(" ")}`, problems: await checkAccessibility(site, sample, options.chromium) },
    { check: "budgets", scope: `${articles.length} article pages (View all pages left out): HTML + CSS ≤ 40 KB, no JavaScript`, problems: checkBudgets(site, articles) },
    { check: "sitemaps", scope: "sitemap.xml lists exactly the public pages", problems: checkSitemaps(site, siteUrl, registry.publicPages.map((entry) => entry.url)) },
  ];
}

export function formatAudit(sections: AuditSection[]): string[] {
  const lines: string[] = [];
  for (const section of sections) {
    lines.push(`${section.check} (${section.scope}): ${section.problems.length ? englishCount(section.problems.length, "problem", "problems") : "no problems"}`);
    for (const problem of section.problems) lines.push(`  ${problem.page} — ${problem.problem} → ${problem.fix}`);
  }
  const total = sections.reduce((sum, section) => sum + section.problems.length, 0);
  lines.push(total ? `${englishCount(total, "problem", "problems")}: fix them before deploying.` : "No problems: the site is sound.");
  return lines;
}
