// The content cache (src/content/cache.ts): a check that reuses what an earlier one read of
// unchanged posts reports exactly what a check reading every file reports, and gives the same
// articles; a changed post is read again; a cache it cannot trust is not used.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { copyOfSample, makePublication, projectRoot, runScript } from "../../helpers/build.ts";
import { loadReport, post } from "../../validation/check.ts";

const cacheFile = (root: string) => path.join(root, ".cache/content/articles.json");

/** Posts that earn every kind of per-file outcome: warnings, drafts with problems, pages, markers, merged tags, other formats. */
const VARIED_POSTS: Record<string, string> = {
  "pages-and-markers.md": post(
    {
      tags: 'tags: ["Water Rights", budget]',
      aliases: "aliases: [/old/one/, /old/one/]",
      image: 'image:\n  src: /img/posts/ballot-box.svg\n  alt: ""',
    },
    'The lead, with <font color="red">a tag the build removes</font>.\n\n<!--more-->\n\n![](/img/posts/capitol-dome.svg)\n\n<!--nextpage-->\n\nPage two [[gallery ids="1,2"]].\n\n    <!--nextpage-->\n',
  ),
  "other-spelling.md": post({ tags: "tags: [water rights]", updated: "updated: 2025-05-02 08:00" }),
  "draft-with-problems.md": post({ draft: "draft: true", author: "authors: [nobody-here]" }),
  "scheduled.md": post({ date: "date: 2031-05-01T10:00:00-04:00" }),
  "2016-07-18-named-by-date.md": post({ date: null, summary: "summary: Read as the description." }),
  "toml.md": '+++\ntitle = "In TOML"\ndate = 2025-06-01T08:00:00-04:00\nauthor = "maya-okafor"\ncategory = "economy"\n+++\nBody.\n',
  "windows.md": "\uFEFF---\r\ntitle: Written on Windows\r\ndate: 2025-06-02\r\nauthor: maya-okafor\r\ncategory: courts\r\n---\r\nLine one.\r\n\r\n<!--more-->\r\nLine \u0007two.\r\n",
};

const load = (root: string, read: boolean, notices: string[] = []) => loadReport(root, { cache: { folder: path.join(root, ".cache/content"), read, notice: (message: string) => notices.push(message) } });

/** Without any cache: every file read, as before the cache existed. */
const loadUncached = (root: string) => loadReport(root);

/** Rewrites the cache file's readings (its header's checksum kept right), e.g. to tell whether a check used them. */
function editCache(root: string, edit: (header: Record<string, string>, readings: Record<string, { problems: unknown[] }>) => void): void {
  const [headerLine, body] = readFileSync(cacheFile(root), "utf8").split(/\n(.*)/s) as [string, string];
  const header = JSON.parse(headerLine) as Record<string, string>;
  const readings = JSON.parse(body) as Record<string, { problems: unknown[] }>;
  edit(header, readings);
  const newBody = JSON.stringify(readings);
  header.sha256 = createHash("sha256").update(newBody).digest("hex");
  writeFileSync(cacheFile(root), `${JSON.stringify(header)}\n${newBody}`);
}

const MARKER = { severity: "warning", message: "planted in the cache" };
const plantMarker = (root: string) => editCache(root, (_, readings) => Object.values(readings).forEach((reading) => reading.problems.push(MARKER)));

