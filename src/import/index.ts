// `npm run import`: brings another site's posts into a publication. A source reader turns
// the old site into drafts in the kit's terms; this module places them (file, URL, aliases),
// fetches and copies their files, and merges posts, authors and categories into the folder.
import path from "node:path";
import { toSlug, articleUrl, isReservedSlug } from "../urls/index.ts";
import { parseContentDate } from "../dates/index.ts";
import { aliasProblem, normaliseAlias } from "../content/aliases.ts";
import { AssetStore, type AssetOutcome } from "./assets.ts";
import { firstFree, nameFromId, toId } from "./ids.ts";
import { postFileText } from "./post-file.ts";
import { jsonText, mergeRecords, readTarget, writeText, ImportError, type MergeResult, type TargetPublication, type WriteState } from "./publication.ts";
import { defaultCategoryDescription, type AuthorDraft, type CategoryDraft, type Leftover, type Notice, type PostDraft, type SourceResult, type TargetContext } from "./model.ts";
import { readWordPress } from "./wordpress.ts";
import { readMarkdownFolder, type MarkdownOptions } from "./markdown.ts";

export { ImportError };

export interface ImportOptions {
  kind: "wordpress" | "markdown";
  /** The export file or the posts folder. */
  source: string;
  /** The publication folder to import into. */
  into: string;
  dryRun: boolean;
  force: boolean;
  /** Per download. */
  timeoutMs: number;
  /** Primary category of posts that have none. */
  category?: string;
  /** Author of posts that name none. */
  author?: string;
  markdown?: Omit<MarkdownOptions, "category">;
}

export interface LeftoverLine {
  file: string;
  line: number;
  text: string;
  kind: Leftover["kind"];
}

export interface ImportReport {
  dryRun: boolean;
  posts: { file: string; state: WriteState }[];
  authors: MergeResult;
  categories: MergeResult;
  assets: AssetOutcome[];
  /** The posts whose bodies use each file, by source. */
  assetUsers: Map<string, string[]>;
  /** Posts whose lead image is imported with `alt: ""`. */
  decorative: string[];
  leftovers: LeftoverLine[];
  notices: Notice[];
  skipped: SourceResult["skipped"];
  /** The category made for posts without one, when one was needed. */
  fallbackCategory?: string;
  fallbackAuthor?: string;
}

export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const target = await readTarget(options.into);
  const context: TargetContext = {
    timezone: target.timezone,
    authorNames: namesOf(target.authors),
    categoryNames: namesOf(target.categories),
  };
  const source =
    options.kind === "wordpress" ? await readWordPress(options.source, context) : await readMarkdownFolder(options.source, context, options.markdown ?? {});
  const notices = [...source.notices];
  if (!target.hasSite) notices.unshift({ where: "_data/site.json", message: "is missing — dates were read in UTC; copy the kit's site.json and set title, url and timezone" });

  const defaults = assignDefaults(source, target, options);
  const placed = placePosts(source.posts, target.timezone);

  const store = new AssetStore();
  for (const { post } of placed) {
    if (post.image) store.request(post.image);
    for (const asset of post.assets) store.request(asset);
  }
  const assets = await store.materialize({ root: options.into, dryRun: options.dryRun, force: options.force, timeoutMs: options.timeoutMs });

  const urlsByReference = new Map<string, string>();
  for (const { post, url } of placed) for (const reference of [...post.references, ...post.aliases]) urlsByReference.set(reference, url);
  const articleUrls = new Set(placed.map(({ url }) => url));
  const claimedAliases = new Map<string, string>();

  const report: ImportReport = {
    dryRun: options.dryRun,
    posts: [],
    authors: mergeRecords(target.authors, authorRecords(source.authors), options.force),
    categories: mergeRecords(target.categories, categoryRecords(source.categories), options.force),
    assets,
    assetUsers: new Map(),
    decorative: [],
    leftovers: [],
    notices,
    skipped: source.skipped,
    ...defaults,
  };

  for (const { post, file, slug, fileSlug } of placed) {
    for (const { source } of post.assets) {
      report.assetUsers.set(source, [...new Set([...(report.assetUsers.get(source) ?? []), file])]);
    }
    let image;
    if (post.image) {
      const src = store.sitePath(post.image.source);
      if (src) {
        image = { src, alt: post.image.alt, caption: post.image.caption, credit: post.image.credit };
        if (post.image.altMissing) report.decorative.push(file);
      } else {
        notices.push({ where: file, message: `lead image ${post.image.source} could not be fetched (${store.outcome(post.image.source)?.reason}) — left out` });
      }
    }
    const rendered = post.renderBody({ assetPath: (source) => store.sitePath(source), postUrl: (reference) => urlsByReference.get(reference) });
    const leading = /^\n*/.exec(rendered.text)![0].length;
    const aliases = usableAliases(post, file, articleUrls, claimedAliases, notices);
    const { text, bodyLine } = postFileText(
      {
        title: post.title,
        date: post.date,
        updated: post.updated,
        authors: post.authors,
        category: post.categories[0]!,
        categories: post.categories.slice(1),
        tags: post.tags,
        description: post.description,
        image,
        aliases,
        slug: slug === fileSlug ? undefined : slug,
        draft: post.draft,
      },
      rendered.text.slice(leading),
    );
    for (const leftover of rendered.leftovers) {
      const line = bodyLine + rendered.text.slice(leading, leftover.offset).split("\n").length - 1;
      report.leftovers.push({ file, line, text: leftover.text, kind: leftover.kind });
    }
    report.posts.push({ file, state: await writeText(options.into, file, text, options) });
  }

  for (const [file, merge] of [
    ["_data/authors.json", report.authors],
    ["_data/categories.json", report.categories],
  ] as const) {
    if (merge.changed && !options.dryRun) await writeText(options.into, file, jsonText(merge.records), { dryRun: false, force: true });
  }
  return report;
}

