// What a careless or hostile edit to a publication gets from `npm run check` (the first step of
// every build): one line naming file, line and field, never a stack trace and never silence.
import { describe, expect, it } from "vitest";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { loadPublication, type Publication } from "../../src/content/load.ts";
import { ContentError, formatReport } from "../../src/content/problems.ts";
import { makePublication, TEST_NOW, tempDir } from "../helpers/build.ts";
import { post } from "../validation/check.ts";
import { pngClaiming } from "./helpers.ts";

const now = DateTime.fromISO(TEST_NOW, { setZone: true });

/** The report `npm run check` prints for a publication folder, and the publication when it loads. */
async function report(root: string): Promise<{ lines: string[]; publication?: Publication }> {
  try {
    const publication = await loadPublication(root, { now });
    return { lines: formatReport(publication.warnings), publication };
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { lines: formatReport(error.problems) };
  }
}

const withImage = (src: string) => post({ image: `image:\n  src: ${src}\n  alt: A drawing` });

/** A file outside every publication, for paths and links to point at. */
function outsideFile(name: string, content: string | Buffer): string {
  const file = path.join(tempDir("outside"), name);
  writeFileSync(file, content);
  return file;
}

function editJson(root: string, file: string, edit: (data: Record<string, any>) => void): void {
  const full = path.join(root, "_data", file);
  const data = JSON.parse(readFileSync(full, "utf8"));
  edit(data);
  writeFileSync(full, JSON.stringify(data, null, 2));
}

describe("nothing outside the publication folder is read", () => {
  it("refuses an image path that climbs out with ..", async () => {
    const { lines } = await report(makePublication({ "a.md": withImage("/img/../../x/photo.png") }));
    expect(lines).toEqual([
      "posts/a.md:7: image.src: /img/../../x/photo.png points outside the publication folder — add it under img/ and write its path, e.g. /img/photo.jpg",
      "1 error, 0 warnings",
    ]);
  });

  it("refuses an avatar that climbs out", async () => {
    const root = makePublication({ "a.md": post() });
    editJson(root, "authors.json", (authors) => (authors["maya-okafor"].avatar = "../../../etc/passwd"));
    const { lines } = await report(root);
    expect(lines).toEqual([
      "_data/authors.json:6: maya-okafor.avatar: ../../../etc/passwd points outside the publication folder — add it under img/ and write its path, e.g. /img/photo.jpg",
      "1 error, 0 warnings",
    ]);
  });

  it("refuses an image that is a symbolic link to a file outside, and reads one that stays inside", async () => {
    const root = makePublication({ "a.md": withImage("/img/posts/leak.svg"), "b.md": withImage("/img/posts/alias.svg") });
    symlinkSync(outsideFile("secret.svg", readFileSync(path.join(root, "img/posts/gavel.svg"))), path.join(root, "img/posts/leak.svg"));
    symlinkSync("gavel.svg", path.join(root, "img/posts/alias.svg"));
    const { lines } = await report(root);
    expect(lines).toEqual([
      "posts/a.md:7: image.src: /img/posts/leak.svg is a link to a file outside the publication folder — copy the file itself into the folder (add it under img/)",
      "1 error, 0 warnings",
    ]);
  });

  it("never publishes hidden files", async () => {
    const { lines } = await report(makePublication({ "a.md": withImage("/.git/logo.svg") }, { ".git/logo.svg": "<svg/>" }));
    expect(lines[0]).toBe(
      "posts/a.md:7: image.src: /.git/logo.svg is a hidden file or in a hidden folder (its name starts with a dot), which is never published — add it under img/",
    );
  });

  it("refuses body images and links that leave the publication, naming their line", async () => {
    const body = "The first paragraph.\n\n![A chart](../../../chart.png)\n\nThe [report](../../../../etc/passwd) and [another story](/2025/05/other/).\n";
    const { lines } = await report(makePublication({ "a.md": post({}, body) }));
    expect(lines).toEqual([
      "posts/a.md:9: image ../../../chart.png points outside the publication folder — add it under img/ and write its path, e.g. /img/photo.jpg",
      "posts/a.md:11: link ../../../../etc/passwd points outside the publication folder — add it to the publication folder (e.g. files/) and write its path, e.g. /files/report.pdf",
      "2 errors, 0 warnings",
    ]);
  });

  it("reads a post that is a symbolic link inside the publication; refuses one to a file outside or to a folder", async () => {
    const root = makePublication({ "a.md": post({ title: "title: The original" }) });
    mkdirSync(path.join(root, "drafts"));
    writeFileSync(path.join(root, "drafts/kept.md"), post({ title: "title: Kept elsewhere in the folder" }));
    symlinkSync("../drafts/kept.md", path.join(root, "posts/kept.md"));
    const inside = await report(root);
    expect(inside.lines).toEqual(["0 errors, 0 warnings"]);
    expect(inside.publication!.articles.map((article) => article.title).sort()).toEqual(["Kept elsewhere in the folder", "The original"]);

    symlinkSync(outsideFile("b.md", post()), path.join(root, "posts/b.md"));
    symlinkSync(path.join(root, "drafts"), path.join(root, "posts/more"));
    expect((await report(root)).lines).toEqual([
      "posts/b.md: is a link to a file outside the publication folder, which is never read — copy the file itself here",
      "posts/more: is a link to a folder, and links to folders are not followed — move the folder here instead",
      "2 errors, 0 warnings",
    ]);
  });

  it("reports a logo file that is missing", async () => {
    const root = makePublication({ "a.md": post() });
    editJson(root, "site.json", (site) => (site.logo = "/img/no-such-logo.svg"));
    expect((await report(root)).lines).toContain("_data/site.json:8: logo: file /img/no-such-logo.svg not found — add it under img/ or correct the path");
  });
});

