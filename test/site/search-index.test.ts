// What the search index is built from: the data-pagefind-* attributes of the built article
// pages, the bundle written by every build, and the build's refusal of an incomplete index.
import { describe, expect, inject, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { writeSearchIndex } from "../../src/search/indexer.ts";
import { makePublication, runBuild, tempDir } from "../helpers/build.ts";
import { htmlPages, readPage, text, urlExists } from "../helpers/site.ts";

const site = inject("sampleSite");

describe("article pages carry the search metadata and filters", () => {
  it("marks exactly one page per article for indexing: the View all page of a multi-page article", () => {
    const indexed = htmlPages(site).filter((file) => readFileSync(path.join(site, file), "utf8").includes("data-pagefind-body"));
    expect(indexed).toHaveLength(19);
    const multi = "2025/08/harlow-ridge-wind-farm-fight/";
    expect(indexed.filter((file) => file.startsWith(multi))).toEqual([`${multi}all/index.html`]);
    expect(indexed.every((file) => /^\d{4}\/\d{2}\/[^/]+\/(all\/)?index\.html$/.test(file))).toBe(true);
  });

  it("gives filters for every category, every co-author, the year and every tag", () => {
    const page = readPage(site, "/2025/08/harlow-ridge-wind-farm-fight/all/");
    const body = page.querySelector("[data-pagefind-body]")!;
    const filters = (name: string) => [...body.querySelectorAll(`[data-pagefind-filter="${name}"]`)].map(text);
    expect(filters("category")).toEqual(["Environment", "Economy"]);
    expect(filters("author")).toEqual(["Ingrid Solberg"]);
    expect(filters("tag")).toEqual(["wind energy", "Public Utilities Commission", "Harlow County"]);
    expect(body.querySelector('[data-pagefind-filter^="year:"]')!.getAttribute("data-pagefind-filter")).toBe("year:2025");
    const coAuthored = readPage(site, "/2025/10/revenue-report-sales-tax/");
    expect([...coAuthored.querySelectorAll('[data-pagefind-filter="author"]')].map(text)).toEqual(["Maya Okafor", "Daniel Reyes"]);
  });

  it("gives title, dek, authors, date, thumbnail and its alt as metadata, and a date sort", () => {
    const page = readPage(site, "/2025/03/budget-vote-delayed/");
    const meta = (name: string) => page.querySelector(`[data-pagefind-meta="${name}"]`);
    expect(text(meta("title"))).toMatch(/^Senate Finance Committee delays budget vote/);
    expect(text(meta("dek"))).toMatch(/^A vote scheduled/);
    expect(text(meta("authors"))).toBe("By Daniel Reyes");
    expect(text(meta("date"))).toBe("March 27, 2025 at 8:00 AM EDT");
    const image = page.querySelector('[data-pagefind-meta="image[data-thumbnail], image_alt[alt]"]')!;
    expect(urlExists(site, image.getAttribute("data-thumbnail")!)).toBe(true);
    expect(image.getAttribute("alt")).toMatch(/bar chart/);
    expect(page.querySelector("[data-pagefind-sort]")!.getAttribute("data-pagefind-sort")).toBe("date:2025-03-27T12:00:00Z");
  });

  it("keeps the author box and the page navigation out of the index", () => {
    const page = readPage(site, "/2025/08/harlow-ridge-wind-farm-fight/all/");
    expect(page.querySelector(".author-boxes")!.getAttribute("data-pagefind-ignore")).toBe("all");
    expect(page.querySelector("nav.pager")!.closest('[data-pagefind-ignore="all"]')).not.toBeNull();
  });
});

describe("the search bundle", () => {
  it("is written by every build", () => {
    for (const file of ["pagefind/pagefind.js", "pagefind/pagefind-entry.json", "assets/search.js"]) expect(existsSync(path.join(site, file)), file).toBe(true);
    const entry = JSON.parse(readFileSync(path.join(site, "pagefind/pagefind-entry.json"), "utf8"));
    expect(Object.values(entry.languages as Record<string, { page_count: number }>)[0]!.page_count).toBe(19);
  });

  it("refuses an index holding fewer pages than published articles, saying why", async () => {
    const pages = [{ url: "/a/", content: '<html lang="en"><body><main data-pagefind-body><h1>A</h1><p>Text</p></main></body></html>' }];
    await expect(writeSearchIndex(pages, tempDir("index"), "en", ["/a/", "/b/"])).rejects.toThrow(
      "the search index holds 1 pages but 2 articles are published — every article page must carry data-pagefind-body",
    );
    expect(await writeSearchIndex(pages, tempDir("index"), "en", ["/a/"])).toBe(1);
  });
});

describe("a publication with no articles yet", () => {
  it("builds, and its search page says there is nothing to search", () => {
    const content = makePublication({});
    const output = path.join(tempDir("out"), "_site");
    const result = runBuild(content, output);
    expect(result.status, result.stderr).toBe(0);
    expect(text(readPage(output, "/search/").querySelector(".listing-empty"))).toBe("There is nothing to search yet: no stories have been published.");
    expect(readPage(output, "/search/").querySelector("script[src]")).toBeNull();
    expect(text(readPage(output, "/").querySelector(".listing-empty"))).toBe("Nothing has been published yet.");
  });
});
