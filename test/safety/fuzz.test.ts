// Random front matter and bodies — control characters, deep nesting, huge values, odd Unicode,
// bytes that are not UTF-8 — thrown at the content loader: it never throws anything but its
// report, and every problem names a file. Then a few random valid articles are built, and
// every feed and sitemap they give must be well-formed XML.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { loadPublication } from "../../src/content/load.ts";
import { ContentError, type Problem } from "../../src/content/problems.ts";
import { toSlug } from "../../src/urls/index.ts";
import { makePublication, runBuild, TEST_NOW, tempDir } from "../helpers/build.ts";
import { allFiles } from "../helpers/site.ts";
import { parseXml } from "../helpers/xml.ts";

const now = DateTime.fromISO(TEST_NOW, { setZone: true });

/** Text editors' tools produce: any code point, control characters and markers among them. */
const oddText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: fc.constantFrom("\0", "\x01", "\f", "\x1b", "\x7f", "\x85", "\uFFFE", "\uFFFF", "\u2028", "\u202e", "\uFEFF", "é", "e\u0301", "👩🏽‍💻", "#", ":", "-", "'", '"', "&", "*", "!", "|", ">", "{", "[", "\\", "\t", "\n", " ", "a") }),
  fc.constantFrom("<!--more-->", "<!--nextpage-->", "```", "~~~", "<script>", "<!--", "]]>", "&#1;", "&#xFFFE;", "{{ x }}", "{% raw %}", "---", "+++", "*a", "&a a"),
  fc.integer({ min: 1_000, max: 200_000 }).map((length) => "long ".repeat(length / 5)),
);

/** A value of a front-matter field: text, numbers, booleans, dates, lists and groups nested deeply. */
const fieldValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", maxDepth: 40 }, oddText, fc.double(), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), tie("list"), tie("group")),
  list: fc.array(tie("value"), { maxLength: 4 }),
  group: fc.dictionary(fc.oneof(fc.constantFrom("title", "date", "author", "category", "tags", "image", "src", "alt", "draft", "slug", "aliases", "__proto__", "constructor"), oddText), tie("value"), { maxKeys: 4 }),
})).value;

const FIELDS = ["title", "date", "updated", "author", "category", "categories", "tags", "description", "image", "aliases", "slug", "draft", "excerpt", "layout", "constructor", "__proto__"];

/** Front matter as YAML (flow values from JSON, or text as typed), as TOML, or not closed at all. */
const frontMatter = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), fieldValue, { maxKeys: 8 }).map((fields) => `---\n${Object.entries(fields).map(([key, value]) => `${key}: ${JSON.stringify(value) ?? "null"}`).join("\n")}\n---\n`),
  fc.array(fc.tuple(fc.constantFrom(...FIELDS), oddText), { maxLength: 8 }).map((lines) => `---\n${lines.map(([key, value]) => `${key}: ${value}`).join("\n")}\n---\n`),
  fc.array(fc.tuple(fc.constantFrom(...FIELDS), oddText), { maxLength: 4 }).map((lines) => `+++\n${lines.map(([key, value]) => `${key} = ${JSON.stringify(value)}`).join("\n")}\n+++\n`),
  oddText,
);

/** A body: odd text, nesting past any parser's limit, markers in and out of code. */
const body = fc.array(
  fc.oneof(
    oddText,
    fc.integer({ min: 1, max: 3_000 }).map((depth) => `${"> ".repeat(depth)}deep\n`),
    fc.integer({ min: 1, max: 1_000 }).map((depth) => Array.from({ length: depth }, (_, level) => `${"  ".repeat(level)}- item`).join("\n")),
    fc.integer({ min: 1, max: 2_000 }).map((depth) => `${"<div>".repeat(depth)}x`),
    fc.constantFrom("```\n<!--nextpage-->\n```\n", "![img](../../../../etc/passwd)", "[link](/files/../../x.pdf)", "![a](/img/posts/gavel.svg)"),
  ),
  { maxLength: 6 },
).map((pieces) => pieces.join("\n\n"));

