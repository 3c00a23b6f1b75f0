// Reads a publication folder (_data/*.json, posts/**/*.md) into one validated, typed model.
// Every problem is collected, never thrown one at a time, so editors see them all at once.
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { DateTime } from "luxon";
import type { z } from "zod";
import { authorsSchema, categoriesSchema, contentErrorMap, frontMatterSchema, KNOWN_FIELDS, siteSchema, type Author, type Category, type SiteConfig } from "./schema.ts";
import { normaliseText, parseLocated, parseSourceFile, SyntaxProblem, type LocatedData } from "./front-matter.ts";
import { buildArticle, type Article } from "./article.ts";
import { closestName, ContentError, type Problem } from "./problems.ts";
import { isReservedSlug, tagUrl } from "../urls/index.ts";

export interface Publication {
  root: string;
  site: SiteConfig;
  authors: Map<string, Author>;
  categories: Map<string, Category>;
  /** What the build publishes, newest first. */
  articles: Article[];
  /** Left out because their date has not come yet (soonest first). */
  scheduled: Article[];
  /** Left out because they are marked `draft: true`. */
  drafts: Article[];
  /** Problems that do not stop the build. */
  warnings: Problem[];
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

/** Where a problem is: a file and a way to find the line of a field in it. */
type Reporter = (field: string | undefined, message: string, at?: readonly PropertyKey[] | number) => void;

class ProblemLog {
  readonly problems: Problem[] = [];

  reporter(severity: Problem["severity"], file: string, located?: Pick<LocatedData, "lineOf">): Reporter {
    return (field, message, at) => {
      const line = typeof at === "number" ? at : at && located ? located.lineOf(at) : undefined;
      this.problems.push({ severity, file, field, message, line });
    };
  }

  get hasErrors(): boolean {
    return this.problems.some((problem) => problem.severity === "error");
  }
}

export async function loadPublication(root: string, options: LoadOptions): Promise<Publication> {
  const log = new ProblemLog();

  const site = await readDataFile(root, "_data/site.json", siteSchema, log, (data, warn) => {
    warnUnknownFields(data, [], KNOWN_FIELDS.site, warn);
  });
  const authors = await readDataFile(root, "_data/authors.json", authorsSchema, log, (data, warn) => {
    for (const id of data.keysAt([])) {
      warnUnknownFields(data, [id.name], KNOWN_FIELDS.author, warn);
      warnUnknownFields(data, [id.name, "links"], KNOWN_FIELDS.authorLinks, warn);
    }
  });
  const categories = await readDataFile(root, "_data/categories.json", categoriesSchema, log, (data, warn) => {
    for (const id of data.keysAt([])) warnUnknownFields(data, [id.name], KNOWN_FIELDS.category, warn);
  });

  for (const [id, author] of Object.entries(authors?.value ?? {})) {
    if (author.avatar) checkImageFile(root, author.avatar, `${id}.avatar`, authors!.report, [id, "avatar"]);
  }

  // With an unusable site.json the posts are still checked, their dates read in UTC.
  const timezone = site?.value.timezone ?? "UTC";
  const articles: Article[] = [];
  const tagLines = new Map<Article, number[]>();
  const files = await listFiles(root, "posts");
  for (const file of files.filter((name) => !name.endsWith(".md"))) {
    log.reporter("warning", file)(undefined, "is not an article (.md) and is not published — rename it to .md, or move images to img/");
  }
  const posts = files.filter((name) => name.endsWith(".md"));
  // Reading many files at once keeps the disk busy; parsing them stays in file order.
  const texts = await readAll(posts.map((file) => path.join(root, file)));
  for (const [index, file] of posts.entries()) {
    const raw = texts[index]!;
    // Problems in a draft do not stop the build: the draft is left out until they are fixed.
    const severity = /^draft:\s*true\s*$/m.test(normaliseText(raw).split("\n---")[0] ?? "") ? "warning" : "error";
    const article = readArticle(root, file, raw, timezone, { authors: authors?.value, categories: categories?.value }, log, severity);
    if (article) {
      articles.push(article.article);
      tagLines.set(article.article, article.tagLines);
    }
  }

  checkUrlCollisions(articles, log);
  mergeTagSpellings(articles, tagLines, log);

  if (log.hasErrors || !site || !authors || !categories) throw new ContentError(log.problems);

  const newestFirst = (a: Article, b: Article) => b.date.toMillis() - a.date.toMillis() || a.url.localeCompare(b.url);
  const isScheduled = (article: Article) => article.date > options.now;
  const published = articles.filter((article) => options.includeUnpublished || (!article.draft && !isScheduled(article)));
  return {
    root,
    site: site.value,
    authors: new Map(Object.entries(authors.value)),
    categories: new Map(Object.entries(categories.value)),
    articles: published.sort(newestFirst),
    scheduled: articles.filter((article) => !article.draft && isScheduled(article)).sort((a, b) => -newestFirst(a, b)),
    drafts: articles.filter((article) => article.draft),
    warnings: log.problems,
  };
}

interface References {
  authors?: Record<string, Author>;
  categories?: Record<string, Category>;
}

function readArticle(
  root: string,
  file: string,
  raw: string,
  timezone: string,
  references: References,
  log: ProblemLog,
  severity: Problem["severity"],
): { article: Article; tagLines: number[] } | undefined {
  let source;
  try {
    source = parseSourceFile(raw);
  } catch (cause) {
    if (!(cause instanceof SyntaxProblem)) throw cause;
    log.reporter(severity, file)(undefined, cause.message, cause.line);
    return undefined;
  }
  const warn = log.reporter("warning", file, source);
  warnUnknownFields(source, [], KNOWN_FIELDS.frontMatter, warn);
  warnUnknownFields(source, ["image"], KNOWN_FIELDS.image, warn);

  let problems = 0;
  const reportError = log.reporter(severity, file, source);
  const report: Reporter = (...args) => {
    problems++;
    reportError(...args);
  };

  const parsed = frontMatterSchema.safeParse(source.data, { error: contentErrorMap((field) => `add \`${field}:\` to the front matter`) });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(issue.path.join(".") || undefined, issue.message, issue.path);
    return undefined;
  }
  const frontMatter = parsed.data;
  const article = buildArticle(file, path.basename(file, ".md"), frontMatter, source.body, timezone);

