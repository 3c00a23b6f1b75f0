// One post file read on its own: its front matter parsed and checked, its body examined, its
// article described. Everything here depends only on the file's path and text, the site's time
// zone and embed hosts (and the kit's code), so a reading is plain data the content cache
// keeps between checks (cache.ts). What a file says about the rest of the publication — its
// authors, categories and files, URLs other articles write — is checked in load.ts every time.
import { describeArticle, readFileName, type ArticleRecord } from "./article.ts";
import type { Reporter } from "./file-references.ts";
import { warnEscapedControlCharacters, warnUnknownFields } from "./field-warnings.ts";
import { normaliseText, parseSourceFile, type SourceFile } from "./front-matter.ts";
import { SyntaxProblem, type LocatedData } from "./located.ts";
import type { Problem } from "./problems.ts";
import { contentErrorMap, frontMatterSchema, KNOWN_FIELDS } from "./schema.ts";
import { FIELD_SYNONYMS, readAsOurs } from "./synonyms.ts";
import { parseContentDate } from "../dates/index.ts";
import { examineBody, findMarkers, splitAtMarkers } from "../markdown/index.ts";
import { isReservedSlug, toSlug } from "../urls/index.ts";

/** What the file alone tells besides its text: the site's settings a reading depends on. */
export interface ReadingSettings {
  timezone: string;
  /** site.json `embedHosts`: iframes from other hosts are removed from bodies (and reported). */
  embedHosts?: readonly string[];
}

/** A problem of the file, without the file's name. */
export type FileProblem = Omit<Problem, "file">;

/** Where a reference to the rest of the publication is written: its value and its line. */
interface Written<Value = string> {
  value: Value;
  line: number;
}

export interface ArticleReading {
  /** Problems of the front matter, reported before the article's references are checked. */
  problems: FileProblem[];
  /** Present when the front matter makes an article (even one with problems). */
  article?: ArticleFacts;
}

export interface ArticleFacts {
  record: ArticleRecord;
  /** "warning" for a draft (its problems do not stop the build), else "error". */
  severity: Problem["severity"];
  /** Problems of the article's fields, reported after its references (authors, categories, lead image). */
  fieldProblems: FileProblem[];
  /** Problems of the body, reported after the files it uses. */
  bodyProblems: FileProblem[];
  /** How many of the problems above leave the article out. */
  blocking: number;
  /** What the front matter refers to, for the check against _data/ and the publication's files. */
  references: {
    /** The field as written: `author` or `authors`. */
    authorField: string | undefined;
    authors: Written[];
    category: Written;
    categories: Written[];
    image?: Written;
  };
  /** The files the body uses: local images and links, at their lines of the body. */
  bodyFiles: { images: Written[]; links: Written[] };
  /** Line of the file where the body starts, and where it starts in the normalised text (`bodyOf`). */
  bodyLine: number;
  bodyStart: number;
  /** The line of each alias of `record.aliases`, and of each tag as written. */
  aliasLines: number[];
  tagLines: number[];
}

/** A path segment of the site (a slug) is a folder name in the output: file systems allow 255 bytes. */
const MAX_SEGMENT_BYTES = 255;

/** The body of a post's text (as read, before normalising), from its reading. */
export const bodyOf = (text: string, facts: ArticleFacts): string => normaliseText(text).slice(facts.bodyStart);

