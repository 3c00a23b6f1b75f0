// The bench's comparison site and its warm-rebuild edits, without Hugo itself (CI has none):
// the Hugo site holds the same articles with the front matter Hugo reads, and each edit
// changes what it says it changes.
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { generateCorpus } from "../../src/bench/corpus.ts";
import { addOneArticle, changeAuthorBio, editOldArticle } from "../../src/bench/edits.ts";
import { writeHugoSite } from "../../src/bench/hugo.ts";
import { tempDir } from "../helpers/build.ts";

const frontMatterOf = (text: string) => yaml.load(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!, { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>;

describe("the bench's Hugo site", () => {
  it("holds every generated article with its taxonomies, paged like ours, with feeds for home, categories and authors", () => {
    const corpus = tempDir("hugo-corpus");
    generateCorpus(corpus, { articles: 5 });
    const target = path.join(tempDir("hugo-site"), "source");
    expect(writeHugoSite(corpus, target)).toEqual({ articles: 5 });

    const config = readFileSync(path.join(target, "hugo.toml"), "utf8");
    expect(config).toMatch(/^paginate = 20$/m);
    expect(config).toMatch(/^unsafe = true$/m);
    for (const taxonomy of ["category", "tag", "author", "year", "month"]) expect(config).toContain(`${taxonomy} = "${taxonomy}"`);
    for (const layout of ["_default/baseof.html", "_default/single.html", "_default/term.html", "_default/taxonomy.html", "_default/rss.xml", "index.html"]) {
      expect(existsSync(path.join(target, "layouts", layout)), layout).toBe(true);
    }
    expect(readFileSync(path.join(target, "layouts/index.html"), "utf8")).toContain(".Paginate");
    // Tags, years and months get no feed (as ours); categories and authors keep theirs.
    expect(readFileSync(path.join(target, "content/tag/_index.md"), "utf8")).toContain("outputs: [HTML]");
    expect(existsSync(path.join(target, "content/category/_index.md"))).toBe(false);
    expect(existsSync(path.join(target, "static/img/bench/lead-0.svg"))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(target, "data/authors.json"), "utf8"))).toEqual(JSON.parse(readFileSync(path.join(corpus, "_data/authors.json"), "utf8")));

    const sources = (readdirSync(path.join(corpus, "posts"), { recursive: true }) as string[]).filter((file) => file.endsWith(".md")).sort();
    const written = (readdirSync(path.join(target, "content/posts"), { recursive: true }) as string[]).filter((file) => file.endsWith(".md")).sort();
    expect(written).toEqual(sources);
    for (const file of sources) {
      const original = readFileSync(path.join(corpus, "posts", file), "utf8");
      const hugo = readFileSync(path.join(target, "content/posts", file), "utf8");
      const ours = frontMatterOf(original);
      const theirs = frontMatterOf(hugo);
      expect(theirs).toMatchObject({ title: ours.title, date: ours.date, slug: path.basename(file, ".md"), author: [ours.author].flat() });
      expect((theirs.category as string[])[0]).toBe(ours.category);
      expect(theirs.tag ?? []).toEqual(ours.tags ?? []);
      expect(theirs.year).toEqual([(ours.date as string).slice(0, 4)]);
      expect(theirs.month).toEqual([`${(ours.date as string).slice(0, 4)}/${(ours.date as string).slice(5, 7)}`]);
      // The Markdown body as it is.
      expect(hugo.slice(hugo.indexOf("\n---\n") + 5)).toBe(original.slice(original.indexOf("\n---\n") + 5));
    }
  });
});

describe("the bench's warm-rebuild edits", () => {
  it("add a newest article, correct one from three years before, and change an author's bio", () => {
    const corpus = tempDir("edits-corpus");
    generateCorpus(corpus, { articles: 60 });
    const dates = () =>
      (readdirSync(path.join(corpus, "posts"), { recursive: true }) as string[])
        .filter((file) => file.endsWith(".md"))
        .map((file) => ({ file: `posts/${file}`, date: Date.parse(frontMatterOf(readFileSync(path.join(corpus, "posts", file), "utf8")).date as string) }));
    const newestBefore = Math.max(...dates().map(({ date }) => date));

    const added = addOneArticle(corpus);
    const after = dates();
    expect(after).toHaveLength(61);
    expect(after.find(({ file }) => file === added.file)!.date).toBeGreaterThan(newestBefore);

    const edited = editOldArticle(corpus);
    const text = readFileSync(path.join(corpus, edited.file), "utf8");
    expect(frontMatterOf(text).title).toMatch(/^Corrected: /);
    expect(text).toContain("The figures in this story were corrected after publication.");
    const years = (newestBefore - Date.parse(frontMatterOf(text).date as string)) / (365.25 * 24 * 3600 * 1000);
    expect(years).toBeGreaterThan(2.9);
    expect(years).toBeLessThan(3.1);

    changeAuthorBio(corpus, edited.authorId);
    const authors = JSON.parse(readFileSync(path.join(corpus, "_data/authors.json"), "utf8")) as Record<string, { bio: string }>;
    expect(authors[edited.authorId]!.bio).toMatch(/^Joined the newsroom's data desk this spring\. /);
    expect([frontMatterOf(text).author].flat()).toContain(edited.authorId);
  });
});
