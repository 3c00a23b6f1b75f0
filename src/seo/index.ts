// What search engines and social networks read: the <head> metadata and JSON-LD.

/**
 * JSON-LD for a <script> element. Escaping `<`, `>` and `&` on the serialised JSON keeps
 * a `</script>` in any string from closing the element; U+2028/2029 are escaped for old parsers.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Let search engines show large image previews of every public page. */
export const INDEXABLE = "max-image-preview:large";

export interface SocialImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

export interface HeadMeta {
  /** The document title, publication name included. */
  title: string;
  /** The title for social cards, without the publication name. */
  headline: string;
  siteName: string;
  description: string;
  /** Absent on pages that must not be indexed under their own URL (the 404 page). */
  canonical?: string;
  type: "article" | "website";
  robots: string;
  image?: SocialImage;
  article?: {
    publishedTime: string;
    modifiedTime?: string;
    authorUrls: string[];
    section: string;
    tags: string[];
  };
  /** Serialised with serializeJsonLd. */
  jsonLd?: string;
  /** RSS feeds about this page's subject (its category, its authors), besides the site's. */
  feeds?: { name: string; url: string }[];
}

/** Metadata of a page that is not an article: listings, indexes, the 404 page. */
export function pageMeta(siteName: string, headline: string, description: string, canonical: string | undefined, title = `${headline} — ${siteName}`): HeadMeta {
  return { title, headline, siteName, description, canonical, type: "website", robots: INDEXABLE };
}

export interface NewsArticleFacts {
  canonical: string;
  headline: string;
  description: string;
  image?: string;
  /** ISO 8601 with offset. */
  published: string;
  modified?: string;
  authors: { name: string; url: string; role?: string }[];
  publisher: { name: string; url: string; logo?: string };
  section: string;
  keywords: string[];
  language: string;
  wordCount: number;
}

/** schema.org NewsArticle of an article page, serialised for its <script type="application/ld+json">. */
export function newsArticleJsonLd(facts: NewsArticleFacts): string {
  return serializeJsonLd({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: { "@type": "WebPage", "@id": facts.canonical },
    url: facts.canonical,
    headline: facts.headline,
    description: facts.description,
    ...(facts.image ? { image: [facts.image] } : {}),
    datePublished: facts.published,
    dateModified: facts.modified ?? facts.published,
    author: facts.authors.map((author) => ({ "@type": "Person", name: author.name, url: author.url, ...(author.role ? { jobTitle: author.role } : {}) })),
    publisher: {
      "@type": "NewsMediaOrganization",
      name: facts.publisher.name,
      url: facts.publisher.url,
      ...(facts.publisher.logo ? { logo: { "@type": "ImageObject", url: facts.publisher.logo } } : {}),
    },
    articleSection: facts.section,
    keywords: facts.keywords,
    inLanguage: facts.language,
    wordCount: facts.wordCount,
  });
}
