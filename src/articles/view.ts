// What an article page displays, computed once per article so the templates only display.
// Bodies are rendered when the page is written, not held in memory.
import type { Article } from "../content/article.ts";
import type { Publication } from "../content/load.ts";
import { isoWithOffset, when, type When } from "../dates/index.ts";
import type { ImageProcessor, Picture } from "../images/index.ts";
import { readingMinutes, renderMarkdown } from "../markdown/index.ts";
import { absoluteUrl, authorFeedUrl, categoryFeedUrl } from "../urls/index.ts";
import { INDEXABLE, serializeJsonLd, type HeadMeta } from "../seo/index.ts";
import { catalogueOf, type AuthorCard, type Link, type Teaser } from "./catalogue.ts";
import { isIndexedPart, planArticlePages, type ArticlePager, type Part } from "./pages.ts";
import { relatedArticles } from "./related.ts";

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
  image?: { picture: Picture; alt: string; caption?: string; credit?: string };
  newer?: Teaser;
  older?: Teaser;
  related: Teaser[];
}

/** One written page: page K of an article, its View all page, or a single-page article. */
export class ArticlePage {
  readonly canonical: string;
  readonly meta: HeadMeta;
  readonly indexed: boolean;

  constructor(
    readonly view: ArticleView,
    readonly part: Part,
    readonly url: string,
    readonly pager: ArticlePager | undefined,
    publication: Publication,
  ) {
    this.canonical = absoluteUrl(publication.site.url, url);
    this.indexed = isIndexedPart({ part, url, pager });
    this.meta = headMeta(this, publication);
  }

  get bodyHtml(): string {
    const { parts } = this.view.article;
    return this.part === "all" ? parts.map(renderMarkdown).join("\n") : renderMarkdown(parts[this.part - 1]!);
  }
}

const relatedByPublication = new WeakMap<Publication, Map<Article, Article[]>>();

/** The pages of the articles from position `start` up to `end` (newest first), or of all. */
export async function buildArticlePages(publication: Publication, images: ImageProcessor, { start = 0, end = Number.POSITIVE_INFINITY } = {}): Promise<ArticlePage[]> {
  const { site, articles } = publication;
  const catalogue = await catalogueOf(publication, images);
  if (!relatedByPublication.has(publication)) relatedByPublication.set(publication, relatedArticles(articles));
  const related = relatedByPublication.get(publication)!;
  const pages: ArticlePage[] = [];
  articles.slice(start, end).forEach((article, position) => {
    const index = start + position;
    const teaser = catalogue.teaser(article);
    const newer = articles[index - 1];
    const older = articles[index + 1];
    const view: ArticleView = {
      teaser,
      article,
      year: String(article.date.year),
      sortKey: article.date.toUTC().toISO({ suppressMilliseconds: true })!,
      otherCategories: article.categoryIds.slice(1).map(catalogue.category),
      authors: teaser.authors,
      published: when(article.date, site.language, !article.dateOnly),
      updated: article.updated ? when(article.updated, site.language) : undefined,
      readingTime: `${readingMinutes(article.words)} min read`,
      tags: article.tags.map((tag) => catalogue.tag(tag.slug, tag.name)),
      image: teaser.image && article.image ? { ...teaser.image, caption: article.image.caption, credit: article.image.credit } : undefined,
      newer: newer && catalogue.teaser(newer),
      older: older && catalogue.teaser(older),
      related: related.get(article)!.map(catalogue.teaser),
    };
    for (const plan of planArticlePages(article.url, article.parts.length)) {
      pages.push(new ArticlePage(view, plan.part, plan.url, plan.pager, publication));
    }
  });
  return pages;
}

function headMeta(page: ArticlePage, publication: Publication): HeadMeta {
  const { site } = publication;
  const { view } = page;
  const { article, teaser } = view;
  const suffix = page.pager ? ` (${page.pager.status.toLowerCase()})` : "";
  const image = view.image && {
    url: absoluteUrl(site.url, view.image.picture.largest.url),
    width: view.image.picture.largest.width,
    height: view.image.picture.largest.height,
    alt: view.image.alt,
  };
  const published = isoWithOffset(article.date);
  const modified = article.updated ? isoWithOffset(article.updated) : undefined;
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: { "@type": "WebPage", "@id": page.canonical },
    url: page.canonical,
    headline: teaser.title,
    description: teaser.summary,
    ...(image ? { image: [image.url] } : {}),
    datePublished: published,
    dateModified: modified ?? published,
    author: view.authors.map((author) => ({ "@type": "Person", name: author.name, url: author.absoluteUrl, ...(author.role ? { jobTitle: author.role } : {}) })),
    publisher: {
      "@type": "NewsMediaOrganization",
      name: site.title,
      url: `${site.url}/`,
      ...(site.logo ? { logo: { "@type": "ImageObject", url: absoluteUrl(site.url, site.logo) } } : {}),
    },
    articleSection: teaser.category.name,
    keywords: view.tags.map((tag) => tag.name),
    inLanguage: site.language,
    wordCount: article.words,
  };
  return {
    title: `${teaser.title}${suffix} — ${site.title}`,
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
    jsonLd: serializeJsonLd(jsonLd),
    feeds: [
      { name: `${site.title}: ${teaser.category.name}`, url: categoryFeedUrl(article.categoryId) },
      ...view.authors.map((author) => ({ name: `${site.title}: ${author.name}`, url: authorFeedUrl(author.id) })),
    ],
  };
}