/** `text`: the file's text, decoded. */
export function readArticleFile(file: string, text: string, settings: ReadingSettings): ArticleReading {
  const problems: FileProblem[] = [];
  const reporter =
    (into: FileProblem[], severity: Problem["severity"], located?: Pick<LocatedData, "lineOf">): Reporter =>
    (field, message, at) => {
      const line = typeof at === "number" ? at : at && located ? located.lineOf(at) : undefined;
      into.push({ severity, field, message, line });
    };

  let source: SourceFile;
  try {
    source = parseSourceFile(text);
  } catch (cause) {
    if (!(cause instanceof SyntaxProblem)) throw cause;
    reporter(problems, looksLikeDraft(text) ? "warning" : "error")(undefined, cause.message, cause.line);
    return { problems };
  }
  warnEscapedControlCharacters(source, reporter(problems, "warning", source));
  const fileName = readFileName(file);
  const ours = readAsOurs(source.data, fileName, source.format);
  // Problems in a draft do not stop the build: the draft is left out until they are fixed.
  const severity = (ours.data as { draft?: unknown } | undefined)?.draft === true ? "warning" : "error";
  const located = { lineOf: (path: readonly PropertyKey[]) => source.lineOf(ours.writtenPath(path)) };
  const fieldName = (path: readonly PropertyKey[]) => ours.writtenPath(path).join(".") || undefined;

  warnUnknownFields(source, [], KNOWN_FIELDS.frontMatter, reporter(problems, "warning", located), Object.keys(FIELD_SYNONYMS));
  warnUnknownFields(source, ["image"], KNOWN_FIELDS.image, reporter(problems, "warning", located));

  let blocking = 0;
  /** A problem that leaves the article out. */
  const blocker = (into: FileProblem[]): Reporter => {
    const report = reporter(into, severity, located);
    return (...args) => {
      blocking++;
      report(...args);
    };
  };
  for (const note of ours.notes) {
    const report = note.severity === "error" ? blocker(problems) : reporter(problems, "warning", source);
    report(note.path.join("."), note.message, note.path);
  }

  const addHint = (field: string) =>
    field === "date" ? "add `date:` to the front matter, or start the file name with the date (2025-03-04-slug.md)" : `add \`${field}:\` to the front matter`;
  const parsed = frontMatterSchema.safeParse(ours.data, { error: contentErrorMap(addHint) });
  if (!parsed.success) {
    const report = blocker(problems);
    for (const issue of parsed.error.issues) report(fieldName(issue.path), issue.message, issue.path);
    return { problems };
  }
  const frontMatter = parsed.data;
  const markers = findMarkers(source.body);
  const { parts, partLines } = splitAtMarkers(source.body, markers);
  const dates = { date: parseContentDate(frontMatter.date, settings.timezone), updated: frontMatter.updated === undefined ? undefined : parseContentDate(frontMatter.updated, settings.timezone) };
  const record = describeArticle(fileName.slug, frontMatter, { markers, parts }, dates);

  const fieldProblems: FileProblem[] = [];
  const report = blocker(fieldProblems);
  if (frontMatter.image?.alt === "") {
    reporter(fieldProblems, "warning", located)("image.alt", "is empty, so the image is marked decorative and screen readers skip it — describe it if it shows something the story needs", ["image", "alt"]);
  }
  const slugLine = frontMatter.slug === undefined ? 1 : ["slug"];
  if (!record.slug) report("slug", "is empty once punctuation is removed — set `slug:` to a few words", slugLine);
  else if (isReservedSlug(record.slug)) {
    report("slug", `"${record.slug}" is reserved for site URLs — ${frontMatter.slug === undefined ? "rename the file or " : ""}set another \`slug:\``, slugLine);
  }
  if (record.updated !== undefined && record.updated < record.date) report("updated", "is before `date` — an update cannot come before publication", ["updated"]);
  for (const [field, date] of [["date", dates.date], ["updated", dates.updated]] as const) {
    // Years before 1000 have no four-digit form for the article's and the archive's URLs.
    if (date && date.year < 1000) report(field, `the year ${date.year} is before 1000, which the site's addresses cannot hold — write the full four-digit year`, [field]);
  }
  if (Buffer.byteLength(record.slug) > MAX_SEGMENT_BYTES) report("slug", `makes an address part of ${Buffer.byteLength(record.slug)} bytes, more than the ${MAX_SEGMENT_BYTES} a file name may have — set a shorter \`slug:\``, slugLine);
  frontMatter.tags.forEach((tag, index) => {
    const slug = toSlug(tag.trim().replace(/\s+/g, " "));
    if (!slug) report(fieldName(["tags"]), `"${tag}" has no letter or digit to make its address /tag/…/ from — write the tag in words`, ["tags", index]);
    else if (Buffer.byteLength(slug) > MAX_SEGMENT_BYTES) report(fieldName(["tags"]), `"${tag.slice(0, 40)}…" makes an address part of ${Buffer.byteLength(slug)} bytes, more than the ${MAX_SEGMENT_BYTES} a file name may have — shorten the tag`, ["tags", index]);
  });

  // The body is read once for what the cleaning will change and for the files it points at.
  const examination = examineBody(source.body, { embedHosts: settings.embedHosts });
  const bodyProblems: FileProblem[] = [];
  const reportBody = blocker(bodyProblems);
  const warnBody = reporter(bodyProblems, "warning", located);
  if (parts.every((part) => part === "")) reportBody(undefined, "the article has no text — write it below the front matter", source.bodyLine);
  else {
    parts.forEach((part, index) => {
      if (part === "") reportBody(undefined, `page ${index + 1} of the article is empty — remove the extra <!--nextpage--> marker`, source.bodyLine + partLines[index]! - 2);
    });
  }
  frontMatter.aliases.forEach((alias, index) => {
    if (frontMatter.aliases.indexOf(alias) < index) warnBody(fieldName(["aliases"]), `${alias} is listed twice — remove one`, ["aliases", index]);
  });
  // What the build will change in the body, at the body's lines.
  for (const finding of examination.findings) (finding.severity === "error" ? reportBody : warnBody)(undefined, finding.message, source.bodyLine + finding.line - 1);

  return {
    problems,
    article: {
      record,
      severity,
      fieldProblems,
      bodyProblems,
      blocking,
      references: {
        authorField: fieldName(["author"]),
        authors: frontMatter.author.map((value, index) => ({ value, line: located.lineOf(["author", index]) })),
        category: { value: frontMatter.category, line: located.lineOf(["category"]) },
        categories: frontMatter.categories.map((value, index) => ({ value, line: located.lineOf(["categories", index]) })),
        image: frontMatter.image && { value: frontMatter.image.src, line: located.lineOf(["image", "src"]) },
      },
      bodyFiles: {
        images: examination.references.images.map(({ src, line }) => ({ value: src, line })),
        links: examination.references.links.map(({ href, line }) => ({ value: href, line })),
      },
      bodyLine: source.bodyLine,
      bodyStart: source.bodyStart,
      // Article.aliases holds each path once, at its first line.
      aliasLines: record.aliases.map((alias) => located.lineOf(["aliases", frontMatter.aliases.indexOf(alias)])),
      tagLines: frontMatter.tags.map((_, index) => source.lineOf(["tags", index])),
    },
  };
}

/** Before the front matter parses: is it a draft? (`draft: true` or TOML's `draft = true`, a comment after it allowed). */
function looksLikeDraft(raw: string): boolean {
  return /^draft\s*[:=]\s*true\s*(#.*)?$/m.test(normaliseText(raw).split(/\n(?:---|\+\+\+)/)[0] ?? "");
}
