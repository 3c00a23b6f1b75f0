// What a static page displays: its title, its dek and its body, cleaned as article bodies are.
import type { StaticPage } from "../content/page.ts";
import type { SiteConfig } from "../content/schema.ts";
import { automaticDek, renderArticle } from "../markdown/index.ts";
import { pageMeta, type HeadMeta } from "../seo/index.ts";
import type { Build } from "../site/build.ts";
import { entriesToRender } from "../site/runs.ts";
import { absoluteUrl } from "../urls/index.ts";

/** Ids the layout around every page uses (_includes/layouts/base.njk, the header's search box): a body may not take them. */
const LAYOUT_IDS = ["main", "site-search-query"];

export class StaticPageView {
  readonly url: string;
  readonly title: string;
  readonly description?: string;
  readonly meta: HeadMeta;

  constructor(
    private readonly page: StaticPage,
    private readonly site: SiteConfig,
  ) {
    this.url = page.url;
    this.title = page.title;
    this.description = page.description;
    const summary = page.description ?? automaticDek({ parts: [page.body] }, { locale: site.language });
    this.meta = pageMeta(site.title, page.title, summary, absoluteUrl(site.url, page.url));
  }

  /** Rendered when the page is written. */
  get bodyHtml(): string {
    return renderArticle([this.page.body], { embedHosts: this.site.embedHosts, reservedIds: LAYOUT_IDS }).partsHtml[0]!;
  }
}

/** The static pages the current render run writes (all in the first run). */
export function staticPagesToRender(build: Build): StaticPageView[] {
  return entriesToRender(build, "page").map((entry) => new StaticPageView(entry.page, build.publication.site));
}
