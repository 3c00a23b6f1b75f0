// Front matter as Jekyll, Hugo and Eleventy archives write it (#14): what an editor moving an
// archive reads in the report, and what the articles become.
import { beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { isoWithOffset } from "../../src/dates/index.ts";
import { makePublication, runBuild, tempDir, type BuildResult } from "../helpers/build.ts";
import { jsonLd, meta, readPage, text, urlExists } from "../helpers/site.ts";
import { check, fixturePosts, post, sampleData } from "./check.ts";

const jekyll = fixturePosts("jekyll");
const hugo = fixturePosts("hugo");
const only = (folder: Record<string, string>, name: string) => ({ [name]: folder[name]! });

describe("a Jekyll archive", () => {
  it("is read whole, each problem at its line", async () => {
    expect((await check(jekyll)).report).toEqual([
      'posts/2016-08-02-school-board-budget.md:4: author: unknown author "Daniel Reyes" — did you mean `daniel-reyes`?',
      'posts/2016-08-02-school-board-budget.md:5: category: unknown category "Education" — did you mean `education`?',
      'posts/2016-09-10-flood-map.md:6: image: is a path only, and an image needs a text for readers who cannot see it — write image: { src: /img/posts/river-reeds.svg, alt: "what it shows" } (alt: "" for a decorative image)',
      "posts/2016-07-18-river-bridge-reopens.md:2: warning: layout: unknown field, ignored — known fields: title, date, updated, author, category, categories, tags, description, image, aliases, slug, draft",
      "posts/2016-07-18-river-bridge-reopens.md:8: warning: excerpt: read as `description` — rename the field to `description`",
      "posts/2016-07-18-river-bridge-reopens.md:10: warning: redirect_from: read as `aliases` — rename the field to `aliases`",
      "posts/2016-07-18-river-bridge-reopens.md:15: warning: image.alt: is empty, so the image is marked decorative and screen readers skip it — describe it if it shows something the story needs",
      "posts/2016-08-02-school-board-budget.md:6: warning: summary: read as `description` — rename the field to `description`",
      "3 errors, 5 warnings",
    ]);
  });

  it("reads quoted values whose continuation lines are not indented, as Eleventy's parser does", async () => {
    const { publication } = await check(only(jekyll, "2016-07-18-river-bridge-reopens.md"));
    expect(publication!.articles[0]).toMatchObject({
      title: "Riverbend's old bridge reopens: wider footpaths, the same narrow lanes",
      description: "The Calder Street span reopened on Monday after two years of repairs, with room for walkers but not for the buses the council promised.",
      authorIds: ["maya-okafor", "daniel-reyes"],
      image: { src: "/img/posts/river-bridge.svg", alt: "" },
      aliases: ["/2016/07/18/river-bridge-reopens/", "/?p=412"],
    });
  });

  it("takes the date from the file name when there is none, and never keeps the prefix in the slug", async () => {
    const bridge = (await check(only(jekyll, "2016-07-18-river-bridge-reopens.md"))).publication!.articles[0]!;
    expect(bridge).toMatchObject({ slug: "river-bridge-reopens", url: "/2016/07/river-bridge-reopens/", dateOnly: true });
    expect(isoWithOffset(bridge.date)).toBe("2016-07-18T00:00:00-04:00");

    // The front matter's date wins over the file name's (the flood map ran two days late).
    const flood = post({ title: "title: The new flood map", date: "date: 2016-09-12T08:00" });
    const { publication } = await check({ "2016-09-10-flood-map.md": flood });
    expect(publication!.articles[0]).toMatchObject({ slug: "flood-map", url: "/2016/09/flood-map/" });
    expect(isoWithOffset(publication!.articles[0]!.date)).toBe("2016-09-12T08:00:00-04:00");
  });

  it("says how to give a date when neither the front matter nor the file name has one", async () => {
    expect((await check({ "flood-map.md": post({ date: null }) })).report[0]).toBe(
      "posts/flood-map.md:2: date: is required — add `date:` to the front matter, or start the file name with the date (2025-03-04-slug.md)",
    );
    // A prefix that is not a real day is part of the name.
    expect((await check({ "2016-02-30-leap.md": post({ date: null }) })).report[0]).toMatch(/^posts\/2016-02-30-leap\.md:2: date: is required/);
  });

  it("still explains YAML that no parser reads, at its line", async () => {
    const { report } = await check({ "a.md": post({ title: 'title: "An unclosed headline', author: "author: maya-okafor" }) });
    expect(report).toEqual([
      `posts/a.md:2: YAML does not parse: Missing closing "quote — end the value with the quote it starts with — a quote inside it is written \\" between double quotes, '' between single quotes`,
      "1 error, 0 warnings",
    ]);
  });

  it("keeps a timestamp what the editor wrote in front matter only the lenient parser reads", async () => {
    const { report, publication } = await check({ "a.md": post({ title: 'title: "Budget: the vote\nthat never came"', date: "date: 2024-03-12 22:30" }) });
    expect(report).toEqual(["0 errors, 0 warnings"]);
    expect(isoWithOffset(publication!.articles[0]!.date)).toBe("2024-03-12T22:30:00-04:00");
  });

  it("keeps exact lines after a multi-line value read leniently", async () => {
    const text = post({ title: 'title: "Budget: the vote\nthat never came"', tags: "tags:\n  - budget\n  - Budget", mood: "mood: grim" });
    const { report } = await check({ "a.md": text, "b.md": post({ date: "date: 2025-05-02", tags: "tags: [budget]" }) });
    expect(report).toEqual([
      "posts/a.md:10: warning: mood: unknown field, ignored — known fields: title, date, updated, author, category, categories, tags, description, image, aliases, slug, draft",
      "0 errors, 1 warning",
    ]);
    const linesOf = await check({ "a.md": text.replace("category: statehouse", "category: statehous") });
    expect(linesOf.report[0]).toBe('posts/a.md:6: category: unknown category "statehous" — did you mean `statehouse`?');
  });
});

describe("a Hugo archive", () => {
  it("is read whole, TOML included", async () => {
    expect((await check(hugo)).report).toEqual([
      "posts/turbine-noise.md:6: aliases: /posts/courthouse-hours/ is also an alias of posts/courthouse-hours.md — keep it on one article only",
      "posts/courthouse-hours.md:7: warning: summary: read as `description` — rename the field to `description`",
      "posts/wind-farm-vote.md:7: warning: summary: ignored, `description` is set — remove one of the two",
      "1 error, 2 warnings",
    ]);
  });

  it("reads TOML fields, tables and dates as the editor wrote them", async () => {
    const { publication } = await check({ ...only(hugo, "courthouse-hours.md"), ...only(hugo, "wind-farm-vote.md") });
    const [windFarm, courthouse] = publication!.articles;
    expect(courthouse).toMatchObject({
      title: "Courthouse extends its evening hours",
      authorIds: ["tomas-novak"],
      tags: [
        { name: "courts", slug: "courts" },
        { name: "access to justice", slug: "access-to-justice" },
      ],
      description: "Clerks will stay until 7 p.m. on Tuesdays and Thursdays.",
      image: { src: "/img/posts/courthouse-steps.svg", alt: "The courthouse steps in the evening" },
      aliases: ["/posts/courthouse-hours/"],
      url: "/2024/03/courthouse-hours/",
    });
    // A local date-time is read in the site's zone; an offset is kept.
    expect(isoWithOffset(courthouse!.date)).toBe("2024-03-12T10:00:00-04:00");
    expect(isoWithOffset(windFarm!.date)).toBe("2024-03-14T18:30:00-04:00");
    expect(windFarm!.description).toBe("A second hearing is set for April.");
  });

  it("reports TOML problems at their lines", async () => {
    const toml = (lines: string) => `+++\ntitle = "A headline"\ndate = 2024-03-12\nauthor = "maya-okafor"\ncategory = "statehouse"\n${lines}\n+++\nText.\n`;
    expect((await check({ "a.md": toml('tags = ["budget"\nslug = "x"') })).report[0]).toMatch(/^posts\/a\.md:7: TOML does not parse: .+ — write each field as name = value, text in "quotes"$/);
    expect((await check({ "a.md": toml('catgory = "courts"\n\n[image]\nsrc = "/img/posts/gavel.svg"') })).report).toEqual([
      "posts/a.md:8: image.alt: is required with an image — describe the image for readers who cannot see it",
      "posts/a.md:6: warning: catgory: unknown field — did you mean `category`?",
      "1 error, 1 warning",
    ]);
    expect((await check({ "a.md": toml('author = "Maya Okafor"').replace('author = "maya-okafor"\n', "") })).report[0]).toBe(
      'posts/a.md:5: author: unknown author "Maya Okafor" — did you mean `maya-okafor`?',
    );
    expect((await check({ "a.md": toml('image = "/img/posts/gavel.svg"') })).report[0]).toBe(
      'posts/a.md:6: image: is a path only, and an image needs a text for readers who cannot see it — write image = { src = "/img/posts/gavel.svg", alt = "what it shows" } (alt: "" for a decorative image)',
    );
  });

  it("treats a TOML draft's problems as warnings", async () => {
    const text = `+++\ntitle = "Unfinished"\ndate = 2024-03-12\nauthor = "nobody"\ncategory = "statehouse"\ndraft = true\n+++\nText.\n`;
    expect((await check({ "a.md": text })).report).toEqual(['posts/a.md:4: warning: author: unknown author "nobody" — use one of: maya-okafor, daniel-reyes, ingrid-solberg, tomas-novak', "0 errors, 1 warning"]);
  });
});

describe("dates as other generators write them", () => {
  const dated = async (date: string) => {
    const { publication, report } = await check({ "a.md": post({ date }) });
    expect(report).toEqual(["0 errors, 0 warnings"]);
    return isoWithOffset(publication!.articles[0]!.date);
  };

  it("reads a date-time without offset in the site's time zone, never in UTC", async () => {
    expect(await dated("date: 2024-03-12T10:00")).toBe("2024-03-12T10:00:00-04:00");
    expect(await dated("date: 2024-03-12 10:00")).toBe("2024-03-12T10:00:00-04:00");
    expect(await dated("date: 2024-01-12 10:00:30")).toBe("2024-01-12T10:00:30-05:00");
    // Late in the evening stays on its day: the URL's month is the editor's.
    const { publication } = await check({ "a.md": post({ date: "date: 2024-03-31 23:30" }) });
    expect(publication!.articles[0]!.url).toBe("/2024/03/a/");
  });

  it("reads numeric offsets in every common spelling", async () => {
    expect(await dated("date: 2015-03-17 14:00:00 -4")).toBe("2015-03-17T14:00:00-04:00");
    expect(await dated("date: 2015-03-17 14:00:00 -0400")).toBe("2015-03-17T14:00:00-04:00");
    expect(await dated("date: 2015-03-17T14:00:00-04")).toBe("2015-03-17T14:00:00-04:00");
    expect(await dated('date: "2015-03-17T23:30:00+05:30"')).toBe("2015-03-17T14:00:00-04:00");
    expect(await dated("date: 2015-03-17T18:00:00Z")).toBe("2015-03-17T14:00:00-04:00");
    expect(await dated("date: 2015-03-17 18:00:00 UTC")).toBe("2015-03-17T14:00:00-04:00");
    expect(await dated("date: 2015-03-17 9:05")).toBe("2015-03-17T09:05:00-04:00");
  });

  it("rejects an offset no place has, and a time that does not exist", async () => {
    expect((await check({ "a.md": post({ date: "date: 2015-03-17 14:00:00 +15" }) })).report[0]).toMatch(/^posts\/a\.md:3: date: is not a valid date/);
    expect((await check({ "a.md": post({ date: "date: 2015-03-17 24:10" }) })).report[0]).toMatch(/^posts\/a\.md:3: date: is not a valid date/);
  });
});

describe("fields under other names", () => {
  it("reads `authors` as `author`, and names it in problems", async () => {
    const { report, publication } = await check({ "a.md": post({ author: "authors:\n  - maya-okafor\n  - Tomas Novak" }) });
    expect(report).toEqual(['posts/a.md:6: authors: unknown author "Tomas Novak" — did you mean `tomas-novak`?', "1 error, 0 warnings"]);
    expect(publication).toBeUndefined();
    expect((await check({ "a.md": post({ author: "authors: [maya-okafor, tomas-novak]" }) })).publication!.articles[0]!.authorIds).toEqual(["maya-okafor", "tomas-novak"]);
  });

  it("reads `excerpt` or `summary` as `description`, asking for the canonical name", async () => {
    const { report, publication } = await check({ "a.md": post({ summary: "summary: The council voted late." }) });
    expect(report).toEqual(["posts/a.md:6: warning: summary: read as `description` — rename the field to `description`", "0 errors, 1 warning"]);
    expect(publication!.articles[0]!.description).toBe("The council voted late.");
    expect((await check({ "a.md": post({ excerpt: 'excerpt: ""' }) })).report[0]).toBe("posts/a.md:6: excerpt: is empty — write the text or remove the field");
  });
});

describe("authors and categories by name", () => {
  it("suggests the id whose name was written, and the nearest id", async () => {
    const authors = { ...sampleData("authors.json"), "maya-okafor-jr": { name: "Maya Okafor" } };
    const { report } = await check({ "a.md": post({ author: "author: Maya Okafor" }) }, { "_data/authors.json": JSON.stringify(authors) });
    expect(report[0]).toBe('posts/a.md:4: author: unknown author "Maya Okafor" — did you mean `maya-okafor` or `maya-okafor-jr`?');
    expect((await check({ "a.md": post({ author: "author: maya okafor" }) })).report[0]).toBe('posts/a.md:4: author: unknown author "maya okafor" — did you mean `maya-okafor`?');
    expect((await check({ "a.md": post({ author: "author: Maya Okafur" }) })).report[0]).toBe('posts/a.md:4: author: unknown author "Maya Okafur" — did you mean `maya-okafor`?');
  });

  it("does not take a name of the object prototype for an id", async () => {
    expect((await check({ "a.md": post({ author: "author: constructor" }) })).report[0]).toMatch(/^posts\/a\.md:4: author: unknown author "constructor" — use one of: maya-okafor/);
  });

  it("lists at most a dozen ids", async () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`writer-${index}`, { name: `Writer ${index}` }]));
    const { report } = await check({ "a.md": post({ author: "author: editor-in-chief" }) }, { "_data/authors.json": JSON.stringify(many) });
    expect(report[0]).toBe(
      'posts/a.md:4: author: unknown author "editor-in-chief" — use one of: writer-0, writer-1, writer-2, writer-3, writer-4, writer-5, writer-6, writer-7, writer-8, writer-9, writer-10, writer-11, … (30 in _data/authors.json)',
    );
  });
});

