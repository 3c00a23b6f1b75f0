// What an article page displays, computed once per article so the templates only display.
// Bodies are rendered when the page is written, not held in memory.
import type { Article } from "../content/article.ts";
import type { Publication } from "../content/load.ts";
import { isoWithOffset, when, type When } from "../dates/index.ts";
import type { Picture } from "../images/index.ts";
import { readingMinutes } from "../markdown/index.ts";
import { captionHtml, renderBody } from "../site/bodies.ts";
import { absoluteUrl, authorFeedUrl, categoryFeedUrl } from "../urls/index.ts";
import { INDEXABLE, newsArticleJsonLd, type HeadMeta } from "../seo/index.ts";
import type { Build } from "../site/build.ts";
import { catalogueOf, type AuthorCard, type Catalogue, type Link, type Teaser } from "../site/catalogue.ts";
import { type ArticleEntry } from "../site/registry.ts";
import { entriesToRender } from "../site/runs.ts";
import { relatedOf } from "../site/related.ts";

export interface ArticleView {
  teaser: Teaser;
  article: Article;
  /** For the search index: its year filter and its date sort (UTC, so text order is time order). */
  year: string;
  sortKey: string;
  otherCategories: Link[];
  authors: AuthorCard[];
  published: When;
  updated?: When;
  readingTime: string;
  tags: Link[];
  /** Caption and credit as inline HTML from their Markdown (links, emphasis). */
  image?: { picture: Picture; alt: string; captionHtml?: string; creditHtml?: string };
  newer?: Teaser;
  older?: Teaser;
  related: Teaser[];
  /** The cleaned HTML of each part of the article. */
  partsHtml: string[];
}

/** One written page: page K of an article, its View all page, or a single-page article. */
export class ArticlePage {
  readonly url: string;
  readonly pager: ArticleEntry["pager"];
  readonly indexed: boolean;
  readonly canonical: string;
  readonly meta: HeadMeta;

  constructor(
    readonly view: ArticleView,
    private readonly entry: ArticleEntry,
    publication: Publication,
  ) {
    this.url = entry.url;
    this.pager = entry.pager;
    this.indexed = entry.indexed;
    this.canonical = absoluteUrl(publication.site.url, entry.url);
    this.meta = headMeta(this, publication);
  }

  /** The cleaned body of this page: its part, or every part on the View all page. */
  get bodyHtml(): string {
    const { part } = this.entry;
    return part === "all" ? this.view.partsHtml.join("\n") : this.view.partsHtml[part - 1]!;
  }
}

/** The article pages the current render run writes. */
export async function articlePagesToRender(build: Build): Promise<ArticlePage[]> {
  const catalogue = await catalogueOf(build);
  const views = new Map<number, ArticleView>();
  const pages: ArticlePage[] = [];
  for (const entry of entriesToRender(build, "article")) {
    if (!views.has(entry.position)) views.set(entry.position, await articleView(build, catalogue, entry.position));
    pages.push(new ArticlePage(views.get(entry.position)!, entry, build.publication));
  }
  return pages;
}

async function articleView(build: Build, catalogue: Catalogue, index: number): Promise<ArticleView> {
  const { site, articles } = build.publication;
  const article = articles[index]!;
  const teaser = catalogue.teaser(article);
  const newer = articles[index - 1];
  const older = articles[index + 1];
  return {
    teaser,
    article,
    year: String(article.date.year),
    sortKey: article.date.toUTC().toISO({ suppressMilliseconds: true })!,
    otherCategories: article.categoryIds.slice(1).map(catalogue.category),
    authors: teaser.authors,
    published: when(article.date, site.language, !article.dateOnly),
    updated: article.updated ? when(article.updated, site.language) : undefined,
    readingTime: build.publication.messages.text("article.readingTime", { count: readingMinutes(article.words) }),
    tags: article.tags.map((tag) => catalogue.tag(tag.slug, tag.name)),
    image: teaser.image && article.image ? { ...teaser.image, ...captionHtml(article.image) } : undefined,
    newer: newer && catalogue.teaser(newer),
    older: older && catalogue.teaser(older),
    related: relatedOf(build).get(article)!.map(catalogue.teaser),
    partsHtml: await renderBody(build, article, "picture"),
  };
}

function headMeta(page: ArticlePage, publication: Publication): HeadMeta {
  const { site } = publication;
  const { view } = page;
  const { article, teaser } = view;
  const { messages } = publication;
  const { pager } = page;
  const headline = !pager
    ? teaser.title
    : pager.current === undefined
      ? messages.text("article.titleOfAllPages", { title: teaser.title, count: pager.count })
      : messages.text("article.titleOfPage", { title: teaser.title, current: pager.current, total: pager.count });
  const image = view.image && {
    url: absoluteUrl(site.url, view.image.picture.largest.url),
    width: view.image.picture.largest.width,
    height: view.image.picture.largest.height,
    alt: view.image.alt,
  };
  const published = isoWithOffset(article.date);
  const modified = article.updated ? isoWithOffset(article.updated) : undefined;
  const jsonLd = newsArticleJsonLd({
    canonical: page.canonical,
    headline: teaser.title,
    description: teaser.summary,
    image: image?.url,
    published,
    modified,
    authors: view.authors.map((author) => ({ name: author.name, url: author.absoluteUrl, role: author.role })),
    publisher: { name: site.title, url: `${site.url}/`, logo: site.logo ? absoluteUrl(site.url, site.logo) : undefined },
    section: teaser.category.name,
    keywords: view.tags.map((tag) => tag.name),
    language: site.language,
    wordCount: article.words,
  });
  return {
    title: `${headline} — ${site.title}`,
    headline: teaser.title,
    siteName: site.title,
    description: teaser.summary,
    canonical: page.canonical,
    type: "article",
    robots: INDEXABLE,
    image,
    article: {
      publishedTime: published,
      modifiedTime: modified,
      authorUrls: view.authors.map((author) => author.absoluteUrl),
      section: teaser.category.name,
      tags: view.tags.map((tag) => tag.name),
    },
    jsonLd,
    feeds: [
      { name: `${site.title}: ${teaser.category.name}`, url: categoryFeedUrl(article.categoryId) },
      ...view.authors.map((author) => ({ name: `${site.title}: ${author.name}`, url: authorFeedUrl(author.id) })),
    ],
  };
}
