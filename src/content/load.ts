// Reads a publication folder (_data/*.json, posts/**/*.md) into one validated, typed model.
// Every problem is collected, never thrown one at a time, so editors see them all at once.
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { DateTime } from "luxon";
import type { z } from "zod";
import { authorsSchema, categoriesSchema, contentErrorMap, ID_PATTERN, idMessage, KNOWN_FIELDS, pageSchema, siteSchema, type Author, type Category, type SiteConfig } from "./schema.ts";
import { normaliseText, parseSourceFile, type SourceFile } from "./front-matter.ts";
import { SyntaxProblem, type LocatedData } from "./located.ts";
import { parseYaml } from "./yaml.ts";
import { articleOf, type Article, type BodyFile } from "./article.ts";
import { bodyOf, readArticleFile, type ArticleFacts, type ArticleReading, type FileProblem, type ReadingSettings } from "./article-reading.ts";
import { ContentCache, digestOf, readingKey, type ContentCacheOptions } from "./cache.ts";
import { warnEscapedControlCharacters, warnUnknownFields } from "./field-warnings.ts";
import { FileReferences } from "./file-references.ts";
import { PublicationFiles } from "./paths.ts";
import { encodingMessage, readSourceText, removedMessages } from "./source-text.ts";
import { cacheFolder } from "../images/index.ts";
import { ContentError, closestName, unknownReference, type Problem } from "./problems.ts";
import { messageIds, Messages, overrideProblems, overridesSchema, type Catalogue, type Message } from "../i18n/index.ts";
import { articlePartUrl, isReservedPageSlug, pageUrl, tagUrl, toSlug } from "../urls/index.ts";
import { buildPage, pageSlugOf, type StaticPage } from "./page.ts";
import { contrastProblems } from "./theme.ts";

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
  /** Static pages (pages/*.md), by slug. */
  pages: StaticPage[];
  /** Problems that do not stop the build. */
  warnings: Problem[];
  /** The interface in the site's language, with the publisher's _data/messages.json. */
  messages: Messages;
}

export interface LoadOptions {
  /** The build's clock: articles dated after it are scheduled. */
  now: DateTime;
  /** Preview builds publish drafts and scheduled articles too. */
  includeUnpublished?: boolean;
  /** Where readings of unchanged posts are kept between checks (cache.ts); without it every post is read. */
  cache?: ContentCacheOptions;
}