describe("what archives lack", () => {
  it("accepts an author with a name only", async () => {
    const authors = { ...sampleData("authors.json"), "guest-writer": { name: "A Guest Writer" } };
    const { report, publication } = await check({ "a.md": post({ author: "author: guest-writer" }) }, { "_data/authors.json": JSON.stringify(authors, null, 2) });
    expect(report).toEqual(["0 errors, 0 warnings"]);
    expect(publication!.authors.get("guest-writer")).toEqual({ name: "A Guest Writer" });
  });

  it("accepts alt: \"\" for a decorative image, with a warning; a missing alt stays an error", async () => {
    const { report, publication } = await check({ "a.md": post({ image: 'image:\n  src: /img/posts/gavel.svg\n  alt: ""' }) });
    expect(report).toEqual([
      "posts/a.md:8: warning: image.alt: is empty, so the image is marked decorative and screen readers skip it — describe it if it shows something the story needs",
      "0 errors, 1 warning",
    ]);
    expect(publication!.articles[0]!.image).toEqual({ src: "/img/posts/gavel.svg", alt: "" });
    expect((await check({ "a.md": post({ image: "image:\n  src: /img/posts/gavel.svg" }) })).report[0]).toBe(
      "posts/a.md:6: image.alt: is required with an image — describe the image for readers who cannot see it",
    );
  });

  it("explains an image written as a bare path", async () => {
    expect((await check({ "a.md": post({ image: "image: /img/posts/gavel.svg" }) })).report).toEqual([
      'posts/a.md:6: image: is a path only, and an image needs a text for readers who cannot see it — write image: { src: /img/posts/gavel.svg, alt: "what it shows" } (alt: "" for a decorative image)',
      "1 error, 0 warnings",
    ]);
  });
});

