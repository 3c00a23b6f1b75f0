// The build as a publisher runs it: clean, atomic, deterministic, images processed once.
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readFileSync, rmSync, statSync, writeFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { makePublication, projectRoot, runBuild, tempDir } from "../helpers/build.ts";
import { allFiles, urlExists } from "../helpers/site.ts";

const post = (title: string, extra = "") => `---
title: ${JSON.stringify(title)}
date: 2025-05-01T10:00:00-04:00
author: maya-okafor
category: statehouse
image:
  src: /img/posts/capitol-dome.svg
  alt: A drawing of a capitol dome
${extra}---
The first paragraph of ${title}.
`;

function treeHash(dir: string): Record<string, string> {
  return Object.fromEntries(
    allFiles(dir)
      .filter((file) => statSync(path.join(dir, file)).isFile())
      .map((file) => [file, createHash("sha256").update(readFileSync(path.join(dir, file))).digest("hex")]),
  );
}

describe("npm run build", () => {
  it("removes pages of deleted articles on the next build", () => {
    const content = makePublication({ "one.md": post("One"), "two.md": post("Two") });
    const output = path.join(tempDir("out"), "_site");
    expect(runBuild(content, output).status).toBe(0);
    expect(urlExists(output, "/2025/05/two/")).toBe(true);

    rmSync(path.join(content, "posts", "two.md"));
    expect(runBuild(content, output).status).toBe(0);
    expect(urlExists(output, "/2025/05/one/")).toBe(true);
    expect(urlExists(output, "/2025/05/two/")).toBe(false);
  });

  it("stops on a content error with the file, field and fix, leaving the previous site byte-identical", () => {
    const content = makePublication({ "one.md": post("One") });
    const output = path.join(tempDir("out"), "_site");
    expect(runBuild(content, output).status).toBe(0);
    const before = treeHash(output);

    writeFileSync(path.join(content, "posts", "broken.md"), post("Broken").replace("author: maya-okafor", "author: maya-okafur"));
    const failed = runBuild(content, output);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('posts/broken.md:4: author: unknown author "maya-okafur" — did you mean `maya-okafor`?');
    expect(failed.stderr).not.toMatch(/\bat .+\.ts:\d+/); // no stack trace
    expect(treeHash(output)).toEqual(before);
  });

  it("writes byte-identical output for the same input", () => {
    const content = makePublication({ "one.md": post("One"), "two.md": post("Two", "tags: [budget, Budget]\n") });
    const first = path.join(tempDir("out"), "_site");
    const second = path.join(tempDir("out"), "_site");
    expect(runBuild(content, first).status).toBe(0);
    // Without the search cache, so that Pagefind indexes afresh.
    rmSync(path.join(content, ".cache", "search"), { recursive: true });
    expect(runBuild(content, second).status).toBe(0);
    const hashes = treeHash(first);
    for (const feed of ["feed.xml", "atom.xml", "feed.json", "category/statehouse/feed.xml", "author/maya-okafor/feed.xml", "sitemap.xml"]) expect(hashes[feed], feed).toBeDefined();
    expect(treeHash(second)).toEqual(hashes);
  });

  it("renders the same site in several Eleventy runs as in one", () => {
    const now = { NEWSROOM_NOW: "2026-06-01T12:00:00-05:00" };
    const oneRun = path.join(tempDir("out"), "_site");
    const runsOfFive = path.join(tempDir("out"), "_site");
    expect(runBuild(projectRoot, oneRun, [], now).status).toBe(0);
    expect(runBuild(projectRoot, runsOfFive, ["--slice-size", "5"], now).status).toBe(0);
    // Search bundles are cut like the runs: they, and the search page that lists them, differ.
    const pagesOf = (site: string) => Object.fromEntries(Object.entries(treeHash(site)).filter(([file]) => !/^pagefind|^search\//.test(file)));
    const hashes = pagesOf(oneRun);
    expect(Object.keys(hashes).length).toBeGreaterThan(100);
    expect(pagesOf(runsOfFive)).toEqual(hashes);
  });

  it("re-indexes only the search bundle a new article changes", () => {
    const dated = (title: string, day: number) => post(title).replace("2025-05-01T10:00", `2025-05-${String(day).padStart(2, "0")}T10:00`);
    const posts = Object.fromEntries([1, 2, 3, 4, 5].map((day) => [`story-${day}.md`, dated(`Story ${day}`, day)]));
    const content = makePublication(posts);
    const output = path.join(tempDir("out"), "_site");
    const slices = ["--slice-size", "2"];
    const first = runBuild(content, output, slices);
    expect(first.status).toBe(0);
    // Slices of 2 from the oldest: [1, 2], [3, 4], and the newest, [5], in blocks of 1.
    expect(first.stdout).toMatch(/; search: 3 bundles indexed \(5 pages\), 0 reused \([\d.]+ s\)\.$/m);
    const before = treeHash(output);

    // Bundles are cut from the oldest article: a sixth fills the newest, the others stay.
    writeFileSync(path.join(content, "posts", "story-6.md"), dated("Story 6", 6));
    const second = runBuild(content, output, slices);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/; search: 1 bundle re-indexed \(2 pages\), 2 reused \([\d.]+ s\)\.$/m);
    const after = treeHash(output);
    const bundleFiles = (hashes: Record<string, string>, bundle: string) => Object.fromEntries(Object.entries(hashes).filter(([file]) => file.startsWith(`${bundle}/`)));
    for (const bundle of ["pagefind", "pagefind-2"]) expect(bundleFiles(after, bundle), bundle).toEqual(bundleFiles(before, bundle));
    expect(bundleFiles(after, "pagefind-3")).not.toEqual(bundleFiles(before, "pagefind-3"));
    const entry = JSON.parse(readFileSync(path.join(output, "pagefind-3", "pagefind-entry.json"), "utf8"));
    expect(entry.languages.en.page_count).toBe(2);
  });

  it("encodes each image once: a rebuild reuses the processed files", () => {
    const content = makePublication({ "one.md": post("One") });
    const output = path.join(tempDir("out"), "_site");
    expect(runBuild(content, output).status).toBe(0);
    const cache = path.join(content, ".cache", "images");
    const encodedAt = () => Object.fromEntries(readdirSync(cache).map((file) => [file, statSync(path.join(cache, file)).mtimeMs]));
    const first = encodedAt();
    expect(Object.keys(first).length).toBeGreaterThan(0);

    expect(runBuild(content, output).status).toBe(0);
    expect(encodedAt()).toEqual(first);
    for (const file of Object.keys(first)) expect(urlExists(output, `/assets/img/${file}`)).toBe(true);
  });
});