describe("the content cache", () => {
  it("gives the same problems and the same publication, read cold or from the cache", async () => {
    const root = copyOfSample({});
    for (const [file, text] of Object.entries(VARIED_POSTS)) writeFileSync(path.join(root, "posts", file), text);
    const uncached = await loadUncached(root);
    const cold = await load(root, true);
    const warm = await load(root, true);
    expect(uncached.report.length).toBeGreaterThan(8);
    expect(uncached.report).toContainEqual(expect.stringMatching(/^posts\/pages-and-markers\.md:\d+: warning: WordPress shortcode \[gallery ids="1,2"\] is shown as text/));
    expect(cold.report).toEqual(uncached.report);
    expect(warm.report).toEqual(uncached.report);
    expect(cold.publication).toBeDefined();
    expect(cold.publication).toStrictEqual(uncached.publication);
    expect(warm.publication).toStrictEqual(uncached.publication);

    const multiPage = warm.publication!.articles.find((article) => article.slug === "pages-and-markers")!;
    expect(multiPage.parts).toHaveLength(2);
    expect(multiPage.excerpt).toBe('The lead, with <font color="red">a tag the build removes</font>.');
    const otherSpelling = warm.publication!.articles.find((article) => article.slug === "other-spelling")!;
    expect(multiPage.tags[0]!.name).toBe(otherSpelling.tags[0]!.name);
    expect(warm.publication!.drafts.map((article) => article.file)).not.toContain("posts/draft-with-problems.md");
  });

  it("reports the same errors read cold or from the cache", async () => {
    const root = makePublication({
      "a.md": post({ author: "authors: [maya-okafur]", slug: "slug: tag" }, "Text with ![a chart](missing.png).\n"),
      "b.md": post({ image: "image: /img/posts/ballot-box.svg" }, "\n<!--nextpage-->\n\nText.\n"),
      "c.md": "---\ntitle: [unclosed\n---\nText.\n",
      "d.md": post({}, "Same URL as another.\n"),
      "e.md": post({ slug: "slug: d" }, "Same URL as d.\n"),
    });
    const uncached = await loadUncached(root);
    expect(uncached.report.filter((line) => !line.includes("warning:")).length).toBeGreaterThan(5);
    expect(uncached.report).toContain("posts/e.md: slug: writes the same URL /2025/05/d/ as posts/d.md — give one of them another `slug:`");
    expect((await load(root, true)).report).toEqual(uncached.report);
    expect((await load(root, true)).report).toEqual(uncached.report);
  });

  it("uses what it kept of an unchanged file, and reads a changed file again", async () => {
    const root = makePublication({ "a.md": post(), "b.md": post({ author: "authors: [maya-okafur]" }) });
    expect((await load(root, true)).report).toEqual(['posts/b.md:4: authors: unknown author "maya-okafur" — did you mean `maya-okafor`?', "1 error, 0 warnings"]);
    plantMarker(root);
    // The marker shows that the reading came from the cache: a's, unchanged, is used.
    writeFileSync(path.join(root, "posts/b.md"), post({}, "Fixed, but ![](/img/posts/ballot-box.svg) has no alt text.\n"));
    expect((await load(root, true)).report).toEqual([
      "posts/a.md: warning: planted in the cache",
      "posts/b.md:7: warning: image /img/posts/ballot-box.svg has no alt text — describe what it shows between the brackets: ![what it shows](/img/posts/ballot-box.svg)",
      "0 errors, 2 warnings",
    ]);
  });

  it("still checks what a file says about the rest of the publication: authors, files, other articles' URLs", async () => {
    const root = makePublication({
      "a.md": post({}, "![Chart](chart.svg)\n"),
      "chart.svg": readFileSync(path.join(projectRoot, "img/logo.svg")),
      "c.md": post(),
      "d.md": post({ author: "author: tomas-novak" }),
    });
    expect((await load(root, true)).report).toEqual(["0 errors, 0 warnings"]);
    rmSync(path.join(root, "posts/chart.svg"));
    const authors = JSON.parse(readFileSync(path.join(root, "_data/authors.json"), "utf8")) as Record<string, unknown>;
    delete authors["tomas-novak"];
    writeFileSync(path.join(root, "_data/authors.json"), JSON.stringify(authors));
    writeFileSync(path.join(root, "posts/e.md"), post({ slug: "slug: c" }));
    const { report } = await load(root, true);
    expect(report).toEqual([
      "posts/a.md:7: image file chart.svg not found — add it under img/ or correct the path",
      expect.stringMatching(/^posts\/d\.md:4: author: unknown author "tomas-novak"/),
      "posts/e.md: slug: writes the same URL /2025/05/c/ as posts/c.md — give one of them another `slug:`",
      "3 errors, 0 warnings",
    ]);
    expect(report).toEqual((await loadUncached(root)).report);
  });

  it("gives what reading every file gives, for any posts", async () => {
    const line = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom("<!--more-->", "<!--nextpage-->", "    <!--nextpage-->", "<font>x</font>", '<iframe src="https://elsewhere.example/"></iframe>', "![](/img/posts/ballot-box.svg)", "[a](/files/x)", "{{ x }}", "<!--", "```", "- item", "> quote", "") },
      { weight: 1, arbitrary: fc.constantFrom("![x](missing.png)", "[a](/files/missing.pdf)") },
      { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom("a", "é", " ", "*", "[", "]", "<", ">", "\u0007", "\r", "\t", "👩🏽‍💻", "\\") }) },
    );
    const field = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom(
          "tags: [Water Rights, water rights]",
          "aliases: [/a/, /a/]",
          "updated: 2025-06-01",
          "date: 2031-01-01",
          "draft: true",
          "categories: [courts, courts]",
          'image: { src: /img/posts/ballot-box.svg, alt: "" }',
          "summary: A dek.",
          "mood: sunny",
        ),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom("tags: [\"\"]", "aliases: [/2025/05/p1/]", "updated: 2020-01-01", "date: 0999-12-31T23:00:00-05:00", "slug: feed", "slug: p1", "author: [maya-okafor, nobody]", "image: /img/posts/ballot-box.svg", "title: [not, text]"),
      },
    );
    const postText = fc.tuple(fc.array(field, { maxLength: 3 }), fc.array(line, { maxLength: 8 }), fc.boolean()).map(([fields, lines, crlf]) => {
      // Each field replaces the sample post's line of that name, or is added.
      const text = post(Object.fromEntries(fields.map((written) => [written.split(":")[0]!, written])), `${lines.join("\n")}\n`);
      return crlf ? text.replace(/\n/g, "\r\n") : text;
    });
    const root = makePublication({});
    let loaded = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(postText, { minLength: 1, maxLength: 3 }), async (texts) => {
        rmSync(path.join(root, "posts"), { recursive: true, force: true });
        mkdirSync(path.join(root, "posts"));
        texts.forEach((text, index) => writeFileSync(path.join(root, "posts", `p${index}.md`), text));
        const uncached = await loadUncached(root);
        const cold = await load(root, false);
        const warm = await load(root, true);
        expect(cold).toStrictEqual(uncached);
        expect(warm).toStrictEqual(uncached);
        if (uncached.publication) loaded++;
      }),
      { numRuns: 40, seed: 17 },
    );
    // Some runs give articles to compare, not only reports.
    expect(loaded).toBeGreaterThan(5);
  });

  it("keeps only the readings of the files there are", async () => {
    const root = makePublication({ "a.md": post({}, "A.\n"), "b.md": post({}, "B.\n") });
    await load(root, true);
    rmSync(path.join(root, "posts/b.md"));
    await load(root, true);
    let kept = 0;
    editCache(root, (_, readings) => (kept = Object.keys(readings).length));
    expect(kept).toBe(1);
  });

  it("is not read when told not to (a --full build), and is written all the same", async () => {
    const root = makePublication({ "a.md": post({}, "A.\n") });
    await load(root, true);
    plantMarker(root);
    expect((await load(root, false)).report).toEqual(["0 errors, 0 warnings"]);
    expect((await load(root, true)).report).toEqual(["0 errors, 0 warnings"]);
  });

  it("ignores a cache another version of the kit wrote, without a word", async () => {
    const root = makePublication({ "a.md": post({}, "A.\n") });
    await load(root, true);
    plantMarker(root);
    editCache(root, (header) => (header.kit = "0".repeat(64)));
    const notices: string[] = [];
    expect((await load(root, true, notices)).report).toEqual(["0 errors, 0 warnings"]);
    expect(notices).toEqual([]);
    // Rewritten for this kit: the next check uses it.
    plantMarker(root);
    expect((await load(root, true)).report).toEqual(["posts/a.md: warning: planted in the cache", "0 errors, 1 warning"]);
  });

  it.each([
    ["not JSON", "{ this is not"],
    ["JSON of another shape", '{"readings":[]}\n[]'],
    ["another format", '{"format":"newsroom-content-cache/0","kit":"x","sha256":"y"}\n{}'],
    ["cut short", (text: string) => text.slice(0, -20)],
    ["altered", (text: string) => text.replace('"problems":[]', '"problems":[{"severity":"error","message":"x"}]')],
  ])("reads every file again when the cache is %s, with one notice", async (_, damage) => {
    const root = makePublication({ "a.md": post({}, "A.\n"), "b.md": post({ author: "authors: [maya-okafur]" }, "B.\n") });
    const cold = await load(root, true);
    const text = readFileSync(cacheFile(root), "utf8");
    writeFileSync(cacheFile(root), typeof damage === "string" ? damage : damage(text));
    const notices: string[] = [];
    expect((await load(root, true, notices)).report).toEqual(cold.report);
    expect(notices).toEqual(["Content cache in .cache/content was unreadable and was rebuilt."]);
    // Rebuilt: the next check reads it without a word.
    const after: string[] = [];
    expect((await load(root, true, after)).report).toEqual(cold.report);
    expect(after).toEqual([]);
  });

  it("gives each article and page the SHA-256 of its file's bytes", async () => {
    const root = makePublication({ "a.md": post({}, "Ünïcode text.\n") }, { "pages/about.md": "---\ntitle: About\n---\nWho we are.\n" });
    const sha256 = (file: string) => createHash("sha256").update(readFileSync(path.join(root, file))).digest("hex");
    for (const read of [true, true]) {
      const { publication } = await load(root, read);
      expect(publication!.articles[0]!.digest).toBe(sha256("posts/a.md"));
      expect(publication!.pages[0]!.digest).toBe(sha256("pages/about.md"));
    }
  });

  it("says so in one line of `npm run check` when the cache is unreadable, beside the same report", () => {
    const root = makePublication({ "a.md": post({ author: "authors: [maya-okafur]" }) });
    const first = runScript("scripts/validate.ts", ["--content", root]);
    writeFileSync(cacheFile(root), "garbage");
    const second = runScript("scripts/validate.ts", ["--content", root]);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stdout).toContain("posts/a.md:4: authors: unknown author");
    expect(second.stderr).toBe("Content cache in .cache/content was unreadable and was rebuilt.\n");
    expect(second.status).toBe(1);
  });
});
