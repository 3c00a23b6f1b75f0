// Every internal link, image and stylesheet of the built site resolves to a built file
// (and every #fragment to an element id), except links to pages that later issues add.
import { describe, expect, inject, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileForUrl, htmlPages, readPage, urlExists } from "../helpers/site.ts";

const site = inject("sampleSite");
const siteUrl = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../_data/site.json"), "utf8")).url as string;

/** Pages that arrive with later issues. Remove an entry as soon as its pages are built (none left). */
const NOT_YET_BUILT: { pattern: RegExp; issue: string }[] = [];

interface Reference {
  page: string;
  url: string;
}

function internalReferences(): Reference[] {
  const references: Reference[] = [];
  for (const page of htmlPages(site)) {
    const pageUrl = new URL(`/${page.replace(/index\.html$/, "")}`, siteUrl);
    const document = readPage(site, pageUrl.pathname);
    const raw: string[] = [];
    for (const element of document.querySelectorAll("a[href], link[href]")) raw.push(element.getAttribute("href")!);
    for (const element of document.querySelectorAll("img[src], script[src]")) raw.push(element.getAttribute("src")!);
    for (const element of document.querySelectorAll("img[srcset], source[srcset]")) {
      for (const candidate of element.getAttribute("srcset")!.split(",")) raw.push(candidate.trim().split(/\s+/)[0]!);
    }
    for (const value of raw) {
      const url = new URL(value, pageUrl);
      if (url.origin !== new URL(siteUrl).origin) continue;
      references.push({ page, url: url.pathname + url.hash });
    }
  }
  return references;
}

describe("internal links", () => {
  const references = internalReferences();
  const pending = (pathname: string) => NOT_YET_BUILT.find((entry) => entry.pattern.test(decodeURIComponent(pathname)));

  it("finds links to check", () => {
    expect(references.length).toBeGreaterThan(100);
  });

  it("resolve to built files and ids", () => {
    const broken: string[] = [];
    for (const { page, url } of references) {
      const [pathname, fragment] = url.split("#") as [string, string | undefined];
      if (pending(pathname)) continue;
      if (!urlExists(site, pathname)) {
        broken.push(`${page} → ${url}`);
        continue;
      }
      if (fragment && fileForUrl(site, pathname).endsWith(".html") && !readPage(site, pathname).getElementById(decodeURIComponent(fragment))) {
        broken.push(`${page} → ${url} (no element with that id)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("list no exception for pages that exist already (the list only shrinks)", () => {
    const stale = NOT_YET_BUILT.filter(({ pattern }) =>
      references.some(({ url }) => pattern.test(decodeURIComponent(url.split("#")[0]!)) && urlExists(site, url.split("#")[0]!)),
    );
    expect(stale.map((entry) => entry.issue)).toEqual([]);
  });
});
