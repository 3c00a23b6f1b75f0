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