/** A site path such as /img/a.svg (or img/a.svg) as a file in the publication folder. */
export function sitePathToFile(root: string, sitePath: string): string {
  return path.join(root, sitePath.replace(/^\/+/, ""));
}

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
    warnUnknownFields(data, ["theme"], KNOWN_FIELDS.theme, warn);
    const menu = (data.data as { menu?: unknown }).menu;
    if (Array.isArray(menu)) menu.forEach((_, index) => warnUnknownFields(data, ["menu", String(index)], KNOWN_FIELDS.menuItem, warn));
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

  const overrides = await readMessageOverrides(root, site?.value.language, log);

  const fileReferences = new FileReferences(root);
  for (const [id, author] of Object.entries(authors?.value ?? {})) {
    if (author.avatar) fileReferences.image(author.avatar, { field: `${id}.avatar`, report: authors!.report, at: [id, "avatar"] }, { decoded: true });
  }
  if (authors) checkReservedIds(authors.value, authors.report);
  if (categories) checkReservedIds(categories.value, categories.report);

  if (site) checkTheme(root, site.value, site.report);
  const pages = await readPages(root, log);
  if (site && categories) checkMenu(site.value, site.report, categories.value, pages);

  // With an unusable site.json the posts are still checked, their dates read in UTC.
  const settings: ReadingSettings = { timezone: site?.value.timezone ?? "UTC", embedHosts: site?.value.embedHosts };
  const cache = options.cache && (await ContentCache.open(root, options.cache));
  const articles: Article[] = [];
  const lines = new Map<Article, ListLines>();
  const files = await listFiles(root, "posts", log);
  const posts = files.filter((name) => name.endsWith(".md"));
  // Reading many files at once keeps the disk busy; parsing them stays in file order.
  const contents = await readAll(posts.map((file) => path.join(root, file)));
  for (const [index, file] of posts.entries()) {
    const bytes = contents[index]!;
    const text = decodeEditorFile(file, bytes, log);
    if (text === undefined) continue;
    const digest = digestOf(bytes);
    const readAlone = () => readArticleFile(file, text, settings);
    const reading = cache ? cache.reading(readingKey(file, digest, settings), readAlone) : readAlone();
    const read = readArticle(fileReferences, { file, text, digest, reading }, settings.timezone, { authors: authors?.value, categories: categories?.value }, log);
    if (read) {
      articles.push(read.article);
      lines.set(read.article, read.lines);
    }
  }
  // Images and attachments beside the posts are published with the articles that use them.
  const used = new Set(articles.flatMap((article) => article.files.map((bodyFile) => bodyFile.sitePath.slice(1))));
  for (const file of files.filter((name) => !name.endsWith(".md") && !used.has(name))) {
    log.reporter("warning", file)(undefined, "is not an article (.md) and no article links to it, so it is not published — rename it to .md, link to it from an article, or move images to img/");
  }

  // Images that do not decode stop the build here, not halfway through encoding them.
  const withBrokenImages = await fileReferences.inspectImages({ maxPixels: site?.value.maxImagePixels ?? siteSchema.shape.maxImagePixels.parse(undefined), cache: cacheFolder(root) });
  // A draft is left out with its broken image (its problems are warnings).
  for (let index = articles.length - 1; index >= 0; index--) if (withBrokenImages.has(articles[index]!)) articles.splice(index, 1);

  checkUrlCollisions(articles, log);
  checkAliases(articles, log);
  mergeTagSpellings(articles, lines, log);
  await cache?.save();

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
    pages,
    warnings: log.problems,
    messages: new Messages(site.value.language, overrides),
  };
}

const MESSAGES_FILE = "_data/messages.json";

/**
 * `_data/messages.json`, when there is one: the publisher's wording of interface messages, by
 * message id. An unknown id is a warning (and ignored); a placeholder the message does not have
 * is an error.
 */
