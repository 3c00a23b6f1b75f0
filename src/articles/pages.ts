// The pages of one article: page 1..N and "View all" for an article split by
// <!--nextpage-->, with the WordPress-style navigation between them.
import { articlePartUrl } from "../urls/index.ts";

export type Part = number | "all";

export interface PagerStep {
  label: string;
  /** Absent where the step leads nowhere (Prev on page 1): shown as text, never a dead link. */
  url?: string;
}

export interface ArticlePager {
  /** "Page 2 of 3", or "All 3 pages" on the View all page. */
  status: string;
  first: PagerStep;
  prev: PagerStep;
  numbers: { number: number; url: string; current: boolean }[];
  next: PagerStep;
  last: PagerStep;
  viewAll: { url: string; current: boolean };
}

export interface ArticlePagePlan {
  part: Part;
  url: string;
  /** Only for articles with more than one page. */
  pager?: ArticlePager;
}

export function planArticlePages(articleUrl: string, pageCount: number): ArticlePagePlan[] {
  if (pageCount <= 1) return [{ part: 1, url: articleUrl }];
  const parts: Part[] = [...Array.from({ length: pageCount }, (_, index) => index + 1), "all"];
  return parts.map((part) => ({ part, url: articlePartUrl(articleUrl, part), pager: pagerFor(articleUrl, pageCount, part) }));
}

function pagerFor(articleUrl: string, pageCount: number, part: Part): ArticlePager {
  const urlOf = (number: number) => articlePartUrl(articleUrl, number);
  const step = (label: string, target: number | undefined): PagerStep => (target === undefined || target === part ? { label } : { label, url: urlOf(target) });
  const isNumbered = typeof part === "number";
  return {
    status: isNumbered ? `Page ${part} of ${pageCount}` : `All ${pageCount} pages`,
    first: step("First", 1),
    prev: step("Prev", isNumbered && part > 1 ? part - 1 : undefined),
    numbers: Array.from({ length: pageCount }, (_, index) => ({ number: index + 1, url: urlOf(index + 1), current: part === index + 1 })),
    next: step("Next", isNumbered && part < pageCount ? part + 1 : undefined),
    last: step("Last", pageCount),
    viewAll: { url: articlePartUrl(articleUrl, "all"), current: part === "all" },
  };
}
