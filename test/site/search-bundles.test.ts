// Search bundles in incremental builds: a new story re-indexes only the newest small block, an
// edited old story only its own bundle, every other bundle is the one the last build wrote, and
// the search index is byte for byte the one a cold build writes — and still finds every story.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { makePublication, runBuild, tempDir, type BuildResult } from "../helpers/build.ts";
import { readPage } from "../helpers/site.ts";

const TIMEOUT = 180_000;
// Slices of 20 articles: the newest slice, while it fills, is cut into blocks of 2.
const SLICES = ["--slice-size", "20"];

// Words no other story uses, one per story: letters only (Pagefind splits digits off), and an
// ending no stemmer takes off.
const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const wordOf = (story: number) => `vorn${LETTERS[Math.floor(story / 26)]}${LETTERS[story % 26]}k`;

const post = (story: number, body = `Reporting on ${wordOf(story)} for the record.`) => `---
title: "Council notes ${story}"
date: ${new Date(Date.UTC(2025, 0, 1, story)).toISOString().replace(".000Z", "Z")}
author: maya-okafor
category: statehouse
tags: [budget]
---
${body}
`;
const postFile = (story: number) => `council-notes-${story}.md`;

/** Every file of the site's search bundles (pagefind/, pagefind-2/, …), relative, sorted. */
function bundleFiles(site: string): string[] {
  return readdirSync(site)
    .filter((folder) => folder.startsWith("pagefind"))
    .flatMap((folder) => (readdirSync(path.join(site, folder), { recursive: true }) as string[]).map((file) => path.join(folder, file)))
    .filter((file) => statSync(path.join(site, file)).isFile())
    .sort();
}

const bundleFolders = (site: string) => [...new Set(bundleFiles(site).map((file) => file.split(path.sep)[0]!))].sort();
const inodes = (site: string, folder: string) => new Map(bundleFiles(site).filter((file) => file.startsWith(`${folder}${path.sep}`)).map((file) => [file, statSync(path.join(site, file)).ino]));

/** The search index's part of the build's last line. */
function searchReport(result: BuildResult): string {
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  const last = result.stdout.trim().split("\n").at(-1)!;
  return /; search: ([^;]+?) \([\d.]+ s\)\.$/.exec(last)?.[1] ?? last;
}

/** Builds `content` cold (--full) into a new folder and expects its bundles and search page to be `site`'s, byte for byte. */
function expectSameAsColdBuild(content: string, site: string): void {
  const cold = path.join(tempDir("search-bundles-cold"), "_site");
  const result = runBuild(content, cold, [...SLICES, "--full"]);
  expect(result.status, result.stderr).toBe(0);
  expect(bundleFiles(site)).toEqual(bundleFiles(cold));
  for (const file of [...bundleFiles(cold), path.join("search", "index.html")]) {
    expect(readFileSync(path.join(site, file)).equals(readFileSync(path.join(cold, file))), file).toBe(true);
  }
  rmSync(path.dirname(cold), { recursive: true, force: true });
}

// Pagefind's own search script, run in Node as the search page runs it in a browser: the
// newest bundle first, the older ones merged in. Its requests are files of the site.
const browserFetch = globalThis.fetch;
beforeAll(() => {
  globalThis.fetch = (async (input: string | URL | Request) => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (url.protocol !== "file:") return browserFetch(input);
    return readFile(fileURLToPath(url)).then(
      (bytes) => new Response(bytes),
      () => new Response(null, { status: 404 }),
    );
  }) as typeof fetch;
});
afterAll(() => {
  globalThis.fetch = browserFetch;
});

let searches = 0;
/** The stories (their slugs) a search for `word` finds on the site, across all its bundles. */
async function search(site: string, word: string): Promise<string[]> {
  const bundles = readPage(site, "/search/").querySelector("[data-search-app]")!.getAttribute("data-bundles")!.split(" ");
  const bundleUrl = (url: string) => pathToFileURL(path.join(site, url)).href.replace(/\/?$/, "/");
  // A fresh copy of the script for each search (its state is per module).
  const pagefind = await import(`${bundleUrl(bundles[0]!)}pagefind.js?search=${++searches}`);
  await pagefind.init();
  for (const url of bundles.slice(1)) await pagefind.mergeIndex(bundleUrl(url));
  const { results } = await pagefind.search(word);
  const found: { url: string }[] = await Promise.all(results.map((result: { data(): Promise<{ url: string }> }) => result.data()));
  await pagefind.destroy();
  return found.map(({ url }) => url.split("/").at(-2)!).sort();
}

describe("search bundles in incremental builds", () => {
  const stories = Array.from({ length: 25 }, (_, story) => story);
  const content = makePublication(Object.fromEntries(stories.map((story) => [postFile(story), post(story)])));
  const site = path.join(tempDir("search-bundles"), "_site");

  it(
    "cuts the newest, partial slice into small blocks: 20 + 2 + 2 + 1 stories",
    () => {
      expect(searchReport(runBuild(content, site, SLICES))).toBe("4 bundles indexed (25 pages), 0 reused");
      expect(bundleFolders(site)).toEqual(["pagefind", "pagefind-2", "pagefind-3", "pagefind-4"]);
      const pageCount = (folder: string) => (Object.values(JSON.parse(readFileSync(path.join(site, folder, "pagefind-entry.json"), "utf8")).languages) as { page_count: number }[])[0]!.page_count;
      expect(bundleFolders(site).map(pageCount)).toEqual([20, 2, 2, 1]);
    },
    TIMEOUT,
  );

  it(
    "re-indexes only the newest block for a new story, takes the others as they were, and writes what a cold build writes",
    async () => {
      const before = new Map(["pagefind", "pagefind-2", "pagefind-3"].map((folder) => [folder, inodes(site, folder)]));
      writeFileSync(path.join(content, "posts", postFile(25)), post(25));
      expect(searchReport(runBuild(content, site, SLICES))).toBe("1 bundle re-indexed (2 pages), 3 reused");
      // The same files, not copies: linked from the cache the last build kept them in.
      for (const [folder, files] of before) expect(inodes(site, folder), folder).toEqual(files);
      expectSameAsColdBuild(content, site);
      expect(await search(site, wordOf(25))).toEqual(["council-notes-25"]);
      expect(await search(site, wordOf(0))).toEqual(["council-notes-0"]);
    },
    TIMEOUT,
  );

  it(
    "re-indexes only its own bundle for an edited old story",
    async () => {
      const newest = new Map(["pagefind-2", "pagefind-3", "pagefind-4"].map((folder) => [folder, inodes(site, folder)]));
      writeFileSync(path.join(content, "posts", postFile(3)), post(3, "A correction: the vote on marsupine was postponed."));
      expect(searchReport(runBuild(content, site, SLICES))).toBe("1 bundle re-indexed (20 pages), 3 reused");
      for (const [folder, files] of newest) expect(inodes(site, folder), folder).toEqual(files);
      expectSameAsColdBuild(content, site);
      expect(await search(site, "marsupine")).toEqual(["council-notes-3"]);
      expect(await search(site, wordOf(3))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "indexes the filled slice as one bundle when its blocks are full",
    () => {
      for (const story of stories.map((story) => story + 26).slice(0, 14)) writeFileSync(path.join(content, "posts", postFile(story)), post(story));
      expect(searchReport(runBuild(content, site, SLICES))).toBe("1 bundle re-indexed (20 pages), 1 reused");
      expect(bundleFolders(site)).toEqual(["pagefind", "pagefind-2"]);
      expectSameAsColdBuild(content, site);
    },
    TIMEOUT,
  );
});
