// What every page says about an article or an author in passing — cards, bylines, author
// boxes — computed once per build and shared by article pages and listings. Cards hold
// references and short strings, never rendered bodies, so 100k articles stay cheap.
import type { Article } from "../content/article.ts";
import { sitePathToFile } from "../content/load.ts";
import { when, type When } from "../dates/index.ts";
import type { Picture } from "../images/index.ts";
import { automaticDek, renderFirstParagraph } from "../markdown/index.ts";
import { absoluteUrl, authorUrl, categoryUrl, tagUrl } from "../urls/index.ts";
import type { Build } from "./build.ts";

export const LEAD_IMAGE_WIDTHS = [400, 800, 1200] as const;
export const AVATAR_WIDTHS = [80, 160] as const;

export interface Link {
  name: string;
  url: string;
}

export interface AuthorCard extends Link {
  id: string;
  role?: string;
  absoluteUrl: string;
  avatar?: Picture;
  /** The first paragraph of the bio, rendered from Markdown (authors without a bio have none). */
  bioIntroHtml?: string;
}

/** An article as a card in a listing or a related-stories box. */
export interface Teaser {
  title: string;
  url: string;
  /** The dek, else the excerpt up to <!--more-->, else the body's first sentences (about 300 characters): plain text. */
  summary: string;
  published: When;
  category: Link;
  authors: AuthorCard[];
  image?: { picture: Picture; alt: string };
}

export interface Catalogue {
  teaser(article: Article): Teaser;
  author(id: string): AuthorCard;
  category(id: string): Link;
  tag(slug: string, name: string): Link;
}

/** The catalogue of a build, made on first use (images processed once). */
export const catalogueOf = (build: Build): Promise<Catalogue> => build.memo(buildCatalogue);

async function buildCatalogue({ publication, images }: Build): Promise<Catalogue> {
  const { site, root } = publication;
  const authors = new Map<string, AuthorCard>();
  for (const [id, author] of publication.authors) {
    authors.set(id, {
      id,
      name: author.name,
      role: author.role,
      url: authorUrl(id),
      absoluteUrl: absoluteUrl(site.url, authorUrl(id)),
      avatar: author.avatar ? await images.picture(sitePathToFile(root, author.avatar), AVATAR_WIDTHS) : undefined,
      bioIntroHtml: author.bio === undefined ? undefined : renderFirstParagraph(author.bio),
    });
  }
  const categories = new Map([...publication.categories].map(([id, category]) => [id, { name: category.name, url: categoryUrl(id) }]));

  const teasers = new Map<Article, Teaser>();
  await Promise.all(
    publication.articles.map(async (article) => {
      const picture = article.image ? await images.picture(sitePathToFile(root, article.image.src), LEAD_IMAGE_WIDTHS) : undefined;
      teasers.set(article, {
        title: article.title,
        url: article.url,
        summary: article.description ?? automaticDek(article, { locale: site.language }),
        published: when(article.date, site.language, false),
        category: categories.get(article.categoryId)!,
        authors: article.authorIds.map((id) => authors.get(id)!),
        image: picture && article.image ? { picture, alt: article.image.alt } : undefined,
      });
    }),
  );

  return {
    teaser: (article) => teasers.get(article)!,
    author: (id) => authors.get(id)!,
    category: (id) => categories.get(id)!,
    tag: (slug, name) => ({ name, url: tagUrl(slug) }),
  };
}
