// One fixture per content rule: the exact line an editor reads (path:line: field: what — fix).
import { describe, expect, it } from "vitest";
import { check, post, sampleData } from "./check.ts";

describe("front matter", () => {
  it("a valid post has no problems", async () => {
    expect((await check({ "a.md": post() })).report).toEqual(["0 errors, 0 warnings"]);
  });

  it("names a missing required field and how to add it", async () => {
    expect((await check({ "a.md": post({ title: null }) })).report).toEqual([
      "posts/a.md:2: title: is required — add `title:` to the front matter",
      "1 error, 0 warnings",
    ]);
  });

  it("warns about an unknown field, naming the closest known one", async () => {
    expect((await check({ "a.md": post({ author: "auther: maya-okafor" }) })).report).toEqual([
      "posts/a.md:2: author: is required — add `author:` to the front matter",
      "posts/a.md:4: warning: auther: unknown field — did you mean `author`?",
      "1 error, 1 warning",
    ]);
    expect((await check({ "a.md": post({ mood: "mood: sunny" }) })).report[0]).toMatch(/^posts\/a\.md:6: warning: mood: unknown field, ignored — known fields: title, date, updated, author/);
  });

  it("reports YAML that does not parse with its line", async () => {
    const { report } = await check({ "a.md": post({ description: "description: Budget: the vote that never came" }) });
    expect(report).toEqual([
      "posts/a.md:6: YAML does not parse: Nested mappings are not allowed in compact mappings — quote values that contain a colon or start with a special character",
      "1 error, 0 warnings",
    ]);
  });

  it("reports a file without front matter", async () => {
    expect((await check({ "a.md": "Just text.\n" })).report[0]).toBe("posts/a.md:1: the file must start with front matter — put the fields between two `---` lines at the top");
  });

  it("rejects a date without a year, or a day that does not exist", async () => {
    expect((await check({ "a.md": post({ date: "date: March 4" }) })).report[0]).toBe(
      "posts/a.md:3: date: is not a valid date — write a date (2025-03-04), a date and time in the site's time zone (2025-03-04 09:30) or one with its offset (2025-03-04T09:30:00-05:00)",
    );
    expect((await check({ "a.md": post({ date: "date: 2025-02-30 09:30" }) })).report[0]).toMatch(/^posts\/a\.md:3: date: is not a valid date/);
  });

  it("rejects an update before publication", async () => {
    expect((await check({ "a.md": post({ updated: "updated: 2025-04-30T10:00:00-04:00" }) })).report[0]).toBe(
      "posts/a.md:6: updated: is before `date` — an update cannot come before publication",
    );
  });

  it("suggests the id meant, or says which author and category ids exist", async () => {
    const { report } = await check({ "a.md": post({ author: "author: [maya-okafor, maya-okafur]", categories: "categories: [courts, weather]" }) });
    expect(report).toEqual([
      'posts/a.md:4: author: unknown author "maya-okafur" — did you mean `maya-okafor`?',
      'posts/a.md:6: categories: unknown category "weather" — use one of: statehouse, economy, courts, education, environment, city-hall',
      "2 errors, 0 warnings",
    ]);
  });

  it("reads a category's name written for its id as a slip, naming the id", async () => {
    expect((await check({ "a.md": post({ category: "category: City Hall" }) })).report[0]).toBe('posts/a.md:5: category: unknown category "City Hall" — did you mean `city-hall`?');
  });

  it("checks id syntax when the ids are unknown because a data file is broken", async () => {
    const { report } = await check({ "a.md": post({ category: "category: City Hall" }) }, { "_data/categories.json": "{" });
    expect(report).toContain("posts/a.md:5: category: ids use only lowercase letters a-z, digits and hyphens — e.g. city-hall");
  });

  it("needs the lead image file and an alt text", async () => {
    const image = (lines: string) => post({ image: `image:\n${lines}` });
    expect((await check({ "a.md": image("  src: /img/posts/missing.jpg\n  alt: A drawing") })).report[0]).toBe(
      "posts/a.md:7: image.src: file /img/posts/missing.jpg not found — add it under img/ or correct the path",
    );
    expect((await check({ "a.md": image("  src: /img/posts/gavel.svg") })).report[0]).toBe(
      "posts/a.md:6: image.alt: is required with an image — describe the image for readers who cannot see it",
    );
    expect((await check({ "a.md": image('  src: /img/posts/gavel.svg\n  alt: "  "') })).report[0]).toBe(
      'posts/a.md:8: image.alt: is blank — describe the image for readers who cannot see it, or write alt: "" if it is decorative',
    );
  });

  it("checks types, e.g. draft must be true or false", async () => {
    expect((await check({ "a.md": post({ draft: "draft: yes" }) })).report[0]).toBe('posts/a.md:6: draft: must be true or false, not text "yes"');
  });
});

