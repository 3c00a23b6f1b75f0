// What an article page displays, computed once per article (and once per author) so the
// templates only display. Bodies are rendered when the page is written, not held in memory.
import type { Article } from "../content/article.ts";
import { sitePathToFile, type Publication } from "../content/load.ts";
import { displayDate, displayDateTime, isoWithOffset } from "../dates/index.ts";
import type { ImageProcessor, Picture } from "../images/index.ts";
import { plainText, readingMinutes, renderFirstParagraph, renderMarkdown, truncateText } from "../markdown/index.ts";
import { absoluteUrl, authorUrl, categoryUrl, tagUrl } from "../urls/index.ts";
import { serializeJsonLd, type HeadMeta } from "../seo/index.ts";
import { planArticlePages, type ArticlePager, type Part } from "./pages.ts";
import { relatedArticles } from "./related.ts";

export const LEAD_IMAGE_WIDTHS = [400, 800, 1200] as const;
export const AVATAR_WIDTHS = [80, 160] as const;
const DESCRIPTION_LENGTH = 200;

interface Link {
  name: string;
  url: string;
}

interface When {
  iso: string;
  display: string;
}

export interface AuthorCard extends Link {
  id: string;
  role: string;
  absoluteUrl: string;
  avatar?: Picture;
  /** The first paragraph of the bio, rendered from Markdown. */
  bioIntroHtml: string;
}

export interface ArticleTeaser {
  title: string;
  url: string;
  published: When;
  category: Link;
  thumbnail?: { picture: Picture; alt: string };
}

export interface ArticleView {
  article: Article;
  title: string;
  description?: string;
  /** The description, or the excerpt as plain text: for meta tags and summaries. */
  summary: string;
  category: Link;
  otherCategories: Link[];
  authors: AuthorCard[];
  published: When;
  updated?: When;
  readingTime: string;
  tags: Link[];
  image?: { picture: Picture; alt: string; caption?: string; credit?: string };
  newer?: ArticleTeaser;
  older?: ArticleTeaser;
  related: ArticleTeaser[];
}

/** One written page: page K of an article, its View all page, or a single-page article. */
export class ArticlePage {
  readonly canonical: string;
  readonly meta: HeadMeta;

  constructor(
    readonly article: ArticleView,
    readonly part: Part,
    readonly url: string,
    readonly pager: ArticlePager | undefined,
    publication: Publication,
  ) {
    this.canonical = absoluteUrl(publication.site.url, url);
    this.meta = headMeta(this, publication);
  }

  get bodyHtml(): string {
    const { parts } = this.article.article;
    return this.part === "all" ? parts.map(renderMarkdown).join("\n") : renderMarkdown(parts[this.part - 1]!);
  }
}

export async function buildArticlePages(publication: Publication, images: ImageProcessor): Promise<ArticlePage[]> {
  const { site, articles } = publication;
  const locale = site.language;
  const when = (date: Article["date"]): When => ({ iso: isoWithOffset(date), display: displayDateTime(date, locale) });
  const categoryLink = (id: string): Link => ({ name: publication.categories.get(id)!.name, url: categoryUrl(id) });

  const authorCards = new Map<string, AuthorCard>();
  for (const [id, author] of publication.authors) {
    authorCards.set(id, {
      id,
      name: author.name,
      role: author.role,
      url: authorUrl(id),
      absoluteUrl: absoluteUrl(site.url, authorUrl(id)),
      avatar: author.avatar ? await images.picture(sitePathToFile(publication.root, author.avatar), AVATAR_WIDTHS) : undefined,
      bioIntroHtml: renderFirstParagraph(author.bio),
    });
  }

  const leadPictures = new Map<Article, Picture>();
  await Promise.all(
    articles.map(async (article) => {
      if (article.image) leadPictures.set(article, await images.picture(sitePathToFile(publication.root, article.image.src), LEAD_IMAGE_WIDTHS));
    }),
  );

  const teaser = (article: Article | undefined): ArticleTeaser | undefined => {
    if (!article) return undefined;
    const picture = leadPictures.get(article);
    return {
      title: article.title,
      url: article.url,
      published: { iso: isoWithOffset(article.date), display: displayDate(article.date, locale) },
      category: categoryLink(article.categoryId),
      thumbnail: picture && article.image ? { picture, alt: article.image.alt } : undefined,
    };
  };

  const related = relatedArticles(articles);
  const pages: ArticlePage[] = [];
  articles.forEach((article, index) => {
    const picture = leadPictures.get(article);
    const view: ArticleView = {
      article,
      title: article.title,
      description: article.description,
      summary: article.description ?? truncateText(plainText(article.excerpt ?? article.parts[0]!), DESCRIPTION_LENGTH),
      category: categoryLink(article.categoryId),
      otherCategories: article.categoryIds.slice(1).map(categoryLink),
      authors: article.authorIds.map((id) => authorCards.get(id)!),
      published: article.dateOnly ? { iso: isoWithOffset(article.date), display: displayDate(article.date, locale) } : when(article.date),
      updated: article.updated ? when(article.updated) : undefined,
      readingTime: `${readingMinutes(article.words)} min read`,
      tags: article.tags.map((tag) => ({ name: tag.name, url: tagUrl(tag.slug) })),
      image: picture && article.image ? { picture, ...article.image } : undefined,
      newer: teaser(articles[index - 1]),
      older: teaser(articles[index + 1]),
      related: related.get(article)!.map((other) => teaser(other)!),
    };
    for (const plan of planArticlePages(article.url, article.parts.length)) {
      pages.push(new ArticlePage(view, plan.part, plan.url, plan.pager, publication));
    }
  });
  return pages;
}

function headMeta(page: ArticlePage, publication: Publication): HeadMeta {
  const { site } = publication;
  const view = page.article;
  const { article } = view;
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
    headline: view.title,
    description: view.summary,
    ...(image ? { image: [image.url] } : {}),
    datePublished: published,
    dateModified: modified ?? published,
    author: view.authors.map((author) => ({ "@type": "Person", name: author.name, url: author.absoluteUrl, jobTitle: author.role })),
    publisher: {
      "@type": "NewsMediaOrganization",
      name: site.title,
      url: `${site.url}/`,
      ...(site.logo ? { logo: { "@type": "ImageObject", url: absoluteUrl(site.url, site.logo) } } : {}),
    },
    articleSection: view.category.name,
    keywords: view.tags.map((tag) => tag.name),
    inLanguage: site.language,
    wordCount: article.words,
  };
  return {
    title: `${view.title}${suffix} — ${site.title}`,
    headline: view.title,
    siteName: site.title,
    description: view.summary,
    canonical: page.canonical,
    type: "article",
    image,
    article: {
      publishedTime: published,
      modifiedTime: modified,
      authorUrls: view.authors.map((author) => author.absoluteUrl),
      section: view.category.name,
      tags: view.tags.map((tag) => tag.name),
    },
    jsonLd: serializeJsonLd(jsonLd),
  };
}
