// Problems only the whole site shows, found on the page registry: an article's alias at the
// address of one of the site's own pages (a listing, a feed, an index) would replace it.
import type { Problem } from "../content/problems.ts";
import type { Build } from "./build.ts";
import { registryOf, type PageEntry } from "./registry.ts";

/** What a page of the site is, for a message to an editor. */
function describe(entry: PageEntry): string {
  if (entry.kind === "listing") return entry.archive.kind === "home" ? "the front page" : `the ${entry.archive.kind} archive ${entry.archive.name || entry.archive.key}`;
  if (entry.kind === "article") return `a page of ${entry.article.file}`;
  return `the site's ${entry.kind.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`)} (${entry.url})`;
}

export function siteProblems(build: Build): Problem[] {
  const registry = registryOf(build);
  const pages = new Map(registry.entries.filter((entry) => entry.kind !== "redirect" && entry.kind !== "file").map((entry) => [entry.url, entry]));
  // A file of the publication an article links to is published at its path: never over a page.
  const files = build.publication.articles.flatMap((article) =>
    article.files.flatMap((file) => {
      const page = pages.get(file.sitePath);
      return page ? [{ severity: "error" as const, file: article.file, field: undefined, message: `${file.reference} would be published at ${file.sitePath}, which is ${describe(page)} — move the file, e.g. under files/` }] : [];
    }),
  );
  return [...files, ...build.publication.articles.flatMap((article) =>
    article.aliases.flatMap((alias, index) => {
      const page = pages.get(alias);
      // Articles' own URLs are checked with the content (src/content/load.ts).
      if (!page || page.kind === "article") return [];
      return [{ severity: "error" as const, file: article.file, line: article.aliasLines[index], field: "aliases", message: `${alias} is ${describe(page)} — remove the alias, it would replace that page` }];
    }),
  )];
}