describe("aliases", () => {
  const withAliases = (aliases: string, date = "2025-05-01T10:00:00-04:00") => post({ date: `date: ${date}`, aliases: `aliases: ${aliases}` });

  it("are site paths, written in one form", async () => {
    const { report, publication } = await check({ "a.md": withAliases('["/2016/07/18/old-slug", "/?p=123", /old/index.html, /caf%C3%A9/, /story.php?id=4]') });
    expect(report).toEqual(["0 errors, 0 warnings"]);
    expect(publication!.articles[0]!.aliases).toEqual(["/2016/07/18/old-slug/", "/?p=123", "/old/", "/café/", "/story.php?id=4"]);
    expect((await check({ "a.md": withAliases("/one-alias/") })).publication!.articles[0]!.aliases).toEqual(["/one-alias/"]);
  });

  it("refuse what is not a path on this site", async () => {
    const problems = async (alias: string) => (await check({ "a.md": withAliases(`[${alias}]`) })).report[0];
    expect(await problems("https://old.example.com/2016/07/x/")).toBe("posts/a.md:6: aliases.0: is a full address — write only its path on this site: /2016/07/x/");
    expect(await problems("old/slug/")).toBe("posts/a.md:6: aliases.0: must be a path on this site starting with / — e.g. /2016/07/18/old-slug/ or /?p=123");
    expect(await problems("//cdn.example.com/x")).toMatch(/aliases\.0: must be a path on this site starting with \//);
    expect(await problems("/a/../../etc/")).toBe("posts/a.md:6: aliases.0: has a . or .. segment — write the path without them");
    expect(await problems('"/old page/"')).toMatch(/aliases\.0: has a space, # or a character URLs cannot hold/);
    expect(await problems("/100%/")).toBe("posts/a.md:6: aliases.0: has a % that does not start a valid escape — write %25 for a percent sign");
  });

  it("may not be an article's URL, naming both files", async () => {
    const { report } = await check({
      "a.md": post({}, "Page one.\n\n<!--nextpage-->\n\nPage two.\n"),
      "b.md": withAliases("[/2025/05/a/2/, /2025/05/b, /2025/05/a/all/]"),
    });
    expect(report).toEqual([
      "posts/b.md:6: aliases: /2025/05/a/2/ is the URL of posts/a.md — remove the alias, or move that article with `slug:`",
      "posts/b.md:6: aliases: /2025/05/b/ is this article's own URL — remove it",
      "posts/b.md:6: aliases: /2025/05/a/all/ is the URL of posts/a.md — remove the alias, or move that article with `slug:`",
      "3 errors, 0 warnings",
    ]);
  });

  it("may belong to one article only", async () => {
    const { report } = await check({
      "a.md": post({ aliases: "aliases:\n  - /?p=7\n  - /old/" }),
      "b.md": post({ date: "date: 2025-05-02", aliases: "aliases:\n  - /new/\n  - /old" }),
    });
    expect(report).toEqual(["posts/b.md:8: aliases: /old/ is also an alias of posts/a.md — keep it on one article only", "1 error, 0 warnings"]);
  });

  it("listed twice in one article are one, with a warning", async () => {
    const { report, publication } = await check({ "a.md": post({ aliases: "aliases:\n  - /old\n  - /old/" }) });
    expect(report).toEqual(["posts/a.md:8: warning: aliases: /old/ is listed twice — remove one", "0 errors, 1 warning"]);
    expect(publication!.articles[0]!.aliases).toEqual(["/old/"]);
  });
});

describe("site.json settings for bodies (#13)", () => {
  const site = sampleData("site.json");
  const withSite = (settings: Record<string, unknown>) => check({ "a.md": post() }, { "_data/site.json": JSON.stringify({ ...site, ...settings }, null, 2) });

  it("embedHosts: absent means the renderer's defaults; a list of host names otherwise", async () => {
    expect((await withSite({})).publication!.site.embedHosts).toBeUndefined();
    expect((await withSite({ embedHosts: ["www.YouTube.com", "player.vimeo.com"] })).publication!.site.embedHosts).toEqual(["www.youtube.com", "player.vimeo.com"]);
    expect((await withSite({ embedHosts: [] })).publication!.site.embedHosts).toEqual([]);
    expect((await withSite({ embedHosts: ["https://www.youtube.com/"] })).report).toEqual([
      "_data/site.json:14: embedHosts.0: must be a host name — e.g. www.youtube.com, without https:// or a path",
      "1 error, 0 warnings",
    ]);
  });

  it("pageBudgetKB: 40 unless set, and more than 0", async () => {
    expect((await withSite({})).publication!.site.pageBudgetKB).toBe(40);
    expect((await withSite({ pageBudgetKB: 55.5 })).publication!.site.pageBudgetKB).toBe(55.5);
    expect((await withSite({ pageBudgetKB: 0 })).report).toEqual(["_data/site.json:13: pageBudgetKB: must be more than 0 — e.g. 40", "1 error, 0 warnings"]);
  });
});

describe("what readers get from an archive's front matter", () => {
  let output: string;
  let build: BuildResult;
  beforeAll(() => {
    const authors = { ...sampleData("authors.json"), "guest-writer": { name: "A Guest Writer" } };
    const content = makePublication(
      {
        ...only(jekyll, "2016-07-18-river-bridge-reopens.md"),
        ...only(hugo, "courthouse-hours.md"),
        "guest.md": post({ author: "author: guest-writer", date: "date: 2024-03-13 09:00" }),
      },
      { "_data/authors.json": JSON.stringify(authors, null, 2) },
    );
    output = path.join(tempDir("out"), "_site");
    build = runBuild(content, output);
  });

  it("builds, with the file-name date and no prefix in the URL", () => {
    expect(build.status, build.stdout + build.stderr).toBe(0);
    expect(urlExists(output, "/2016/07/river-bridge-reopens/")).toBe(true);
    expect(urlExists(output, "/2016/07/2016-07-18-river-bridge-reopens/")).toBe(false);
    expect(urlExists(output, "/2024/03/courthouse-hours/")).toBe(true);
  });

  it("shows a decorative lead image with an empty alt, and the excerpt as the dek", () => {
    const page = readPage(output, "/2016/07/river-bridge-reopens/");
    expect(page.querySelector("article img")!.getAttribute("alt")).toBe("");
    expect(meta(page, "description")[0]).toMatch(/^The Calder Street span reopened on Monday after two years of repairs, with room/);
  });

  it("shows an author's box with what exists, never placeholder text", () => {
    const page = readPage(output, "/2024/03/guest/");
    const box = page.querySelector(".author-box")!;
    expect(text(box.querySelector(".author-box-name"))).toBe("A Guest Writer");
    expect(box.querySelector(".author-box-role")).toBeNull();
    expect(box.querySelector(".author-box-bio")).toBeNull();
    const article = jsonLd(page).find((item) => item["@type"] === "NewsArticle")!;
    expect(article.author).toEqual([{ "@type": "Person", name: "A Guest Writer", url: "https://ledger.example.org/author/guest-writer/" }]);

    const profile = readPage(output, "/author/guest-writer/");
    expect(text(profile.querySelector(".listing-title"))).toBe("A Guest Writer");
    expect(profile.querySelector(".listing-kicker")).toBeNull();
    expect(profile.querySelector(".author-profile-bio")).toBeNull();
  });

  it("keeps role and bio for authors who have them", () => {
    const page = readPage(output, "/2016/07/river-bridge-reopens/");
    expect([...page.querySelectorAll(".author-box-role")].map(text)).toEqual(["Political Writer", "Statehouse Reporter"]);
    const article = jsonLd(page).find((item) => item["@type"] === "NewsArticle")!;
    expect((article.author as { jobTitle?: string }[]).map((author) => author.jobTitle)).toEqual(["Political Writer", "Statehouse Reporter"]);
  });
});