/** Bytes that are not always UTF-8: text, or text with a Latin-1 byte or a cut multi-byte sequence. */
const fileBytes = fc.tuple(frontMatter, body, fc.constantFrom("utf8", "latin1 é", "cut")).map(([head, text, encoding]) => {
  const bytes = Buffer.from(head + text, "utf8");
  if (encoding === "utf8") return bytes;
  if (encoding === "cut") return Buffer.concat([bytes, Buffer.from("é", "utf8").subarray(0, 1)]);
  return Buffer.concat([bytes, Buffer.from([0xe9])]);
});

describe("the content loader under random input", () => {
  const root = makePublication({});

  it("reports problems, each with a file name, and never throws anything else", async () => {
    const known = new Set(["posts/fuzz.md", "posts/other.md", "_data/site.json", "_data/authors.json", "_data/categories.json"]);
    await fc.assert(
      fc.asyncProperty(fc.array(fileBytes, { minLength: 1, maxLength: 2 }), async (files) => {
        rmSync(path.join(root, "posts"), { recursive: true, force: true });
        makePublicationPosts(root, files);
        let problems: Problem[];
        try {
          const publication = await loadPublication(root, { now });
          problems = publication.warnings;
          // What loads is free of control characters: feeds built from it stay well-formed.
          for (const article of [...publication.articles, ...publication.drafts, ...publication.scheduled]) {
            expect(`${article.title}${article.description ?? ""}${article.parts.join("")}`).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/);
          }
        } catch (error) {
          if (!(error instanceof ContentError)) throw error;
          problems = error.problems;
        }
        for (const problem of problems) {
          expect(known.has(problem.file), `${problem.file}: ${problem.message}`).toBe(true);
          expect(problem.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  }, 300_000);
});

function makePublicationPosts(root: string, files: readonly Buffer[]): void {
  const posts = path.join(root, "posts");
  mkdirSync(posts, { recursive: true });
  files.forEach((bytes, index) => writeFileSync(path.join(posts, index === 0 ? "fuzz.md" : "other.md"), bytes));
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
/** Text with a letter or digit once control characters are gone: a valid title or tag. */
const wordyText = fc.string({ unit: "binary", minLength: 1, maxLength: 40 }).filter((text) => /[\p{L}\p{N}]/u.test(text.replace(CONTROL, "")));

/** A valid article with random text: any Unicode, control characters, a date from 1850 on. */
const validArticle = fc.record({
  title: wordyText,
  tags: fc.array(wordyText.filter((tag) => toSlug(tag.replace(CONTROL, "").trim().replace(/\s+/g, " ")) !== "" && Buffer.byteLength(toSlug(tag)) <= 255), { maxLength: 3 }),
  date: fc.date({ min: new Date("1850-01-01T00:00:00Z"), max: new Date("2026-11-01T00:00:00Z"), noInvalidDate: true }),
  body: fc.string({ unit: "binary", maxLength: 300 }),
});

describe("feeds built from random valid articles", () => {
  it("are well-formed XML (and JSON) every time", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(validArticle, { minLength: 1, maxLength: 3 }), async (articles) => {
        const posts = Object.fromEntries(
          articles.map((article, index) => [
            `story-${index + 1}.md`,
            [
              "---",
              `title: ${JSON.stringify(article.title)}`,
              `date: ${DateTime.fromJSDate(article.date, { zone: "America/New_York" }).toFormat("yyyy-MM-dd'T'HH:mm:ss")}`,
              "author: maya-okafor",
              "category: statehouse",
              `tags: ${JSON.stringify(article.tags)}`,
              "---",
              "The opening paragraph.",
              "",
              article.body,
              "",
            ].join("\n"),
          ]),
        );
        const output = path.join(tempDir("out"), "_site");
        const build = runBuild(makePublication(posts), output);
        expect(build.status, build.stderr).toBe(0);
        const files = allFiles(output);
        for (const file of files.filter((name) => name.endsWith(".xml"))) expect(() => parseXml(readFileSync(path.join(output, file), "utf8")), file).not.toThrow();
        expect(() => JSON.parse(readFileSync(path.join(output, "feed.json"), "utf8"))).not.toThrow();
      }),
      // Each run is a build of its own: a few are enough next to the loader's 150.
      { numRuns: 3 },
    );
  }, 300_000);
});