describe("images the build would choke on", () => {
  it("refuses a text file used as an image", async () => {
    const { lines } = await report(makePublication({ "a.md": withImage("/img/posts/notes.jpg") }, { "img/posts/notes.jpg": "These are notes, not a photo.\n" }));
    expect(lines).toEqual(["posts/a.md:7: image.src: /img/posts/notes.jpg is not an image the build can read — save it as JPEG, PNG, WebP, AVIF, GIF or SVG", "1 error, 0 warnings"]);
  });

  it("refuses an image with more pixels than maxImagePixels (default 50 megapixels)", async () => {
    const root = makePublication({ "a.md": withImage("/img/posts/bomb.png") });
    writeFileSync(path.join(root, "img/posts/bomb.png"), pngClaiming(20_000, 20_000));
    expect((await report(root)).lines[0]).toBe(
      "posts/a.md:7: image.src: /img/posts/bomb.png is 20000 × 20000 pixels (400 megapixels), more than the limit of 50 megapixels — make it smaller (e.g. 4000 pixels wide), or raise maxImagePixels in _data/site.json",
    );
    editJson(root, "site.json", (site) => (site.maxImagePixels = 268_402_689));
    writeFileSync(path.join(root, "img/posts/bomb.png"), pngClaiming(200, 200));
    expect((await report(root)).lines).toEqual(["0 errors, 0 warnings"]);
  });

  it("refuses an image that does not decode, and leaves a draft using it out with a warning", async () => {
    const broken = pngClaiming(16, 16);
    broken.write("garbage garbage garbage", broken.indexOf("IDAT") + 4, "latin1");
    const root = makePublication({ "a.md": withImage("/img/posts/broken.png"), "b.md": post({ image: "image:\n  src: /img/posts/broken.png\n  alt: A drawing", draft: "draft: true" }) });
    writeFileSync(path.join(root, "img/posts/broken.png"), broken);
    const { lines } = await report(root);
    expect(lines).toEqual([
      "posts/a.md:7: image.src: /img/posts/broken.png does not decode (pngload_buffer: IDAT stream error) — the file is damaged or incomplete: export or download it again",
      "posts/b.md:7: warning: image.src: /img/posts/broken.png does not decode (pngload_buffer: IDAT stream error) — the file is damaged or incomplete: export or download it again",
      "1 error, 1 warning",
    ]);
  });
});

describe("ids, tags and slugs the site cannot write", () => {
  it("refuses reserved words as ids", async () => {
    const root = makePublication({ "a.md": post() });
    editJson(root, "categories.json", (categories) => Object.assign(categories, { constructor: { name: "Builders", description: "Construction." } }));
    editJson(root, "authors.json", (authors) => (authors.prototype = { name: "Pro Totype" }));
    expect((await report(root)).lines).toEqual([
      '_data/authors.json:46: prototype: "prototype" is a reserved word — choose another id, e.g. prototype-desk',
      '_data/categories.json:26: constructor: "constructor" is a reserved word — choose another id, e.g. constructor-desk',
      "2 errors, 0 warnings",
    ]);
  });

  it("refuses tags whose address would be empty or longer than a file name", async () => {
    const long = "Budget ".repeat(40).trim();
    const { lines } = await report(makePublication({ "a.md": post({ tags: `tags: ["🎉", "#", "${long}", fine]` }) }));
    expect(lines).toEqual([
      'posts/a.md:6: tags: "🎉" has no letter or digit to make its address /tag/…/ from — write the tag in words',
      'posts/a.md:6: tags: "#" has no letter or digit to make its address /tag/…/ from — write the tag in words',
      'posts/a.md:6: tags: "Budget Budget Budget Budget Budget Budge…" makes an address part of 279 bytes, more than the 255 a file name may have — shorten the tag',
      "3 errors, 0 warnings",
    ]);
  });

  it("refuses a slug longer than a file name", async () => {
    const { lines } = await report(makePublication({ "a.md": post({ slug: `slug: ${"x".repeat(300)}` }) }));
    expect(lines).toEqual(["posts/a.md:6: slug: makes an address part of 300 bytes, more than the 255 a file name may have — set a shorter `slug:`", "1 error, 0 warnings"]);
  });

  it("refuses a year before 1000 rather than writing /0099/… beside a /99/ archive", async () => {
    const { lines } = await report(makePublication({ "a.md": post({ date: "date: 0099-05-01" }) }));
    expect(lines).toEqual(["posts/a.md:3: date: the year 99 is before 1000, which the site's addresses cannot hold — write the full four-digit year", "1 error, 0 warnings"]);
  });
});