describe("URLs", () => {
  it("refuses two articles writing the same URL", async () => {
    const { report } = await check({ "2025/a.md": post(), "2026/a.md": post() });
    expect(report[0]).toBe("posts/2026/a.md: slug: writes the same URL /2025/05/a/ as posts/2025/a.md — give one of them another `slug:`");
  });

  it("refuses a slug that is empty after slugifying", async () => {
    expect((await check({ "a.md": post({ slug: 'slug: "!!!"' }) })).report[0]).toBe("posts/a.md:6: slug: is empty once punctuation is removed — set `slug:` to a few words");
  });

  it("refuses reserved slugs, from the file name or from slug:", async () => {
    expect((await check({ "all.md": post() })).report[0]).toBe('posts/all.md:1: slug: "all" is reserved for site URLs — rename the file or set another `slug:`');
    expect((await check({ "a.md": post({ slug: "slug: 2024" }) })).report[0]).toBe('posts/a.md:6: slug: "2024" is reserved for site URLs — set another `slug:`');
  });

  it("warns about tags spelled differently that share a URL, and merges them", async () => {
    const { report, publication } = await check({
      "a.md": post({ tags: "tags: [Water Rights]" }),
      "b.md": post({ tags: "tags: [water rights]", date: "date: 2025-05-02" }),
      "c.md": post({ tags: "tags:\n  - budget\n  - water  rights", date: "date: 2025-05-03" }),
    });
    expect(report).toEqual(['posts/a.md:6: warning: tags: "Water Rights" and "water rights" share the URL /tag/water-rights/ and are merged — write "water rights"', "0 errors, 1 warning"]);
    expect(publication!.articles.map((article) => article.tags.map((tag) => tag.name))).toEqual([["budget", "water rights"], ["water rights"], ["water rights"]]);
  });
});

describe("bodies", () => {
  it("refuses an empty body", async () => {
    expect((await check({ "a.md": post({}, "\n\n") })).report[0]).toBe("posts/a.md:7: the article has no text — write it below the front matter");
  });

  it("refuses a <!--nextpage--> that makes an empty page", async () => {
    expect((await check({ "a.md": post({}, "Page one.\n\n<!--nextpage-->\n\n<!--nextpage-->\nPage three.\n") })).report[0]).toBe(
      "posts/a.md:9: page 2 of the article is empty — remove the extra <!--nextpage--> marker",
    );
  });

  it("accepts a byte-order mark and CRLF line endings", async () => {
    const text = `\uFEFF${post({ tags: "tags: [budget]" }, "First.\n\n<!--nextpage-->\n\nSecond.\n").replace(/\n/g, "\r\n")}`;
    const { report, publication } = await check({ "a.md": text });
    expect(report).toEqual(["0 errors, 0 warnings"]);
    expect(publication!.articles[0]).toMatchObject({ title: "A valid headline", parts: ["First.", "Second."], tags: [{ name: "budget", slug: "budget" }] });
  });

  it("warns about files in posts/ that are not articles", async () => {
    expect((await check({ "a.md": post(), "notes.txt": "todo" })).report).toEqual([
      "posts/notes.txt: warning: is not an article (.md) and no article links to it, so it is not published — rename it to .md, link to it from an article, or move images to img/",
      "0 errors, 1 warning",
    ]);
  });

  it("turns a draft's problems into warnings and leaves the draft out", async () => {
    const { report, publication } = await check({ "a.md": post(), "b.md": post({ draft: "draft: true", category: "category: nowhere" }) });
    expect(report[0]).toMatch(/^posts\/b\.md:5: warning: category: unknown category "nowhere"/);
    expect(publication!.articles.map((article) => article.file)).toEqual(["posts/a.md"]);
  });
});

describe("data files", () => {
  const site = sampleData("site.json");

  it("checks site.json: IANA zone, absolute URL without trailing slash", async () => {
    const { report } = await check({ "a.md": post() }, { "_data/site.json": JSON.stringify({ ...site, timezone: "Eastern", url: "https://news.example.org/" }, null, 2) });
    expect(report).toEqual([
      "_data/site.json:3: url: remove the trailing slash",
      "_data/site.json:5: timezone: use an IANA time zone such as America/New_York",
      "2 errors, 0 warnings",
    ]);
  });

  it("reports JSON syntax errors with their line", async () => {
    const { report } = await check({ "a.md": post() }, { "_data/categories.json": '{\n  "courts": { "name": "Courts", "description": "x" },\n}\n' });
    expect(report[0]).toMatch(/^_data\/categories\.json:3: is not valid JSON: .+ — check the commas and quotes around line 3$/);
  });

  it("checks author ids and fields", async () => {
    const authors = sampleData("authors.json");
    authors["Maya Okafor"] = { ...authors["maya-okafor"], rolle: "Writer" };
    const { report } = await check({ "a.md": post() }, { "_data/authors.json": JSON.stringify(authors, null, 2) });
    expect(report).toEqual([
      "_data/authors.json:46: Maya Okafor: ids use only lowercase letters a-z, digits and hyphens — e.g. city-hall",
      "_data/authors.json:57: warning: Maya Okafor.rolle: unknown field — did you mean `role`?",
      "1 error, 1 warning",
    ]);
  });

  it("checks that avatars exist", async () => {
    const authors = sampleData("authors.json");
    authors["maya-okafor"].avatar = "/img/authors/nobody.svg";
    const { report } = await check({ "a.md": post() }, { "_data/authors.json": JSON.stringify(authors, null, 2) });
    expect(report).toEqual(["_data/authors.json:6: maya-okafor.avatar: file /img/authors/nobody.svg not found — add it under img/ or correct the path", "1 error, 0 warnings"]);
  });

  it("lists errors before warnings", async () => {
    const { report } = await check({ "a.md": post({ tagz: "tagz: [x]" }), "b.md": post({ title: null }) });
    expect(report).toEqual([
      "posts/b.md:2: title: is required — add `title:` to the front matter",
      "posts/a.md:6: warning: tagz: unknown field — did you mean `tags`?",
      "1 error, 1 warning",
    ]);
  });
});
