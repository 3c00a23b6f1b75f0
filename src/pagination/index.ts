// Navigation between numbered pages, shared by multi-page articles and paged listings:
// First | Prev | numbers | Next | Last, with no dead link at either end. Which page of how many
// and where each step leads; templates word it in the site's language (pager.* messages).

export interface PagerStep {
  /** Which step: the message `pager.<name>` labels it. */
  name: "first" | "prev" | "next" | "last";
  /** Absent where the step leads nowhere (Prev on page 1): shown as text, never a dead link. */
  url?: string;
}

export interface PagerNumber {
  number: number;
  url: string;
  current: boolean;
}

export interface Pager {
  /** The page shown, 1-based; absent on an article's View all page, which is none of them. */
  current?: number;
  /** How many numbered pages there are. */
  count: number;
  first: PagerStep;
  prev: PagerStep;
  /** The page numbers to show; `null` marks a gap ("…") in a long run. */
  numbers: (PagerNumber | null)[];
  next: PagerStep;
  last: PagerStep;
}

/**
 * The pager for page `current` of `count` (`current` undefined: none of the numbered pages,
 * as on an article's View all page). Long runs show the first and last pages and `window`
 * pages either side of the current one.
 */
export function buildPager(count: number, current: number | undefined, urlOf: (page: number) => string, window = 2): Pager {
  const step = (name: PagerStep["name"], target: number | undefined): PagerStep => (target === undefined || target === current ? { name } : { name, url: urlOf(target) });
  const numbers: (PagerNumber | null)[] = [];
  const centre = current ?? 1;
  for (let page = 1; page <= count; page++) {
    const shown = page === 1 || page === count || Math.abs(page - centre) <= window;
    if (shown) numbers.push({ number: page, url: urlOf(page), current: page === current });
    else if (numbers.at(-1) !== null) numbers.push(null);
  }
  return {
    current,
    count,
    first: step("first", 1),
    prev: step("prev", current !== undefined && current > 1 ? current - 1 : undefined),
    numbers,
    next: step("next", current !== undefined && current < count ? current + 1 : undefined),
    last: step("last", count),
  };
}
