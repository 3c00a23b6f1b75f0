// What each page of the site is made of, as one hash: the records and files its view is
// computed from. Two builds that give a page the same fingerprint write the same bytes for it,
// so an incremental build (reuse.ts) takes the page from the previous site instead of
// rendering it again. A page's fingerprint holds what it shows of other records as those
// records' own digests: an article page holds its newer, older and related stories' card
// digests, a listing page its cards', a feed its items'. Pages made of the publication as a
// whole (indexes, sitemaps, the search page, robots.txt, the 404 page) have none: they are
// cheap, and are rendered by every build.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Article } from "../content/article.ts";
import { sitePathToFile } from "../content/load.ts";
import type { Archive } from "./archives.ts";
import type { Build } from "./build.ts";
import { filesUnder } from "./files.ts";
import { kitFingerprint } from "./kit.ts";
import { registryOf, type PageEntry } from "./registry.ts";
import { relatedOf } from "./related.ts";

interface Fingerprints {
  /** Of every entry a build may take from the previous site; the others are always rendered. */
  pages: Map<PageEntry, string>;
  /**
   * Of each article's indexed page, as search reads it: what Pagefind is told to ignore
   * (data-pagefind-ignore="all": the author boxes) left out, so a changed bio, which changes
   * the pages, leaves their search bundles as they were.
   */
  search: Map<PageEntry, string>;
}

export const fingerprintsOf = (build: Build): Map<PageEntry, string> => build.memo(computeFingerprints).pages;
export const searchFingerprintsOf = (build: Build): Map<PageEntry, string> => build.memo(computeFingerprints).search;

const digest = (...parts: string[]): string => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex").slice(0, 32);
};

function computeFingerprints(build: Build): Fingerprints {
  const { publication, options } = build;
  const { root, site, articles, authors } = publication;
  const fileDigests = new Map<string, string>();
  const fileDigest = (file: string): string => {
    if (!fileDigests.has(file)) fileDigests.set(file, digest(readFileSync(file).toString("base64")));
    return fileDigests.get(file)!;
  };

  // What every page shows: the kit, the build's settings, site.json, categories (menu, cards),
  // the interface's wording, the static pages' names (menu, footer), the publisher's includes.
  const customIncludes = path.join(root, "_includes", "custom");
  const everyPage = digest(
    kitFingerprint(),
    JSON.stringify({ includeUnpublished: options.includeUnpublished, articlesPerSlice: options.articlesPerSlice }),
    JSON.stringify(site),
    JSON.stringify([...publication.categories]),
    JSON.stringify(publication.messages),
    JSON.stringify(publication.pages.map(({ slug, title, url, footer }) => [slug, title, url, footer])),
    ...filesUnder(customIncludes).map((file) => `${file}:${fileDigest(path.join(customIncludes, file))}`),
  );

  // An author as a byline shows a name and a link; in an author box or on their own page, everything.
  const byline = new Map([...authors].map(([id, author]) => [id, digest(id, author.name)]));
  const profile = new Map([...authors].map(([id, author]) => [id, digest(JSON.stringify(author), author.avatar ? fileDigest(sitePathToFile(root, author.avatar)) : "")]));

  // An article as its own record (source, files, merged tag spellings…) and as a card of it.
  const ownDigests = new Map<Article, string>();
  const own = (article: Article): string => {
    if (!ownDigests.has(article)) {
      const files = article.files.map(({ file }) => fileDigest(file));
      const image = article.image ? fileDigest(sitePathToFile(root, article.image.src)) : "";
      // The file's bytes stand for its text (digest); the record adds what other files decide (merged tag spellings, resolved files).
      const { parts, excerpt, partLines, ...record } = article;
      ownDigests.set(article, digest(JSON.stringify(record), image, ...files));
    }
    return ownDigests.get(article)!;
  };
  const cardDigests = new Map<Article, string>();
  const card = (article: Article | undefined): string => {
    if (!article) return "";
    if (!cardDigests.has(article)) cardDigests.set(article, digest(own(article), ...article.authorIds.map((id) => byline.get(id)!)));
    return cardDigests.get(article)!;
  };
  // A feed item names its authors with their avatars (JSON Feed).
  const feedItem = (article: Article): string => digest(own(article), ...article.authorIds.map((id) => profile.get(id)!));
  const archiveDigest = (archive: Archive): string =>
    digest(archive.kind, archive.key, archive.name, String(archive.articles.length), archive.kind === "author" ? profile.get(archive.key)! : "");

  const related = relatedOf(build);
  const fingerprints = new Map<PageEntry, string>();
  const search = new Map<PageEntry, string>();
  for (const entry of registryOf(build).entries) {
    const fingerprint = ((): string | undefined => {
      switch (entry.kind) {
        case "article": {
          const { article, position } = entry;
          return digest(
            everyPage,
            entry.url,
            String(entry.part),
            JSON.stringify(entry.pager ?? null),
            own(article),
            ...article.authorIds.map((id) => profile.get(id)!),
            card(articles[position - 1]),
            card(articles[position + 1]),
            ...related.get(article)!.map(card),
          );
        }
        case "listing":
          return digest(everyPage, entry.url, archiveDigest(entry.archive), String(entry.page.page), String(entry.page.pageCount), ...entry.page.items.map(card));
        case "rss":
        case "atom":
        case "jsonFeed":
          return digest(everyPage, entry.kind, entry.url, archiveDigest(entry.archive), ...entry.archive.articles.slice(0, site.feedSize).map(feedItem));
        case "redirect":
          return digest(everyPage, entry.url, card(entry.article));
        case "page":
          return digest(everyPage, entry.url, JSON.stringify(entry.page));
        case "file":
          return digest(entry.url, fileDigest(entry.source));
        default:
          return undefined;
      }
    })();
    if (fingerprint) fingerprints.set(entry, fingerprint);
    if (entry.kind === "article" && entry.indexed) {
      const { article } = entry;
      search.set(entry, digest(everyPage, entry.url, String(entry.part), JSON.stringify(entry.pager ?? null), own(article), ...article.authorIds.map((id) => byline.get(id)!)));
    }
  }
  return { pages: fingerprints, search };
}
