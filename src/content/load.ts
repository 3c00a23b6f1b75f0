// Reads a publication folder (_data/*.json, posts/**/*.md) into one validated, typed model.
// Every problem is collected, never thrown one at a time, so editors see them all at once.
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { DateTime } from "luxon";
import type { z } from "zod";
import { authorsSchema, categoriesSchema, frontMatterSchema, siteSchema, type Author, type Category, type SiteConfig } from "./schema.ts";
import { FrontMatterError, normaliseText, parseSourceFile, type SourceFile } from "./front-matter.ts";
import { buildArticle, type Article } from "./article.ts";
import { ContentError, type Problem } from "./problems.ts";
import { isReservedSlug } from "../urls/index.ts";

export interface Publication {
  root: string;
  site: SiteConfig;
  authors: Map<string, Author>;
  categories: Map<string, Category>;
  /** What the build publishes, newest first. */
  articles: Article[];
  /** Left out because their date has not come yet (oldest first). */
  scheduled: Article[];
  /** Left out because they are marked `draft: true`. */
  drafts: Article[];
}

export interface LoadOptions {
  /** The build's clock: articles dated after it are scheduled. */
  now: DateTime;
  /** Preview builds publish drafts and scheduled articles too. */
  includeUnpublished?: boolean;
}

/** A site path such as /img/a.svg (or img/a.svg) as a file in the publication folder. */
export function sitePathToFile(root: string, sitePath: string): string {
  return path.join(root, sitePath.replace(/^\/+/, ""));
}

const isRemote = (src: string): boolean => /^[a-z]+:\/\//i.test(src);

export async function loadPublication(root: string, options: LoadOptions): Promise<Publication> {
  const problems: Problem[] = [];
  const error = (file: string, field: string | undefined, message: string, line?: number): void => {
    problems.push({ severity: "error", file, field, message, line });
  };

  const site = await readDataFile(root, "_data/site.json", siteSchema, problems);
  const authors = await readDataFile(root, "_data/authors.json", authorsSchema, problems);
  const categories = await readDataFile(root, "_data/categories.json", categoriesSchema, problems);

  for (const [id, author] of Object.entries(authors ?? {})) {
    if (author.avatar && (isRemote(author.avatar) || !existsSync(sitePathToFile(root, author.avatar)))) {
      error("_data/authors.json", `${id}.avatar`, `file ${author.avatar} not found — add it under img/ or fix the path`);
    }
  }
  if (!site || !authors || !categories) throw new ContentError(problems);

  const articles: Article[] = [];
  for (const file of await listPosts(root)) {
    let source: SourceFile;
    try {
      source = parseSourceFile(await readFile(path.join(root, file), "utf8"));
    } catch (cause) {
      if (!(cause instanceof FrontMatterError)) throw cause;
      error(file, undefined, cause.message, cause.line);
      continue;
    }
    const parsed = frontMatterSchema.safeParse(source.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        error(file, issue.path.join(".") || undefined, issue.message, source.lineOf(issue.path));
      }
      continue;
    }
    const frontMatter = parsed.data;
    const article = buildArticle(file, path.basename(file, ".md"), frontMatter, source.body, site.timezone);

    const known = (ids: Map<string, unknown> | Record<string, unknown>) => Object.keys(ids).join(", ");
    frontMatter.author.forEach((id, index) => {
      if (!(id in authors)) error(file, "author", `unknown author "${id}" — use one of: ${known(authors)}`, source.lineOf(["author", index]));
    });
    for (const [field, ids] of [["category", [frontMatter.category]], ["categories", frontMatter.categories]] as const) {
      for (const id of ids) {
        if (!(id in categories)) error(file, field, `unknown category "${id}" — use one of: ${known(categories)}`, source.lineOf([field]));
      }
    }
    if (frontMatter.image) {
      const src = frontMatter.image.src;
      if (isRemote(src)) error(file, "image.src", `remote image ${src} — download it into img/ and point to it as /img/…`, source.lineOf(["image", "src"]));
      else if (!existsSync(sitePathToFile(root, src))) error(file, "image.src", `file ${src} not found — add it under img/ or fix the path`, source.lineOf(["image", "src"]));
    }
    if (!article.slug) error(file, "slug", "the slug is empty after removing punctuation — set `slug:` to words", source.lineOf(["slug"]));
    else if (isReservedSlug(article.slug)) error(file, "slug", `"${article.slug}" is reserved for site URLs — choose another slug`, source.lineOf(["slug"]));
    if (article.updated && article.updated < article.date) error(file, "updated", "is before `date` — an update cannot precede publication", source.lineOf(["updated"]));
    if (article.parts.every((part) => part === "")) error(file, undefined, "the article has no body text — write it below the front matter", source.bodyLine);
    else {
      article.parts.forEach((part, index) => {
        if (part === "") error(file, undefined, `page ${index + 1} of the article is empty — remove the extra <!--nextpage--> marker`, source.bodyLine + article.partLines[index]! - 1);
      });
    }
    articles.push(article);
  }

  const byUrl = new Map<string, Article>();
  for (const article of articles) {
    const other = byUrl.get(article.url);
    if (other) error(article.file, "slug", `writes the same URL ${article.url} as ${other.file} — give one of them another \`slug:\``);
    else byUrl.set(article.url, article);
  }

  if (problems.some((problem) => problem.severity === "error")) throw new ContentError(problems);

  const newestFirst = (a: Article, b: Article) => b.date.toMillis() - a.date.toMillis() || a.url.localeCompare(b.url);
  const isScheduled = (article: Article) => article.date > options.now;
  const published = articles.filter((article) => options.includeUnpublished || (!article.draft && !isScheduled(article)));
  return {
    root,
    site,
    authors: new Map(Object.entries(authors)),
    categories: new Map(Object.entries(categories)),
    articles: published.sort(newestFirst),
    scheduled: articles.filter((article) => !article.draft && isScheduled(article)).sort(newestFirst).reverse(),
    drafts: articles.filter((article) => article.draft),
  };
}

async function listPosts(root: string): Promise<string[]> {
  const postsDir = path.join(root, "posts");
  if (!existsSync(postsDir)) return [];
  const entries = await readdir(postsDir, { recursive: true });
  return entries
    .filter((entry) => entry.endsWith(".md"))
    .map((entry) => path.posix.join("posts", entry.split(path.sep).join("/")))
    .sort();
}

async function readDataFile<Schema extends z.ZodType>(root: string, file: string, schema: Schema, problems: Problem[]): Promise<z.output<Schema> | undefined> {
  const fullPath = path.join(root, file);
  if (!existsSync(fullPath)) {
    problems.push({ severity: "error", file, message: "file is missing — create it as described in the content model" });
    return undefined;
  }
  const text = normaliseText(await readFile(fullPath, "utf8"));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    const position = Number(/position (\d+)/.exec(String(cause))?.[1] ?? 0);
    const line = text.slice(0, position).split("\n").length;
    problems.push({ severity: "error", file, line, message: `not valid JSON: ${(cause as Error).message} — check commas and quotes` });
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    problems.push({ severity: "error", file, field: issue.path.join(".") || undefined, message: issue.message });
  }
  return undefined;
}