async function readMessageOverrides(root: string, language: string | undefined, log: ProblemLog): Promise<Catalogue> {
  if (!existsSync(path.join(root, MESSAGES_FILE))) return {};
  const ids = messageIds();
  const read = await readDataFile(root, MESSAGES_FILE, overridesSchema, log, (data, warn) => {
    for (const key of data.keysAt([])) {
      if (ids.includes(key.name)) continue;
      const suggestion = closestName(key.name, ids);
      warn(key.name, `unknown message id, ignored — ${suggestion ? `did you mean \`${suggestion}\`?` : "use an id of src/i18n/en.json"}`, key.line);
    }
  });
  if (!read || !language) return {};
  const known = Object.entries(read.value).filter(([id]) => ids.includes(id)) as [string, Message][];
  for (const [id, message] of known) for (const problem of overrideProblems(id, message, language)) read.report(id, problem, [id]);
  return Object.fromEntries(known);
}

interface References {
  authors?: Record<string, Author>;
  categories?: Record<string, Category>;
}

/** Lines of the items of an article's lists, for problems found once every file is read. */
interface ListLines {
  tags: number[];
}

/** A post file as read this time, and what reading it on its own found (perhaps in the cache). */
interface PostFile {
  file: string;
  text: string;
  digest: string;
  reading: ArticleReading;
}

/**
 * A post's problems, and its article when it has none that leave it out: what the file alone
 * says (its reading), and what it says of the rest of the publication — its authors and
 * categories, the files it uses — checked now. Problems are reported in the file's order.
 */
function readArticle(files: FileReferences, { file, text, digest, reading }: PostFile, timezone: string, references: References, log: ProblemLog): { article: Article; lines: ListLines } | undefined {
  const replay = (problems: readonly FileProblem[]) => {
    for (const { severity, field, message, line } of problems) log.problems.push({ severity, file, field, message, line });
  };
  replay(reading.problems);
  const facts: ArticleFacts | undefined = reading.article;
  if (!facts) return undefined;
  const article = articleOf(file, digest, facts.record, bodyOf(text, facts), timezone);

  let problems = facts.blocking;
  const reportError = log.reporter(facts.severity, file);
  const report: Reporter = (...args) => {
    problems++;
    reportError(...args);
  };
  const { authorField, authors, category, categories, image } = facts.references;
  for (const author of authors) checkReference("author", author.value, references.authors, "_data/authors.json", report, authorField, author.line);
  checkReference("category", category.value, references.categories, "_data/categories.json", report, "category", category.line);
  for (const other of categories) checkReference("category", other.value, references.categories, "_data/categories.json", report, "categories", other.line);
  if (image) files.image(image.value, { field: "image.src", report, at: image.line, owner: article }, { decoded: true });
  replay(facts.fieldProblems);
  article.files = bodyFiles(files, file, facts.bodyLine, facts.bodyFiles, article, report);
  replay(facts.bodyProblems);
  if (problems > 0) return undefined;
  article.aliasLines = facts.aliasLines;
  return { article, lines: { tags: facts.tagLines } };
}

/**
 * An author or category id must name one in _data/. When it does not, the message suggests the
 * id that was probably meant: one whose name is what the editor wrote (`Maya Okafor`), or the
 * closest id or name.
 */
function checkReference(
  kind: "author" | "category",
  value: string,
  records: Record<string, { name: string }> | undefined,
  dataFile: string,
  report: Reporter,
  field: string | undefined,
  line: number,
): void {
  if (records ? Object.hasOwn(records, value) : ID_PATTERN.test(value)) return;
  report(field, records ? unknownReference(kind, value, records, dataFile) : idMessage(toSlug(value) || undefined), line);
}

/** An image the site shows as it is (a logo): a file inside the publication. */
function checkImageFile(root: string, src: string, field: string, report: Reporter, at: readonly PropertyKey[]): void {
  new FileReferences(root).image(src, { field, report, at }, { decoded: false });
}

/** Names of every JavaScript object's own machinery that an id could spell: looked up by name, they are never an author's or a category's. */
const RESERVED_IDS = new Set(["constructor", "prototype"]);

function checkReservedIds(records: Record<string, unknown>, report: Reporter): void {
  for (const id of Object.keys(records)) {
    if (RESERVED_IDS.has(id)) report(id, `"${id}" is a reserved word — choose another id, e.g. ${id}-desk`, [id]);
  }
}

/**
 * The files of the publication a body uses — images, and links to files (attachments) — each
 * checked to stay inside the publication; published with the article, so a draft's or a
 * scheduled story's files stay private until it is out.
 */
function bodyFiles(files: FileReferences, file: string, firstLine: number, { images, links }: ArticleFacts["bodyFiles"], article: Article, report: Reporter): BodyFile[] {
  // By reference as the body writes it: the renderer looks each one up.
  const found = new Map<string, BodyFile>();
  const lineOf = (bodyLine: number) => firstLine + bodyLine - 1;
  for (const image of images) {
    const published = files.image(image.value, { field: undefined, report, at: lineOf(image.line), owner: article }, { from: file, decoded: true });
    if (published) found.set(image.value, { ...published, reference: image.value });
  }
  for (const link of links) {
    const published = files.link(link.value, report, lineOf(link.line), file);
    if (published) found.set(link.value, { ...published, reference: link.value });
  }
  return [...found.values()];
}

/** An editor's file as text: an error when it is not UTF-8, a warning for each line that lost control characters. */
function decodeEditorFile(file: string, bytes: Uint8Array, log: ProblemLog): string | undefined {
  const read = readSourceText(bytes);
  if ("encoding" in read) {
    log.reporter("error", file)(undefined, encodingMessage(read.encoding), read.encoding.line);
    return undefined;
  }
  for (const { line, message } of removedMessages(read.removed)) log.reporter("warning", file)(undefined, message, line);
  return read.text;
}

/** Every URL an article writes: page 1, pages 2..N and View all. */
function articleUrls(article: Article): string[] {
  if (article.parts.length === 1) return [article.url];
  return [...article.parts.map((_, index) => articlePartUrl(article.url, index + 1)), articlePartUrl(article.url, "all")];
}

/** An alias may not be a URL the site writes for an article, nor another article's alias. */
function checkAliases(articles: readonly Article[], log: ProblemLog): void {
  const pages = new Map<string, Article>();
  for (const article of articles) for (const url of articleUrls(article)) pages.set(url, article);
  const aliases = new Map<string, Article>();
  for (const article of articles) {
    article.aliases.forEach((alias, index) => {
      const report = log.reporter("error", article.file);
      const line = article.aliasLines[index];
      const page = pages.get(alias);
      const other = aliases.get(alias);
      if (page === article) report("aliases", `${alias} is this article's own URL — remove it`, line);
      else if (page) report("aliases", `${alias} is the URL of ${page.file} — remove the alias, or move that article with \`slug:\``, line);
      else if (other) report("aliases", `${alias} is also an alias of ${other.file} — keep it on one article only`, line);
      else aliases.set(alias, article);
    });
  }
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
function mergeTagSpellings(articles: readonly Article[], lines: Map<Article, ListLines>, log: ProblemLog): void {
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
    const tagLines = lines.get(article)?.tags ?? [];
    article.tags = article.tags.map((tag, index) => {
      const name = preferred.get(tag.slug)!;
      if (name !== tag.name) {
        log.reporter("warning", article.file)("tags", `"${tag.name}" and "${name}" share the URL ${tagUrl(tag.slug)} and are merged — write "${name}"`, tagLines[index]);
      }
      return { ...tag, name };
    });
  }
}

