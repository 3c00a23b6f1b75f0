// The pages of one article: page 1..N and "View all" for an article split by
// <!--nextpage-->, with the WordPress-style navigation between them.
import { articlePartUrl } from "../urls/index.ts";
import { buildPager, type Pager } from "../pagination/index.ts";

export type Part = number | "all";

export interface ArticlePager extends Pager {
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
  return parts.map((part) => ({
    part,
    url: articlePartUrl(articleUrl, part),
    pager: {
      // Windowed like a listing's: a 500-page article links a handful of pages on each, not all 500.
      ...buildPager(pageCount, part === "all" ? undefined : part, (page) => articlePartUrl(articleUrl, page)),
      viewAll: { url: articlePartUrl(articleUrl, "all"), current: part === "all" },
    },
  }));
}
