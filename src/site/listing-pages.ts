// The one pagination planner for every listing: which items each page shows and how its
// pages link. Eleventy paginates a single template over the flat list of planned pages.
import { buildPager, type Pager } from "../pagination/index.ts";
import { listingPageUrl } from "../urls/index.ts";

export interface PlannedPage<Item> {
  /** 1-based. */
  page: number;
  pageCount: number;
  url: string;
  /** References to the listing's items, never copies. */
  items: Item[];
  prevUrl?: string;
  nextUrl?: string;
  /** Present when the listing has more than one page. */
  pager?: Pager;
}

/** Pages of `pageSize` items; an empty listing still has its page 1, saying so. */
export function planPages<Item>(listingUrl: string, items: readonly Item[], pageSize: number): PlannedPage<Item>[] {
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const urlOf = (page: number) => listingPageUrl(listingUrl, page);
  return Array.from({ length: pageCount }, (_, index) => {
    const page = index + 1;
    return {
      page,
      pageCount,
      url: urlOf(page),
      items: items.slice(index * pageSize, page * pageSize),
      prevUrl: page > 1 ? urlOf(page - 1) : undefined,
      nextUrl: page < pageCount ? urlOf(page + 1) : undefined,
      pager: pageCount > 1 ? buildPager(pageCount, page, urlOf) : undefined,
    };
  });
}
