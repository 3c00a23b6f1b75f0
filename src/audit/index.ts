// `npm run audit`: proves a built site sound before it is deployed — valid HTML, links that
// resolve, feeds that parse, structured data, accessibility, budgets and sitemaps.
import { BuiltSite, IN_BODY, type AuditProblem } from "./site.ts";
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
  const site = new BuiltSite(siteDir, basePathOf(registry.site.url));
  const siteUrl = registry.site.url;
  const pages = site.pages;
  // View all pages hold every part of a long article: the budget is for the pages readers open first.
  const articles = registry.of("article").filter((entry) => entry.part !== "all").map((entry) => entry.url);
  const sample = samplePages(site, registry);
  const links = checkLinks(site, siteUrl);
  // Pages search engines are told to skip carry no structured data of their own.
  const notIndexed = [...registry.of("notFound"), ...registry.of("redirect")].map((entry) => entry.url);
  const sections = [
    { check: "html", scope: `${pages.length} pages, Nu HTML checker and html-validate`, problems: await checkHtml(site) },
    { check: "links", scope: `every internal href, src, srcset and #fragment; ${links.external} external links listed, not fetched`, problems: links.problems },
    { check: "feeds", scope: "every RSS, Atom and JSON feed", problems: await checkFeeds(site, siteUrl) },
    { check: "structured data", scope: "JSON-LD and Open Graph of every page", problems: checkStructuredData(site, notIndexed) },
    { check: "accessibility", scope: `axe on a sample of ${sample.length} pages, one of each kind: ${sample.join(" ")}`, problems: await checkAccessibility(site, sample, options.chromium) },
    { check: "budgets", scope: `${articles.length} article pages (View all pages left out): HTML + CSS ≤ ${registry.site.pageBudgetKB} KB, no JavaScript`, problems: checkBudgets(site, articles, registry.site.pageBudgetKB) },
    { check: "sitemaps", scope: "sitemap.xml lists exactly the public pages", problems: checkSitemaps(site, siteUrl, registry.publicPages.map((entry) => entry.url)) },
  ];
  return sections.map((section) => ({ ...section, problems: section.problems.map((problem) => inArticleBody(problem, site, registry)) }));
}

/** Where an article page's body begins and ends in its HTML (the template's article-body element). */
function bodyOf(html: string): { text: string; firstLine: number; lastLine: number } | undefined {
  const start = html.indexOf('<div class="article-body">');
  if (start < 0) return undefined;
  const end = html.indexOf("\n  </div>", start);
  const lineAt = (index: number) => html.slice(0, index).split("\n").length;
  return { text: html.slice(start, end), firstLine: lineAt(start), lastLine: lineAt(end) };
}

const EDITOR_FIXES: Record<string, string> = {
  html: "correct the HTML in the article's body",
  links: "correct the link in the article, or restore the page it points to",
  accessibility: "describe images in the article with alt text, and keep headings and links meaningful",
};

/**
 * A problem inside an article's body is the editor's, not the template's: it names the
 * article's file and says what to change there.
 */
function inArticleBody(problem: AuditProblem, site: BuiltSite, registry: Registry): AuditProblem {
  const entry = registry.of("article").find((candidate) => candidate.url === problem.page);
  if (!entry || !EDITOR_FIXES[problem.check]) return problem;
  const body = bodyOf(site.read(problem.page));
  if (!body) return problem;
  const line = Number(/^line (\d+):/.exec(problem.problem)?.[1]);
  const inBody =
    problem.check === "html"
      ? line >= body.firstLine && line <= body.lastLine
      : problem.check === "links"
        ? body.text.includes(`"${problem.problem.split(/ leads nowhere|: no element/)[0]!.replace(/&/g, "&amp;")}"`)
        : problem.problem.endsWith(IN_BODY);
  if (!inBody) return problem;
  const fix = problem.check === "accessibility" ? `${EDITOR_FIXES.accessibility} — ${problem.fix}` : EDITOR_FIXES[problem.check]!;
  return { ...problem, source: entry.article.file, fix };
}

export function formatAudit(sections: AuditSection[]): string[] {
  const lines: string[] = [];
  for (const section of sections) {
    lines.push(`${section.check} (${section.scope}): ${section.problems.length ? englishCount(section.problems.length, "problem", "problems") : "no problems"}`);
    for (const problem of section.problems) lines.push(`  ${problem.page}${problem.source ? ` (${problem.source})` : ""} — ${problem.problem} → ${problem.fix}`);
  }
  const total = sections.reduce((sum, section) => sum + section.problems.length, 0);
  lines.push(total ? `${englishCount(total, "problem", "problems")}: fix them before deploying.` : "No problems: the site is sound.");
  return lines;
}
