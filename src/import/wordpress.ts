// `npm run import -- wordpress FILE.xml`: a WordPress export read into the kit's terms.
// Published, scheduled and draft posts are imported; pages, menus and other item types are
// counted and left out; attachments give lead images, galleries and the files to fetch.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DateTime, FixedOffsetZone } from "luxon";
import { parseWxr, NotAnExport, type WxrExport, type WxrItem } from "./wxr.ts";
import { expandShortcodes, findShortcodes, type Attachment } from "./wordpress-shortcodes.ts";
import { prepareBody, renderBody } from "./wordpress-body.ts";
import { safeRelativePath } from "./assets.ts";
import { formatKitDate } from "./dates.ts";
import { nameFromId, toId } from "./ids.ts";
import { plainText } from "./text.ts";
import { NamedRegistry } from "./registry.ts";
import { ImportError } from "./publication.ts";
import { countSkipped, defaultCategoryDescription, isImagePath, type AuthorDraft, type CategoryDraft, type Notice, type PostDraft, type Skipped, type SourceResult, type TargetContext } from "./model.ts";

const IMPORTED_STATUSES = new Set(["publish", "future", "draft", "pending", "private"]);

export async function readWordPress(file: string, target: TargetContext): Promise<SourceResult> {
  let xml: string;
  try {
    xml = await readFile(file, "utf8");
  } catch (error) {
    throw new ImportError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  let wxr: WxrExport;
  try {
    wxr = parseWxr(xml);
  } catch (error) {
    if (error instanceof NotAnExport) throw new ImportError(`${file}: ${error.message}`);
    throw error;
  }
  return new WordPressReader(wxr, target).read();
}

class WordPressReader {
  private readonly authors: NamedRegistry<AuthorDraft>;
  private readonly categories: NamedRegistry<CategoryDraft>;
  private readonly authorIds = new Map<string, string>();
  private readonly categoryIds = new Map<string, string>();
  private readonly categoryParents = new Map<string, string>();
  private readonly attachments = new Map<string, Attachment>();
  private readonly attachmentUrls = new Set<string>();
  private readonly siteHosts: Set<string>;
  private readonly uploadHosts: Set<string>;
  private readonly notices: Notice[] = [];
  private readonly skipped = new Map<string, Skipped>();

  constructor(
    private readonly wxr: WxrExport,
    private readonly target: TargetContext,
  ) {
    this.authors = new NamedRegistry(target.authorNames, (name) => ({ name }));
    this.categories = new NamedRegistry(target.categoryNames, (name) => ({ name, description: defaultCategoryDescription(name) }));
    for (const item of wxr.items.filter((item) => item.type === "attachment" && item.attachmentUrl)) {
      this.attachments.set(item.id, {
        id: item.id,
        url: item.attachmentUrl,
        alt: plainText(item.meta.get("_wp_attachment_image_alt") ?? ""),
        caption: item.excerpt,
        parent: item.parent,
        menuOrder: item.menuOrder,
      });
      this.attachmentUrls.add(item.attachmentUrl);
    }
    this.siteHosts = new Set([wxr.link, wxr.baseSiteUrl, wxr.baseBlogUrl].map(hostOf).filter((host) => host !== undefined));
    this.uploadHosts = new Set([...this.siteHosts, ...[...this.attachments.values()].map((attachment) => hostOf(attachment.url)).filter((host) => host !== undefined)]);
  }

  read(): SourceResult {
    for (const author of this.wxr.authors) {
      const name = plainText(author.displayName) || author.login;
      const draft: AuthorDraft = author.description ? { name, bio: author.description } : { name };
      this.authorIds.set(author.login, this.authors.define(toId(author.login) || toId(name) || "author", draft));
    }
    for (const category of this.wxr.categories) {
      const id = toId(decodeSlug(category.nicename)) || toId(plainText(category.name));
      if (!id) continue;
      const name = plainText(category.name) || nameFromId(id);
      this.categoryIds.set(category.nicename, this.categories.define(id, { name, description: plainText(category.description) || defaultCategoryDescription(name) }));
    }
    for (const category of this.wxr.categories) {
      const id = this.categoryIds.get(category.nicename);
      const parent = this.categoryIds.get(category.parent);
      if (id && parent) this.categoryParents.set(id, parent);
    }
    const posts: PostDraft[] = [];
    for (const item of this.wxr.items) {
      if (item.type === "attachment") continue;
      if (item.type !== "post") {
        if (item.type === "page") countSkipped(this.skipped, "page", "pages");
        else countSkipped(this.skipped, "other item (menu, block, custom type)", "other items (menus, blocks, custom types)");
      } else if (!IMPORTED_STATUSES.has(item.status)) {
        countSkipped(this.skipped, "trashed or auto-saved post", "trashed or auto-saved posts");
      } else {
        const post = this.post(item);
        if (post) posts.push(post);
      }
    }
    return { posts, authors: this.authors.created, categories: this.categories.created, notices: this.notices, skipped: this.skipped };
  }

  private post(item: WxrItem): PostDraft | undefined {
    const origin = `item ${item.id} “${plainText(item.title) || item.name}”`;
    const date = wordPressDate(item.postDate, item.postDateGmt, this.target.timezone);
    if (!date) {
      this.notices.push({ where: origin, message: `post_date "${item.postDate}" is not a date — skipped` });
      countSkipped(this.skipped, "post without a date", "posts without a date");
      return undefined;
    }
    const slug = decodeSlug(item.name) || plainText(item.title) || `post-${item.id}`;
    const title = plainText(item.title) || nameFromId(toId(slug)) || `Post ${item.id}`;
    const year = date.slice(0, 4);
    let draft = !["publish", "future"].includes(item.status);
    if (item.password) {
      draft = true;
      this.notices.push({ where: origin, message: "is password-protected — imported as a draft" });
    } else if (item.status === "private") {
      this.notices.push({ where: origin, message: "is private — imported as a draft" });
    }

    const categories: string[] = [];
    for (const term of item.terms.filter((term) => term.domain === "category")) {
      const id = this.categoryIds.get(term.nicename) ?? this.categories.resolve(plainText(term.name) || decodeSlug(term.nicename));
      // WordPress lists a post of a child category in its parents' archives too.
      for (let ancestor = id; ancestor && !categories.includes(ancestor); ancestor = this.categoryParents.get(ancestor)) categories.push(ancestor);
    }
    const tags = item.terms.filter((term) => term.domain === "post_tag").map((term) => plainText(term.name)).filter(Boolean);
    const author = this.authorIds.get(item.creator) ?? this.authors.resolve(item.creator);

    const attachment = this.attachments.get(item.meta.get("_thumbnail_id")?.trim() ?? "");
    const image = attachment && {
      source: attachment.url,
      target: this.uploadTarget(attachment.url, year),
      alt: attachment.alt,
      altMissing: attachment.alt === "",
      ...(plainText(attachment.caption) ? { caption: plainText(attachment.caption) } : {}),
    };

    const prepared = prepareBody(
      expandShortcodes(item.content, {
        attachments: this.attachments,
        imagesOfPost: () => [...this.attachments.values()].filter((file) => file.parent === item.id && isImagePath(file.url)).sort((a, b) => a.menuOrder - b.menuOrder || Number(a.id) - Number(b.id)),
      }),
    );
    const assets = [...new Set(prepared.urls)].filter((url) => this.isUpload(url)).map((url) => ({ source: url, target: this.uploadTarget(url, year) }));
    const oldPaths = [this.sitePath(item.link), `/?p=${item.id}`].filter((alias): alias is string => alias !== undefined);

    return {
      origin,
      slug,
      title,
      date,
      authors: author ? [author] : [],
      categories,
      tags,
      description: plainText(item.excerpt) || undefined,
      image,
      aliases: draft ? [] : [...new Set(oldPaths)],
      draft,
      references: oldPaths,
      assets,
      renderBody: (context) => {
        const text = renderBody(prepared, (url) => {
          const asset = this.isUpload(url) ? context.assetPath(url) : undefined;
          if (asset) return asset;
          const [address, fragment] = url.split("#", 2);
          const articleUrl = this.sitePath(address!, true) && context.postUrl(this.sitePath(address!, true)!);
          return articleUrl ? `${articleUrl}${fragment ? `#${fragment}` : ""}` : undefined;
        });
        return { text, leftovers: findShortcodes(text).map((found) => ({ ...found, kind: "shortcode" as const })) };
      },
    };
  }

  /** A file on the old site's uploads (or listed as an attachment of the export). */
  private isUpload(url: string): boolean {
    const host = hostOf(url);
    if (!host) return false;
    if (host.endsWith(".files.wordpress.com")) return true;
    return this.uploadHosts.has(host) && (new URL(url).pathname.includes("/wp-content/uploads/") || this.attachmentUrls.has(url));
  }

  /** img/2019/05/name.jpg for …/wp-content/uploads/2019/05/Name.jpg; files/… for documents. */
  private uploadTarget(url: string, year: string): string {
    const { hostname, pathname } = new URL(url);
    const uploaded = /\/uploads\/(.+)$/.exec(pathname)?.[1] ?? (hostname.endsWith(".files.wordpress.com") ? pathname : `${year}/${path.posix.basename(pathname)}`);
    const relative = safeRelativePath(uploaded);
    return `${isImagePath(relative) ? "img" : "files"}/${relative}`;
  }

  /** The path of a URL on the old site (`/2019/05/slug/`, `/?p=12`); with `relative`, paths pass too. */
  private sitePath(url: string, relative = false): string | undefined {
    if (relative && url.startsWith("/") && !url.startsWith("//")) return safeDecodePath(url);
    const host = hostOf(url);
    if (!host || !this.siteHosts.has(host)) return undefined;
    const { pathname, search } = new URL(url);
    return safeDecodePath(pathname) + search;
  }
}

function hostOf(url: string): string | undefined {
  try {
    return /^https?:$/.test(new URL(url).protocol) ? new URL(url).host.replace(/^www\./, "") : undefined;
  } catch {
    return undefined;
  }
}

/** WordPress percent-encodes non-ASCII slugs: `%ce%b1…` → `α…`. */
function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

function safeDecodePath(pathname: string): string {
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}

/**
 * `post_date` is the old site's local time and `post_date_gmt` the same moment in UTC: their
 * difference is the offset the post was written with. Drafts have no GMT time; their local
 * time is read in the publication's zone.
 */
export function wordPressDate(local: string, gmt: string, timezone: string): string | undefined {
  const localAsUtc = DateTime.fromSQL(local, { zone: "utc" });
  if (!localAsUtc.isValid) return undefined;
  const gmtTime = DateTime.fromSQL(gmt, { zone: "utc" });
  if (gmtTime.isValid && !gmt.startsWith("0000")) {
    const offset = Math.round(localAsUtc.diff(gmtTime, "minutes").minutes);
    return formatKitDate(DateTime.fromSQL(local, { zone: FixedOffsetZone.instance(offset) }));
  }
  return formatKitDate(DateTime.fromSQL(local, { zone: timezone }));
}
