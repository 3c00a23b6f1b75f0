// `newsroom new "Headline"`: a new draft article at posts/<yyyy>/<slug>.md, its front matter
// filled in (the date now in the site's zone, the given or the first author and category),
// ready to write. An existing file is never replaced.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DateTime } from "luxon";
import { stringify } from "yaml";
import { isoWithOffset } from "../dates/index.ts";
import { isReservedSlug, toSlug } from "../urls/index.ts";
import { unknownReference } from "./problems.ts";
import { authorsSchema, categoriesSchema, siteSchema } from "./schema.ts";

export interface NewArticleOptions {
  /** The publication folder. */
  root: string;
  headline: string;
  /** An author id; default: the first of _data/authors.json. */
  author?: string;
  /** A category id; default: the first of _data/categories.json. */
  category?: string;
  now: DateTime;
}

/** Why no article was written, worded for the editor. */
export class NewArticleError extends Error {}

/** Writes the draft and returns its path relative to the publication folder. */
export async function writeNewArticle(options: NewArticleOptions): Promise<string> {
  const { file, text } = await newArticle(options);
  const target = path.join(options.root, file);
  await mkdir(path.dirname(target), { recursive: true });
  try {
    // "wx": fails if the file exists, even one written a moment ago by someone else.
    await writeFile(target, text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    throw new NewArticleError(`${file} exists already — nothing written; edit that file, or give the new article another headline`);
  }
  return file;
}

/** The draft's path under the publication folder and its text. */
export async function newArticle({ root, headline, author, category, now }: NewArticleOptions): Promise<{ file: string; text: string }> {
  const title = headline.trim().replace(/\s+/g, " ");
  const slug = toSlug(title);
  if (!slug) throw new NewArticleError("the headline has no letter or digit — write the headline in quotes: newsroom new \"Council passes the budget\"");
  if (isReservedSlug(slug)) throw new NewArticleError(`"${slug}" is reserved for the site's own URLs — write a longer headline`);
  const site = await readData(root, "_data/site.json", siteSchema);
  const authors = await readData(root, "_data/authors.json", authorsSchema);
  const categories = await readData(root, "_data/categories.json", categoriesSchema);
  const authorId = pick("author", author, authors, "_data/authors.json");
  const categoryId = pick("category", category, categories, "_data/categories.json");
  const date = now.setZone(site.timezone);
  const fields = stringify({ title, date: isoWithOffset(date), author: authorId, category: categoryId }, { lineWidth: 0 });
  const text = ["---", fields.trimEnd(), "# tags: [a tag, another tag]", "# description: One sentence under the headline, also shown in cards and feeds.", "draft: true # delete this line to publish the article", "---", "", ""].join("\n");
  return { file: path.posix.join("posts", date.toFormat("yyyy"), `${slug}.md`), text };
}

function pick(kind: "author" | "category", wanted: string | undefined, records: Record<string, { name: string }>, dataFile: string): string {
  const ids = Object.keys(records);
  if (wanted === undefined) {
    if (!ids.length) throw new NewArticleError(`${dataFile} has no ${kind} — add one first`);
    return ids[0]!;
  }
  if (!Object.hasOwn(records, wanted)) throw new NewArticleError(`--${kind}: ${unknownReference(kind, wanted, records, dataFile)}`);
  return wanted;
}

async function readData<Schema extends typeof siteSchema | typeof authorsSchema | typeof categoriesSchema>(root: string, file: string, schema: Schema) {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path.join(root, file), "utf8"));
  } catch {
    throw new NewArticleError(`${file} is missing or is not valid JSON — run newsroom check in the publication folder (or name it with --content DIR)`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new NewArticleError(`${file} has problems — run newsroom check and fix them first`);
  return parsed.data as ReturnType<Schema["parse"]>;
}