  const known = (ids: Record<string, unknown>) => Object.keys(ids).join(", ");
  if (references.authors) {
    const authors = references.authors;
    frontMatter.author.forEach((id, index) => {
      if (!(id in authors)) report("author", `unknown author "${id}" — use one of: ${known(authors)}`, ["author", index]);
    });
  }
  if (references.categories) {
    const categories = references.categories;
    if (!(frontMatter.category in categories)) report("category", `unknown category "${frontMatter.category}" — use one of: ${known(categories)}`, ["category"]);
    frontMatter.categories.forEach((id, index) => {
      if (!(id in categories)) report("categories", `unknown category "${id}" — use one of: ${known(categories)}`, ["categories", index]);
    });
  }
  if (frontMatter.image) checkImageFile(root, frontMatter.image.src, "image.src", report, ["image", "src"]);
  if (!article.slug) report("slug", "is empty once punctuation is removed — set `slug:` to a few words", frontMatter.slug === undefined ? 1 : ["slug"]);
  else if (isReservedSlug(article.slug)) {
    report("slug", `"${article.slug}" is reserved for site URLs — ${frontMatter.slug === undefined ? "rename the file or " : ""}set another \`slug:\``, frontMatter.slug === undefined ? 1 : ["slug"]);
  }
  if (article.updated && article.updated < article.date) report("updated", "is before `date` — an update cannot come before publication", ["updated"]);
  if (article.parts.every((part) => part === "")) report(undefined, "the article has no text — write it below the front matter", source.bodyLine);
  else {
    article.parts.forEach((part, index) => {
      if (part === "") report(undefined, `page ${index + 1} of the article is empty — remove the extra <!--nextpage--> marker`, source.bodyLine + article.partLines[index]! - 2);
    });
  }
  if (problems > 0) return undefined;
  return { article, tagLines: frontMatter.tags.map((_, index) => source.lineOf(["tags", index])) };
}

