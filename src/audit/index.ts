// `npm run audit`: proves a built site sound before it is deployed — valid HTML, links that
// resolve, feeds that parse, structured data, accessibility, budgets and sitemaps.
import { BuiltSite, attributes, type AuditProblem } from "./site.ts";
import type { ChromiumOptions } from "../browser/index.ts";
import { checkAccessibility, checkBudgets, checkFeeds, checkHtml, checkLinks, checkSitemaps, checkStructuredData } from "./checks.ts";

export type { AuditProblem };

export interface AuditSection {
  check: string;
  /** What was checked, e.g. "18 pages" or "a sample of 9 pages: …". */
  scope: string;
  problems: AuditProblem[];
}

// An article's pages: /yyyy/mm/slug/, /yyyy/mm/slug/K/ and /yyyy/mm/slug/all/; never a month
// archive's /yyyy/mm/page/K/ ("page" is a reserved slug).
const ARTICLE_PAGE = /^\/\d{4}\/\d{2}\/(?!page\/)[^/]+\/((\d+|all)\/)?$/;

/** One page of each kind for the checks that need a browser. */
export function samplePages(site: BuiltSite): string[] {
  const pages = site.pages;
  const first = (test: (page: string) => boolean) => pages.find(test);
  const multiPagePart = first((page) => ARTICLE_PAGE.test(page) && page.endsWith("/2/"));
  const article = first((page) => ARTICLE_PAGE.test(page) && !/\/(\d+|all)\/$/.test(page) && !pages.includes(`${page}2/`));
  const word = article && /data-pagefind-meta="title">([\p{L}]{4,})/u.exec(site.read(article))?.[1];
  return [
    "/",
    article,
    multiPagePart,
    first((page) => /^\/category\/[^/]+\/$/.test(page)),
    first((page) => /^\/tag\/[^/]+\/$/.test(page)),
    first((page) => /^\/author\/[^/]+\/$/.test(page)),
    "/archive/",
    word ? `/search/?q=${encodeURIComponent(word.toLowerCase())}` : undefined,
    "/404.html",
  ].filter((page): page is string => page !== undefined && site.fileFor(page) !== undefined);
}

export interface AuditOptions {
  /** The browser of the accessibility check. */
  chromium?: ChromiumOptions;
}

export async function auditSite(siteDir: string, options: AuditOptions = {}): Promise<AuditSection[]> {
  const site = new BuiltSite(siteDir);
  const canonical = attributes(site.read("/"), "link", "href").find((href) => /^https?:\/\//.test(href)) ?? "https://example.invalid/";
  const siteUrl = canonical.replace(/\/$/, "");
  const pages = site.pages;
  // View all pages hold every part of a long article: the budget is for the pages readers open first.
  const articles = pages.filter((page) => ARTICLE_PAGE.test(page) && !page.endsWith("/all/"));
  const sample = samplePages(site);
  const links = checkLinks(site, siteUrl);
  return [
    { check: "html", scope: `${pages.length} pages, Nu HTML checker and html-validate`, problems: await checkHtml(site) },
    { check: "links", scope: `every internal href, src, srcset and #fragment; ${links.external} external links listed, not fetched`, problems: links.problems },
    { check: "feeds", scope: "every RSS, Atom and JSON feed", problems: await checkFeeds(site, siteUrl) },
    { check: "structured data", scope: "JSON-LD and Open Graph of every page", problems: checkStructuredData(site) },
    { check: "accessibility", scope: `axe on a sample of ${sample.length} pages, one of each kind: ${sample.join(" ")}`, problems: await checkAccessibility(site, sample, options.chromium) },
    { check: "budgets", scope: `${articles.length} article pages (View all pages left out): HTML + CSS ≤ 40 KB, no JavaScript`, problems: checkBudgets(site, articles) },
    { check: "sitemaps", scope: "sitemap.xml lists exactly the public pages", problems: checkSitemaps(site, siteUrl) },
  ];
}

export function formatAudit(sections: AuditSection[]): string[] {
  const lines: string[] = [];
  for (const section of sections) {
    lines.push(`${section.check} (${section.scope}): ${section.problems.length ? `${section.problems.length} problem${section.problems.length === 1 ? "" : "s"}` : "no problems"}`);
    for (const problem of section.problems) lines.push(`  ${problem.page} — ${problem.problem} → ${problem.fix}`);
  }
  const total = sections.reduce((sum, section) => sum + section.problems.length, 0);
  lines.push(total ? `${total} problem${total === 1 ? "" : "s"}: fix them before deploying.` : "No problems: the site is sound.");
  return lines;
}