async function readAll(paths: readonly string[], concurrency = 64): Promise<Buffer[]> {
  const texts = new Array<Buffer>(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const index = next++;
      texts[index] = await readFile(paths[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, worker));
  return texts;
}

/** The files of a folder; a symbolic link is read when it names a file inside the publication, else an error. */
async function listFiles(root: string, folder: string, log: ProblemLog): Promise<string[]> {
  const dir = path.join(root, folder);
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const links = new PublicationFiles(root);
  const files: string[] = [];
  for (const entry of entries.filter((entry) => !entry.name.startsWith("."))) {
    const file = path.posix.join(folder, path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
    if (entry.isFile()) files.push(file);
    else if (entry.isSymbolicLink()) {
      const followed = links.followLink(file);
      if ("problem" in followed) log.reporter("error", file)(undefined, followed.problem);
      else files.push(file);
    }
  }
  return files.sort();
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
  const decoded = decodeEditorFile(file, await readFile(fullPath), log);
  if (decoded === undefined) return undefined;
  const text = normaliseText(decoded);
  try {
    JSON.parse(text);
  } catch (cause) {
    const position = Number(/position (\d+)/.exec(String(cause))?.[1] ?? 0);
    const line = text.slice(0, position).split("\n").length;
    log.reporter("error", file)(undefined, `is not valid JSON: ${(cause as Error).message.replace(/ in JSON at position \d+.*$/, "")} — check the commas and quotes around line ${line}`, line);
    return undefined;
  }
  let located: LocatedData;
  try {
    // JSON is read as YAML for its lines; YAML refuses what JSON.parse lets pass, a key written twice.
    located = parseYaml(text);
  } catch (cause) {
    if (!(cause instanceof SyntaxProblem)) throw cause;
    log.reporter("error", file)(undefined, cause.message.replace(/^YAML does not parse/, "is not valid JSON"), cause.line);
    return undefined;
  }
  warnEscapedControlCharacters(located, log.reporter("warning", file, located));
  checkFields(located, log.reporter("warning", file, located));
  const report = log.reporter("error", file, located);
  const parsed = schema.safeParse(located.data, { error: contentErrorMap((field) => `add "${field}" to ${file}`) });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(issue.path.join(".") || undefined, issue.message, issue.path);
    return undefined;
  }
  return { value: parsed.data, report };
}

/** The header's logos are files of the publication; each theme colour is readable on the background it is shown on. */
function checkTheme(root: string, site: SiteConfig, report: Reporter): void {
  if (site.logo) checkImageFile(root, site.logo, "logo", report, ["logo"]);
  const theme = site.theme ?? {};
  for (const field of ["logo", "logoDark"] as const) {
    const src = theme[field];
    if (src) checkImageFile(root, src, `theme.${field}`, report, ["theme", field]);
  }
  if (theme.logoDark && !(theme.logo ?? site.logo)) report("theme.logoDark", "replaces the logo in the dark scheme, and there is no logo — add theme.logo", ["theme", "logoDark"]);
  for (const field of ["accent", "link"] as const) {
    const colour = theme[field];
    if (colour === undefined) continue;
    for (const problem of contrastProblems(colour)) {
      const at = problem.inPair ? ["theme", field, problem.scheme] : ["theme", field];
      report(at.join("."), problem.message, at);
    }
  }
}

/** Every menu item names a category of categories.json or a page of pages/. */
function checkMenu(site: SiteConfig, report: Reporter, categories: Record<string, Category>, pages: readonly StaticPage[]): void {
  const slugs = pages.map((page) => page.slug);
  site.menu?.forEach((item, index) => {
    if (item.category !== undefined && !Object.hasOwn(categories, item.category)) {
      report(`menu.${index}.category`, unknownReference("category", item.category, categories, "_data/categories.json"), ["menu", index, "category"]);
    }
    if (item.page !== undefined && !slugs.includes(item.page)) {
      const suggestion = closestName(item.page, slugs);
      const fix = suggestion ? `did you mean \`${suggestion}\`?` : slugs.length ? `use one of: ${slugs.join(", ")}` : "write the page as pages/<slug>.md, or remove the item";
      report(`menu.${index}.page`, `unknown page "${item.page}" — ${fix}`, ["menu", index, "page"]);
    }
  });
}

/** Static pages: pages/<slug>.md, each at /<slug>/, a folder the site does not use for its own pages. */
async function readPages(root: string, log: ProblemLog): Promise<StaticPage[]> {
  const files = await listFiles(root, "pages", log);
  const pages = new Map<string, StaticPage>();
  for (const file of files) {
    if (!file.endsWith(".md") || file.split("/").length > 2) {
      log.reporter("warning", file)(undefined, "is not a page (pages/<slug>.md) and is not published — move it directly under pages/ as .md, or images to img/");
      continue;
    }
    const bytes = await readFile(path.join(root, file));
    let source: SourceFile;
    try {
      source = parseSourceFile(bytes.toString("utf8"));
    } catch (cause) {
      if (!(cause instanceof SyntaxProblem)) throw cause;
      log.reporter("error", file)(undefined, cause.message, cause.line);
      continue;
    }
    warnUnknownFields(source, [], KNOWN_FIELDS.page, log.reporter("warning", file, source));
    const report = log.reporter("error", file, source);
    const parsed = pageSchema.safeParse(source.data, { error: contentErrorMap((field) => `add \`${field}:\` to the front matter`) });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) report(issue.path.join(".") || undefined, issue.message, issue.path);
      continue;
    }
    const slug = pageSlugOf(file);
    const other = pages.get(slug);
    if (!slug) report(undefined, "the file name has no letter or digit — rename it, e.g. pages/about.md", 1);
    else if (isReservedPageSlug(slug)) report(undefined, `the page would be at ${pageUrl(slug)}, where the site keeps its own pages — rename the file, e.g. pages/about-${slug}.md`, 1);
    else if (other) report(undefined, `has the same URL ${pageUrl(slug)} as ${other.file} — rename one of them`, 1);
    else if (source.body.trim() === "") report(undefined, "the page has no text — write it below the front matter", source.bodyLine);
    else pages.set(slug, buildPage(file, digestOf(bytes), parsed.data, source.body));
  }
  return [...pages.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}