function warnUnknownFields(data: LocatedData, at: readonly string[], known: readonly string[], warn: Reporter): void {
  for (const key of data.keysAt(at)) {
    if (known.includes(key.name)) continue;
    const field = [...at, key.name].join(".");
    const suggestion = closestName(key.name, known);
    warn(field, suggestion ? `unknown field — did you mean \`${suggestion}\`?` : `unknown field, ignored — known fields: ${known.join(", ")}`, key.line);
  }
}

function checkImageFile(root: string, src: string, field: string, report: Reporter, at: readonly PropertyKey[]): void {
  if (isRemote(src)) report(field, `${src} is a remote image — save it under img/ and write its path, e.g. /img/photo.jpg`, at);
  else if (!existsSync(sitePathToFile(root, src))) report(field, `file ${src} not found — add it under img/ or correct the path`, at);
}

function checkUrlCollisions(articles: readonly Article[], log: ProblemLog): void {
  const byUrl = new Map<string, Article>();
  for (const article of articles) {
    const other = byUrl.get(article.url);
    if (other) log.reporter("error", article.file)("slug", `writes the same URL ${article.url} as ${other.file} — give one of them another \`slug:\``);
    else byUrl.set(article.url, article);
  }
}

/**
 * Tags spelled differently but sharing a URL ("Water Rights", "water rights") are one tag:
 * every article gets the most used spelling, and the others are pointed out.
 */
function mergeTagSpellings(articles: readonly Article[], tagLines: Map<Article, number[]>, log: ProblemLog): void {
  const spellings = new Map<string, Map<string, number>>();
  for (const article of articles) {
    for (const tag of article.tags) {
      const counts = spellings.get(tag.slug) ?? new Map<string, number>();
      counts.set(tag.name, (counts.get(tag.name) ?? 0) + 1);
      spellings.set(tag.slug, counts);
    }
  }
  const preferred = new Map<string, string>();
  for (const [slug, counts] of spellings) {
    preferred.set(slug, [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]);
  }
  for (const article of articles) {
    const lines = tagLines.get(article) ?? [];
    article.tags = article.tags.map((tag, index) => {
      const name = preferred.get(tag.slug)!;
      if (name !== tag.name) {
        log.reporter("warning", article.file)("tags", `"${tag.name}" and "${name}" share the URL ${tagUrl(tag.slug)} and are merged — write "${name}"`, lines[index]);
      }
      return { ...tag, name };
    });
  }
}

async function readAll(paths: readonly string[], concurrency = 64): Promise<string[]> {
  const texts = new Array<string>(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const index = next++;
      texts[index] = await readFile(paths[index]!, "utf8");
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, worker));
  return texts;
}

async function listFiles(root: string, folder: string): Promise<string[]> {
  const dir = path.join(root, folder);
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => path.posix.join(folder, path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")))
    .sort();
}

async function readDataFile<Schema extends z.ZodType>(
  root: string,
  file: string,
  schema: Schema,
  log: ProblemLog,
  checkFields: (data: LocatedData, warn: Reporter) => void,
): Promise<{ value: z.output<Schema>; report: Reporter } | undefined> {
  const fullPath = path.join(root, file);
  if (!existsSync(fullPath)) {
    log.reporter("error", file)(undefined, "is missing — create it as the content model describes");
    return undefined;
  }
  const text = normaliseText(await readFile(fullPath, "utf8"));
  try {
    JSON.parse(text);
  } catch (cause) {
    const position = Number(/position (\d+)/.exec(String(cause))?.[1] ?? 0);
    const line = text.slice(0, position).split("\n").length;
    log.reporter("error", file)(undefined, `is not valid JSON: ${(cause as Error).message.replace(/ in JSON at position \d+.*$/, "")} — check the commas and quotes around line ${line}`, line);
    return undefined;
  }
  const located = parseLocated(text);
  checkFields(located, log.reporter("warning", file, located));
  const report = log.reporter("error", file, located);
  const parsed = schema.safeParse(located.data, { error: contentErrorMap((field) => `add "${field}" to ${file}`) });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(issue.path.join(".") || undefined, issue.message, issue.path);
    return undefined;
  }
  return { value: parsed.data, report };
}
