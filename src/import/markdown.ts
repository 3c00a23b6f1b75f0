// `npm run import -- markdown DIR`: the posts of a Jekyll `_posts`, Hugo `content/…` or
// Eleventy posts folder, read as those generators read them, in the kit's terms.
import { existsSync, statSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { TomlDate } from "smol-toml";
import { parseContentDate } from "../dates/index.ts";
import { toSlug } from "../urls/index.ts";
import { safeRelativePath } from "./assets.ts";
import { kitDate, splitFileNameDate } from "./dates.ts";
import { nameFromId } from "./ids.ts";
import { findTemplateCode, resolvePostLinks, resolveSiteBase, splitRawBlocks } from "./liquid.ts";
import { findBodyReferences, replaceReference } from "./markdown-files.ts";
import { FrontMatterProblem, readSourceDocument } from "./markdown-front-matter.ts";
import { expandPermalink, type Flavor } from "./permalink.ts";
import { NamedRegistry } from "./registry.ts";
import { ImportError } from "./publication.ts";
import { countSkipped, defaultCategoryDescription, isImagePath, type AssetRequest, type AuthorDraft, type CategoryDraft, type LeadImageDraft, type Leftover, type Notice, type PostDraft, type Skipped, type SourceResult, type TargetContext } from "./model.ts";

export interface MarkdownOptions {
  /** The old site's root, where its absolute paths (`/assets/x.jpg`) resolve. */
  siteRoot?: string;
  /** The old site's permalink pattern, for posts whose front matter gives no URL. */
  permalink?: string;
}

const POST_EXTENSIONS = /\.(md|markdown|mdown|mkd|html)$/i;
const SITE_MARKERS = ["_config.yml", "_config.toml", "hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "eleventy.config.js", "eleventy.config.mjs", ".eleventy.js"];

export async function readMarkdownFolder(dir: string, target: TargetContext, options: MarkdownOptions): Promise<SourceResult> {
  if (!existsSync(dir)) throw new ImportError(`cannot read ${dir}: no such folder`);
  if (!statSync(dir).isDirectory()) throw new ImportError(`${dir} is not a folder — give the folder that holds the posts (e.g. _posts or content/posts)`);
  const siteRoot = path.resolve(options.siteRoot ?? findSiteRoot(dir) ?? path.dirname(path.resolve(dir)));
  const reader = new MarkdownReader(path.resolve(dir), siteRoot, detectFlavor(dir, siteRoot), target, options);
  return reader.read();
}

function findSiteRoot(dir: string): string | undefined {
  for (let folder = path.resolve(dir), depth = 0; depth < 4; folder = path.dirname(folder), depth++) {
    if (SITE_MARKERS.some((marker) => existsSync(path.join(folder, marker)))) return folder;
  }
  return undefined;
}

function detectFlavor(dir: string, siteRoot: string): Flavor {
  if (["hugo.toml", "hugo.yaml", "hugo.json", "config.toml"].some((marker) => existsSync(path.join(siteRoot, marker))) || /(^|[\\/])content([\\/]|$)/.test(path.resolve(dir))) return "hugo";
  if (existsSync(path.join(siteRoot, "_config.yml")) || path.basename(dir) === "_posts") return "jekyll";
  return "eleventy";
}

class MarkdownReader {
  private readonly authors: NamedRegistry<AuthorDraft>;
  private readonly categories: NamedRegistry<CategoryDraft>;
  private readonly notices: Notice[] = [];
  private readonly skipped = new Map<string, Skipped>();

  constructor(
    private readonly dir: string,
    private readonly siteRoot: string,
    private readonly flavor: Flavor,
    private readonly target: TargetContext,
    private readonly options: MarkdownOptions,
  ) {
    this.authors = new NamedRegistry(target.authorNames, (name) => ({ name }));
    this.categories = new NamedRegistry(target.categoryNames, (name) => ({ name, description: defaultCategoryDescription(name) }));
  }

  async read(): Promise<SourceResult> {
    const files = await this.postFiles();
    const posts: PostDraft[] = [];
    for (const file of files) {
      const post = await this.post(file);
      if (post) posts.push(post);
    }
    return { posts, authors: this.authors.created, categories: this.categories.created, notices: this.notices, skipped: this.skipped };
  }

  private async postFiles(): Promise<string[]> {
    const entries = await readdir(this.dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && POST_EXTENSIONS.test(entry.name))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .filter((file) => !path.relative(this.dir, file).split(path.sep).some((part) => part.startsWith(".") || part === "node_modules"))
      .sort();
  }

  private async post(file: string): Promise<PostDraft | undefined> {
    const origin = path.relative(this.dir, file).split(path.sep).join("/");
    const skip = (message: string, line = 1) => {
      this.notices.push({ where: `${origin}:${line}`, message });
      countSkipped(this.skipped, "Markdown file (see above)", "Markdown files (see above)");
      return undefined;
    };
    if (path.basename(file).startsWith("_index.")) {
      countSkipped(this.skipped, "section page (_index)", "section pages (_index)");
      return undefined;
    }
    let document;
    try {
      document = readSourceDocument(await readFile(file, "utf8"));
    } catch (error) {
      if (error instanceof FrontMatterProblem) return skip(`${error.message} — skipped`, error.line);
      throw error;
    }
    const { data } = document;
    if (/\.html$/i.test(file) && Object.keys(data).length === 0) return undefined;
    if (data.pagination !== undefined || data.eleventyExcludeFromCollections === true) {
      countSkipped(this.skipped, "listing page", "listing pages");
      return undefined;
    }

    // A page bundle (content/posts/slug/index.md) is named by its folder.
    const baseName = path.basename(file).replace(POST_EXTENSIONS, "");
    const name = baseName === "index" ? path.basename(path.dirname(file)) : baseName;
    const { date: fileDate, rest: fileSlug } = splitFileNameDate(name);
    const date = this.date(data.date, fileDate);
    if (date === undefined) return skip("no date — add `date:` or name the file YYYY-MM-DD-slug.md; skipped");
    if (date === null) return skip(`date ${JSON.stringify(String(data.date))} is not a date the import understands (e.g. 2024-03-12 10:00 -0500) — skipped`);

    const slug = scalar(data.slug) ?? fileSlug;
    let title = scalar(data.title);
    if (!title) {
      title = nameFromId(slug);
      this.notices.push({ where: origin, message: `has no title — it is "${title}", made from the file name` });
    }
    const categoryNames = this.list(data.categories ?? data.category);
    const tags = this.list(data.tags);
    const authorValues = this.authorNames(data.authors ?? data.author);

    const siteDate = parseContentDate(date, this.target.timezone);
    const year = siteDate.toFormat("yyyy");
    const postFolder = `${year}/${toSlug(slug) || "post"}`;
    const servedAt = [scalar(data.permalink), scalar(data.url)].find((url) => url && !url.includes("{"));
    const patternUrl =
      !servedAt && this.options.permalink
        ? expandPermalink(this.options.permalink, { date: siteDate, fileSlug, slug: scalar(data.slug), title, categories: categoryNames, sections: this.sections(file) }, this.flavor)
        : undefined;
    const aliases = [servedAt ?? patternUrl, ...this.list(data.aliases, false), ...this.list(data.redirect_from, false)]
      .filter((alias): alias is string => Boolean(alias))
      .map(sitePath);

    const updated = kitDateOf(data.updated ?? data.last_modified_at ?? data.lastmod, this.target.timezone);
    const body = this.body(file, document.body, postFolder);
    const relative = path.relative(this.dir, file).split(path.sep).join("/").replace(POST_EXTENSIONS, "");
    return {
      origin,
      slug,
      title,
      date,
      updated: updated && parseContentDate(updated, this.target.timezone) >= siteDate ? updated : undefined,
      authors: authorValues.map((value) => this.authors.resolve(value)).filter((id): id is string => id !== undefined),
      categories: [...new Set(categoryNames.map((value) => this.categories.resolve(value)).filter((id): id is string => id !== undefined))],
      tags,
      description: [data.description, data.excerpt, data.summary].map(scalar).find(Boolean),
      image: this.leadImage(file, data, postFolder, origin),
      aliases,
      draft: data.draft === true || data.published === false,
      references: [name, relative, `${relative}.md`],
      assets: body.assets,
      renderBody: body.render,
    };
  }

  /** The kit's date; undefined when there is none at all, null when it cannot be read. */
  private date(value: unknown, fromFileName: string | undefined): string | undefined | null {
    // Eleventy's keywords for file times are not publication dates.
    if (value === undefined || value === null || (typeof value === "string" && /^(git )?(last modified|created)$/i.test(value))) return fromFileName;
    return kitDateOf(value, this.target.timezone) ?? null;
  }

  /** Categories and tags as lists: a Jekyll string holds several, separated by spaces; commas separate anywhere. */
  private list(value: unknown, split = true): string[] {
    const values = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
    return values
      .flatMap((item) => {
        const text = scalar(item);
        if (!text || !split || Array.isArray(value)) return text ? [text] : [];
        if (text.includes(",")) return text.split(",");
        return this.flavor === "jekyll" ? text.split(/\s+/) : [text];
      })
      .map((text) => text.trim())
      .filter(Boolean);
  }

  private authorNames(value: unknown): string[] {
    const values = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
    return values
      .map((item) => (item && typeof item === "object" ? scalar((item as Record<string, unknown>).name) : scalar(item)))
      .filter((name): name is string => Boolean(name));
  }

  private sections(file: string): string[] {
    const contentRoot = path.join(this.siteRoot, "content");
    const base = file.startsWith(contentRoot + path.sep) ? contentRoot : this.dir;
    const folders = path.relative(base, path.dirname(file)).split(path.sep).filter((part) => part && part !== "..");
    return path.basename(file).startsWith("index.") ? folders.slice(0, -1) : folders;
  }

  private leadImage(file: string, data: Record<string, unknown>, folder: string, origin: string): LeadImageDraft | undefined {
    const value = data.image ?? data.featured_image ?? data.cover;
    const group = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    const written = typeof value === "string" ? value : [group.src, group.path, group.url, group.image, group.file].map(scalar).find(Boolean);
    if (!written) return undefined;
    const src = resolveSiteBase(written);
    const alt = [group.alt, data.image_alt, data.alt].map(scalar).find((text) => text !== undefined);
    const caption = [group.caption, data.image_caption].map(scalar).find(Boolean);
    const credit = [group.credit, data.image_credit].map(scalar).find(Boolean);
    const request = /^https?:\/\//i.test(src)
      ? { source: src, target: `img/${folder}/${safeRelativePath(path.posix.basename(new URL(src).pathname))}` }
      : this.localAsset(file, src, folder);
    if (!request) {
      this.notices.push({ where: origin, message: `lead image ${src} not found${src.startsWith("/") ? ` under ${this.siteRoot} — pass --site-root` : ""}; left out` });
      return undefined;
    }
    return { ...request, alt: alt ?? "", altMissing: !alt, ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) };
  }

  /**
   * A file the old site served: relative to the post, or at a site path under the old site's
   * root (or Hugo's static/). Relative files go under img/<folder>/, site paths keep theirs.
   */
  private localAsset(file: string, reference: string, folder: string): AssetRequest | undefined {
    const clean = reference.split(/[?#]/)[0]!;
    const decoded = safeDecode(clean);
    const candidates = decoded.startsWith("/")
      ? [path.join(this.siteRoot, decoded), path.join(this.siteRoot, "static", decoded)]
      : [path.resolve(path.dirname(file), decoded)];
    const source = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
    if (!source) return undefined;
    const kind = isImagePath(decoded) ? "img" : "files";
    const relative = decoded.startsWith("/") ? safeRelativePath(decoded.replace(/^\/+(img\/)?/, "")) : `${folder}/${safeRelativePath(path.basename(decoded))}`;
    return { source, target: `${kind}/${relative}` };
  }

  private body(file: string, text: string, folder: string): { assets: AssetRequest[]; render: PostDraft["renderBody"] } {
    const segments = splitRawBlocks(text).map((segment) => (segment.raw ? segment : { ...segment, text: resolveSiteBase(segment.text) }));
    const references = findBodyReferences(segments.map((segment) => segment.text).join(""));
    const sources = new Map<string, AssetRequest>();
    for (const reference of references) {
      const request = this.localAsset(file, reference.written, folder);
      if (request) sources.set(reference.written, request);
    }
    return {
      assets: [...sources.values()],
      render: (context) => {
        let output = "";
        const leftovers: Leftover[] = [];
        for (const segment of segments) {
          let segmentText = segment.text;
          if (!segment.raw) {
            segmentText = resolvePostLinks(segmentText, context.postUrl);
            for (const [written, request] of sources) {
              const sitePath = context.assetPath(request.source);
              if (sitePath) segmentText = replaceReference(segmentText, written, sitePath);
            }
            leftovers.push(...findTemplateCode(segmentText).map((leftover) => ({ ...leftover, offset: leftover.offset + output.length })));
          }
          output += segmentText;
        }
        return { text: output, leftovers };
      },
    };
  }
}

/** A front-matter value as text (numbers and booleans as written); undefined for lists and groups. */
function scalar(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  return undefined;
}

function kitDateOf(value: unknown, timezone: string): string | undefined {
  if (value instanceof TomlDate) return kitDate(value.toISOString(), timezone);
  return typeof value === "string" ? kitDate(value, timezone) : undefined;
}

/** An old URL as a site path: `https://old.example/x/` → `/x/`, `x/` → `/x/`. */
function sitePath(url: string): string {
  if (/^https?:\/\//i.test(url)) {
    const { pathname, search } = new URL(url);
    return safeDecode(pathname) + search;
  }
  return url.startsWith("/") ? url : `/${url}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
