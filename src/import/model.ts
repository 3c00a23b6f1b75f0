// What a source (a WordPress export, a Markdown folder) hands to the import: posts, authors
// and categories in the kit's terms, and the files the posts need.

/** A file a post needs: a remote URL or an absolute local path, and where it should go. */
export interface AssetRequest {
  source: string;
  /** Path in the publication folder, e.g. img/2019/05/harbour.jpg; made unique by the store. */
  target: string;
}

export interface LeadImageDraft extends AssetRequest {
  alt: string;
  /** The source had no alt text: the image is imported as decorative (`alt: ""`). */
  altMissing: boolean;
  caption?: string;
  credit?: string;
}

/** What a body needs at the end, when every file and every post has its new place. */
export interface BodyContext {
  /** The site path of an asset that was fetched or copied, else undefined (it stays as it was). */
  assetPath(source: string): string | undefined;
  /** The new URL of another imported post, by the old site's name for it. */
  postUrl(reference: string): string | undefined;
}

/** Something left in a body for an editor to look at, at an offset of the body text. */
export interface Leftover {
  offset: number;
  text: string;
  kind: "shortcode" | "Liquid" | "Hugo shortcode";
}

export interface RenderedBody {
  text: string;
  leftovers: Leftover[];
}

export interface PostDraft {
  /** Where it came from, for messages: a file, or a WordPress item. */
  origin: string;
  /** The slug it had on the old site (before the kit's slug rules). */
  slug: string;
  title: string;
  /** The kit's form: a bare date or an ISO 8601 date-time with offset. */
  date: string;
  updated?: string;
  /** Author ids, in byline order. */
  authors: string[];
  /** Category ids, primary first; empty when the source has none. */
  categories: string[];
  tags: string[];
  description?: string;
  image?: LeadImageDraft;
  /** Old site paths, before the ones equal to the new URL are dropped. */
  aliases: string[];
  draft: boolean;
  /** Names other posts may use for this one (Jekyll's `post_url`). */
  references: string[];
  /** Files the body points at. */
  assets: AssetRequest[];
  renderBody(context: BodyContext): RenderedBody;
}

export interface AuthorDraft {
  name: string;
  bio?: string;
}

export interface CategoryDraft {
  name: string;
  description: string;
}

/** A line for the report: something skipped, assumed or left for the editor. */
export interface Notice {
  where: string;
  message: string;
}

export interface SourceResult {
  posts: PostDraft[];
  authors: Map<string, AuthorDraft>;
  categories: Map<string, CategoryDraft>;
  notices: Notice[];
  /** Counted things the source left out, by what they are. */
  skipped: Map<string, Skipped>;
}

export interface Skipped {
  count: number;
  /** "page", "pages" */
  one: string;
  many: string;
}

export function countSkipped(skipped: Map<string, Skipped>, one: string, many: string): void {
  const entry = skipped.get(one) ?? { count: 0, one, many };
  entry.count++;
  skipped.set(one, entry);
}

/** What a source reader knows of the publication it imports into. */
export interface TargetContext {
  /** The publication's time zone (site.json), for dates written without an offset. */
  timezone: string;
  /** Existing author ids → display names, so a name finds its existing id. */
  authorNames: Map<string, string>;
  categoryNames: Map<string, string>;
}

/** The description a category gets when the source has none (the model requires one). */
export function defaultCategoryDescription(name: string): string {
  return `Stories filed under ${name}.`;
}

const IMAGE_EXTENSIONS = new Set(["jpg", "jpeg", "png", "gif", "webp", "avif", "svg"]);

export function isImagePath(pathOrUrl: string): boolean {
  const extension = /\.([a-z0-9]+)$/i.exec(pathOrUrl.split(/[?#]/)[0]!)?.[1]?.toLowerCase();
  return extension !== undefined && IMAGE_EXTENSIONS.has(extension);
}