/**
 * Aliases as the content check reads them (one spelling per path); an alias that is an
 * imported article's URL, or another imported post's alias, is left out and said.
 */
function usableAliases(post: PostDraft, file: string, articleUrls: Set<string>, claimed: Map<string, string>, notices: Notice[]): string[] {
  const aliases: string[] = [];
  const seen = new Set<string>();
  for (const written of post.aliases) {
    const alias = [written, encodeURI(written)].find((form) => aliasProblem(form) === undefined);
    if (alias === undefined) {
      notices.push({ where: file, message: `old URL ${written} cannot be an alias (${aliasProblem(written)}) — left out` });
      continue;
    }
    const normal = normaliseAlias(alias);
    if (articleUrls.has(normal) || seen.has(normal)) continue;
    const other = claimed.get(normal);
    if (other) {
      notices.push({ where: file, message: `old URL ${normal} is already an alias of ${other} — left out` });
      continue;
    }
    claimed.set(normal, file);
    seen.add(normal);
    // Written decoded where that is a valid alias (`/η-ψαραγορά/`), else escaped (`/city%20hall/`).
    aliases.push(aliasProblem(normal) === undefined ? normal : alias);
  }
  return aliases;
}

function namesOf(records: TargetPublication["authors"]): Map<string, string> {
  return new Map(Object.entries(records).map(([id, record]) => [id, typeof record.name === "string" ? record.name : id]));
}

const authorRecords = (authors: Map<string, AuthorDraft>) => new Map([...authors].map(([id, author]) => [id, { ...author } as Record<string, unknown>]));
const categoryRecords = (categories: Map<string, CategoryDraft>) => new Map([...categories].map(([id, category]) => [id, { ...category } as Record<string, unknown>]));

/**
 * Every post needs a primary category and an author: --category, else the first of its tags
 * that is a category id, else `uncategorized`; --author, else `staff`. Each made if missing.
 */
function assignDefaults(source: SourceResult, target: TargetPublication, options: ImportOptions): Pick<ImportReport, "fallbackCategory" | "fallbackAuthor"> {
  const categoryExists = (id: string) => id in target.categories || source.categories.has(id);
  const ensureCategory = (id: string) => {
    if (!categoryExists(id)) source.categories.set(id, { name: nameFromId(id), description: defaultCategoryDescription(nameFromId(id)) });
    return id;
  };
  const ensureAuthor = (id: string) => {
    if (!(id in target.authors) && !source.authors.has(id)) source.authors.set(id, { name: nameFromId(id) });
    return id;
  };
  const result: Pick<ImportReport, "fallbackCategory" | "fallbackAuthor"> = {};
  for (const post of source.posts) {
    if (post.categories.length === 0) {
      const fromTag = post.tags.map(toId).find((id) => id && categoryExists(id));
      const id = options.category ? toId(options.category) : fromTag;
      if (id) post.categories.push(ensureCategory(id));
      else {
        result.fallbackCategory = ensureCategory("uncategorized");
        post.categories.push("uncategorized");
      }
    }
    if (post.authors.length === 0) {
      result.fallbackAuthor = ensureAuthor(options.author ? toId(options.author) : "staff");
      post.authors.push(result.fallbackAuthor);
    }
  }
  return result;
}

interface PlacedPost {
  post: PostDraft;
  /** posts/<yyyy>/<file slug>.md */
  file: string;
  fileSlug: string;
  slug: string;
  url: string;
}

/**
 * Where each post goes: `posts/<yyyy>/<slug>.md` at `/<yyyy>/<mm>/<slug>/`. Two posts of the
 * same month with one slug get `-2`; two of one year in different months keep their slug
 * in the URL and differ only in the file name.
 */
function placePosts(posts: readonly PostDraft[], timezone: string): PlacedPost[] {
  const urls = new Set<string>();
  const files = new Set<string>();
  return posts.map((post) => {
    const date = parseContentDate(post.date, timezone);
    let base = toSlug(post.slug) || toSlug(post.title) || "post";
    if (isReservedSlug(base)) base = `post-${base}`;
    const slug = firstFree(base, (candidate) => urls.has(articleUrl(date, candidate)));
    const url = articleUrl(date, slug);
    urls.add(url);
    const year = date.toFormat("yyyy");
    const fileSlug = firstFree(slug, (candidate) => files.has(path.posix.join("posts", year, `${candidate}.md`)));
    const file = path.posix.join("posts", year, `${fileSlug}.md`);
    files.add(file);
    return { post, file, fileSlug, slug, url };
  });
}
