// The changes a newsroom makes between two builds, applied to a generated publication for the
// bench's warm rebuilds: a new story, a correction to an old one, an author's new bio.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";

/** What an edit changed, for the bench's report. */
export interface Edit {
  /** The file written, relative to the publication. */
  file: string;
  /** The first author of the article written or edited. */
  authorId: string;
}

const DATE_LINE = /^date: (.+)$/m;
const TITLE_LINE = /^title: (.+)$/m;

/** The generated articles of one year's folder (posts/<yyyy>/), with their dates. */
function datedArticles(root: string, year: string): { file: string; date: DateTime }[] {
  const folder = path.join(root, "posts", year);
  return readdirSync(folder)
    .filter((name) => name.endsWith(".md"))
    .map((name) => {
      const file = path.posix.join("posts", year, name);
      return { file, date: DateTime.fromISO(DATE_LINE.exec(readFileSync(path.join(root, file), "utf8"))![1]!, { setZone: true }) };
    });
}

const years = (root: string) => readdirSync(path.join(root, "posts")).filter((name) => /^\d{4}$/.test(name)).sort();

function firstAuthor(text: string): string {
  return /^author: \[?([\w-]+)/m.exec(text)![1]!;
}

/** The newest article's date. */
function newestDate(root: string): DateTime {
  return DateTime.max(...datedArticles(root, years(root).at(-1)!).map(({ date }) => date))!;
}

/**
 * The day after: one new article, an hour newer than all the others (a copy of the first
 * generated file with a new date and slug).
 */
export function addOneArticle(root: string): Edit {
  const posts = path.join(root, "posts");
  const source = (readdirSync(posts, { recursive: true }) as string[]).filter((file) => file.endsWith(".md")).sort()[0]!;
  const date = newestDate(root).plus({ hours: 1 });
  const text = readFileSync(path.join(posts, source), "utf8").replace(DATE_LINE, `date: ${date.toISO({ suppressMilliseconds: true })}`);
  const file = path.posix.join("posts", date.toFormat("yyyy"), "the-day-after.md");
  writeFileSync(path.join(root, file), text);
  return { file, authorId: firstAuthor(text) };
}

/**
 * A correction to a story from about three years before the newest: a new headline and one
 * sentence of its last paragraph rewritten.
 */
export function editOldArticle(root: string): Edit {
  const target = newestDate(root).minus({ years: 3 });
  const candidates = [target.year - 1, target.year, target.year + 1].map(String).filter((year) => years(root).includes(year));
  const distance = (date: DateTime) => Math.abs(date.toMillis() - target.toMillis());
  const { file } = candidates.flatMap((year) => datedArticles(root, year)).sort((a, b) => distance(a.date) - distance(b.date))[0]!;
  const text = readFileSync(path.join(root, file), "utf8");
  const title = JSON.parse(TITLE_LINE.exec(text)![1]!) as string;
  const paragraphs = text.trimEnd().split("\n\n");
  // The first sentence of its last paragraph of prose (not a heading, quote, list or a quote's lead-in).
  const firstSentence = /^[A-Z][^.\n]*\./;
  const last = paragraphs.map((paragraph) => firstSentence.test(paragraph)).lastIndexOf(true);
  paragraphs[last] = paragraphs[last]!.replace(firstSentence, "The figures in this story were corrected after publication.");
  const edited = `${paragraphs.join("\n\n")}\n`.replace(TITLE_LINE, `title: ${JSON.stringify(`Corrected: ${title}`)}`);
  writeFileSync(path.join(root, file), edited);
  return { file, authorId: firstAuthor(text) };
}

/** A new first sentence in one author's bio (_data/authors.json). */
export function changeAuthorBio(root: string, authorId: string): Edit {
  const file = "_data/authors.json";
  const authors = JSON.parse(readFileSync(path.join(root, file), "utf8")) as Record<string, { bio?: string }>;
  const author = authors[authorId];
  if (!author) throw new Error(`${file}: no author "${authorId}" — the bench edits an author who has articles`);
  author.bio = `Joined the newsroom's data desk this spring. ${author.bio ?? ""}`.trimEnd();
  writeFileSync(path.join(root, file), JSON.stringify(authors, null, 2));
  return { file, authorId };
}