describe("files that do not parse the way they look", () => {
  it("reports a key written twice in authors.json instead of crashing", async () => {
    const root = makePublication({ "a.md": post() });
    const file = path.join(root, "_data/authors.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"maya-okafor": {', '"maya-okafor": { "name": "Maya", "name": "Maya O.",'));
    expect((await report(root)).lines).toEqual(["_data/authors.json:2: is not valid JSON: Map keys must be unique — remove one of the two", "1 error, 0 warnings"]);
  });

  it("reports a key written twice in front matter", async () => {
    const { lines } = await report(makePublication({ "a.md": post({ again: "title: Another headline" }) }));
    expect(lines).toEqual(["posts/a.md:6: YAML does not parse: Map keys must be unique — remove one of the two", "1 error, 0 warnings"]);
  });

  it("stops a YAML alias bomb with an error, not by running out of memory", async () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from("bcdefghi", (name, index) => `${name}: &${name} [${Array(10).fill(`*${"abcdefghi"[index]}`).join(", ")}]`)];
    const started = Date.now();
    const { lines } = await report(makePublication({ "a.md": post({ bomb: levels.join("\n") }) }));
    expect(lines).toEqual(["posts/a.md:2: YAML aliases (*name) expand into too many values — write the values out instead of repeating anchors (&name) inside each other", "1 error, 0 warnings"]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("refuses a file that is not UTF-8, naming line and byte, instead of publishing Caf�", async () => {
    const root = makePublication({ "a.md": "" });
    const bytes = Buffer.from(post({}, "The first paragraph.\n\nCaf\xe9 au lait.\n"), "latin1");
    writeFileSync(path.join(root, "posts/a.md"), bytes);
    expect(bytes.indexOf(0xe9)).toBe(130);
    expect((await report(root)).lines).toEqual([
      "posts/a.md:9: is not UTF-8: byte 0xE9 at offset 130 does not decode (the file is probably Windows-1252 or Latin-1) — re-save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8)",
      "1 error, 0 warnings",
    ]);
  });

  it("removes control characters pasted from a word processor, with a warning per line", async () => {
    const { lines, publication } = await report(makePublication({ "a.md": post({ title: "title: Council\f votes\x01 on the \x1bbudget" }, "The first\0 paragraph\uFFFE.\n") }));
    expect(lines).toEqual([
      "posts/a.md:2: warning: removed 3 invisible control characters (U+000C form feed, U+0001 control character, U+001B ESC), as pasted from a word processor — they would break the feeds; retype the line if a space or letter went missing",
      "posts/a.md:7: warning: removed 2 invisible control characters (U+0000 NUL, U+FFFE noncharacter), as pasted from a word processor — they would break the feeds; retype the line if a space or letter went missing",
      "0 errors, 2 warnings",
    ]);
    expect(publication!.articles[0]!.title).toBe("Council votes on the budget");
    expect(publication!.articles[0]!.parts).toEqual(["The first paragraph."]);
  });

  it("removes control characters written as escapes in YAML and JSON, with a warning at the field", async () => {
    const root = makePublication({ "a.md": post({ title: 'title: "Council\\u0001 votes\\f"' }) });
    editJson(root, "authors.json", (authors) => (authors["maya-okafor"].role = "Reporter\u001b"));
    const { lines, publication } = await report(root);
    expect(lines).toEqual([
      "_data/authors.json:4: warning: maya-okafor.role: removed an invisible control character (U+001B ESC), as pasted from a word processor — they would break the feeds; retype the line if a space or letter went missing",
      "posts/a.md:2: warning: title: removed 2 invisible control characters (U+0001 control character, U+000C form feed), as pasted from a word processor — they would break the feeds; retype the line if a space or letter went missing",
      "0 errors, 2 warnings",
    ]);
    expect(publication!.articles[0]!.title).toBe("Council votes");
    expect(publication!.authors.get("maya-okafor")!.role).toBe("Reporter");
  });

  it("reads `draft: true  # not ready` as YAML does: a draft", async () => {
    const { lines, publication } = await report(makePublication({ "a.md": post({ draft: "draft: true  # not ready" }), "b.md": post({ draft: "draft: false # ready" }) }));
    expect(lines).toEqual(["0 errors, 0 warnings"]);
    expect(publication!.drafts.map((article) => article.file)).toEqual(["posts/a.md"]);
    expect(publication!.articles.map((article) => article.file)).toEqual(["posts/b.md"]);
  });
});
