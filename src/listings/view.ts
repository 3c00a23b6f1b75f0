// What listing pages display: every paged archive, the category, tag and date indexes and
// the 404 page, computed in TypeScript so the templates only display.
import { DateTime } from "luxon";
import type { Publication } from "../content/load.ts";
import { displayMonth } from "../dates/index.ts";
import type { ImageProcessor } from "../images/index.ts";
import { renderMarkdown, plainText, truncateText } from "../markdown/index.ts";
import type { Pager } from "../pagination/index.ts";
import { absoluteUrl, archiveUrl, authorFeedUrl, categoryFeedUrl, categoryIndexUrl, tagIndexUrl } from "../urls/index.ts";
import { pageMeta, type HeadMeta } from "../seo/index.ts";
import { catalogueOf, type AuthorCard, type Catalogue, type Teaser } from "../articles/catalogue.ts";
import { collectArchives, pagedArchives, type Archive } from "./archives.ts";
import { planPages } from "./plan.ts";

/** Listings a reader scrolls through get "Load more"; date archives are browsed by period. */
const LOAD_MORE_KINDS = new Set<Archive["kind"]>(["home", "category", "tag", "author"]);
const LATEST_ON_404 = 6;

export interface AuthorProfile {
  card: AuthorCard;
  bioHtml?: string;
  links: { label: string; url: string; rel?: string }[];
}

export interface ListingPage {
  kind: Archive["kind"];
  url: string;
  heading: { kicker?: string; title: string; description?: string };
  author?: AuthorProfile;
  /** The newest story on page 1 of the home page, shown larger. */
  lead?: Teaser;
  cards: Teaser[];
  emptyMessage: string;
  pager?: Pager;
  /** Page 2 onwards of a listing readers scroll: a plain link, enhanced by load-more.js. */
  loadMoreUrl?: string;
  meta: HeadMeta;
}

export interface CountedLink {
  name: string;
  url: string;
  count: string;
  description?: string;
}

export interface ListingSite {
  pages: ListingPage[];
  categoryIndex: { meta: HeadMeta; categories: CountedLink[] };
  tagIndex: { meta: HeadMeta; tags: CountedLink[] };
  archiveIndex: { meta: HeadMeta; years: (CountedLink & { months: CountedLink[] })[] };
  notFound: { meta: HeadMeta; latest: Teaser[] };
}

const stories = (count: number) => `${count} ${count === 1 ? "story" : "stories"}`;

export async function buildListings(publication: Publication, images: ImageProcessor): Promise<ListingSite> {
  const archives = collectArchives(publication);
  const { site } = publication;
  const catalogue = await catalogueOf(publication, images);
  const canonical = (url: string) => absoluteUrl(site.url, url);
  const profiles = new Map([...publication.authors.keys()].map((id) => [id, authorProfile(publication, catalogue, id)]));

  const pages: ListingPage[] = [];
  for (const archive of pagedArchives(archives)) {
    const heading = headingOf(archive, publication);
    for (const planned of planPages(archive.url, archive.articles, site.postsPerPage)) {
      const cards = planned.items.map(catalogue.teaser);
      const lead = archive.kind === "home" && planned.page === 1 ? cards.shift() : undefined;
      const titled = planned.page > 1 ? `${heading.title}, page ${planned.page}` : heading.title;
      const description = heading.description ? truncateText(plainText(heading.description), 200) : site.description;
      pages.push({
        kind: archive.kind,
        url: planned.url,
        heading,
        author: archive.kind === "author" ? profiles.get(archive.key) : undefined,
        lead,
        cards,
        emptyMessage: emptyMessage(archive),
        pager: planned.pager,
        loadMoreUrl: LOAD_MORE_KINDS.has(archive.kind) ? planned.nextUrl : undefined,
        meta: {
          ...pageMeta(site.title, titled, description, canonical(planned.url), archive.kind === "home" && planned.page === 1 ? `${site.title} — ${site.description}` : undefined),
          feeds: subjectFeed(archive, heading.title, site.title),
        },
      });
    }
  }

  return {
    pages,
    categoryIndex: {
      meta: pageMeta(site.title, "Categories", `Every section of ${site.title}.`, canonical(categoryIndexUrl)),
      categories: archives.categories.map((archive) => ({
        ...catalogue.category(archive.key),
        count: stories(archive.articles.length),
        description: publication.categories.get(archive.key)!.description,
      })),
    },
    tagIndex: {
      meta: pageMeta(site.title, "Tags", `Every topic ${site.title} has covered.`, canonical(tagIndexUrl)),
      tags: archives.tags.map((archive) => ({ ...catalogue.tag(archive.key, archive.name), count: stories(archive.articles.length) })),
    },
    archiveIndex: {
      meta: pageMeta(site.title, "Archives", `Every story of ${site.title}, by year and month.`, canonical(archiveUrl)),
      years: archives.years.map((year) => ({
        name: year.name,
        url: year.url,
        count: stories(year.articles.length),
        months: archives.months
          .filter((month) => month.key.startsWith(`${year.key}-`))
          .map((month) => ({ name: headingOf(month, publication).title, url: month.url, count: stories(month.articles.length) })),
      })),
    },
    notFound: {
      meta: { ...pageMeta(site.title, "Page not found", "The page you asked for is not here.", undefined), robots: "noindex" },
      latest: publication.articles.slice(0, LATEST_ON_404).map(catalogue.teaser),
    },
  };
}

function headingOf(archive: Archive, publication: Publication): ListingPage["heading"] {
  switch (archive.kind) {
    case "home":
      return { title: "Latest stories" };
    case "category": {
      const category = publication.categories.get(archive.key)!;
      return { kicker: "Category", title: category.name, description: category.description };
    }
    case "tag":
      return { kicker: "Tag", title: archive.name };
    case "author": {
      const author = publication.authors.get(archive.key)!;
      return { kicker: author.role, title: author.name, description: author.bio };
    }
    case "year":
      return { kicker: "Archive", title: archive.key };
    case "month": {
      const [year, month] = archive.key.split("-").map(Number) as [number, number];
      const title = displayMonth(DateTime.fromObject({ year, month }, { zone: publication.site.timezone }), publication.site.language);
      return { kicker: "Archive", title };
    }
  }
}

/** Category and author pages advertise their own RSS feed. */
function subjectFeed(archive: Archive, name: string, siteTitle: string): HeadMeta["feeds"] {
  if (archive.kind === "category") return [{ name: `${siteTitle}: ${name}`, url: categoryFeedUrl(archive.key) }];
  if (archive.kind === "author") return [{ name: `${siteTitle}: ${name}`, url: authorFeedUrl(archive.key) }];
  return undefined;
}

function emptyMessage(archive: Archive): string {
  switch (archive.kind) {
    case "home":
      return "Nothing has been published yet.";
    case "category":
      return "No stories in this category yet.";
    case "author":
      return "No stories by this author yet.";
    default:
      return "No stories here.";
  }
}

const LINK_LABELS = { website: "Website", x: "X", mastodon: "Mastodon", bluesky: "Bluesky", email: "Email" } as const;

function authorProfile(publication: Publication, catalogue: Catalogue, id: string): AuthorProfile {
  const author = publication.authors.get(id)!;
  const links = Object.entries(LINK_LABELS).flatMap(([key, label]) => {
    const value = author.links?.[key as keyof typeof LINK_LABELS];
    if (!value) return [];
    return [{ label, url: key === "email" ? `mailto:${value}` : value, rel: key === "mastodon" ? "me" : undefined }];
  });
  return { card: catalogue.author(id), bioHtml: author.bio === undefined ? undefined : renderMarkdown(author.bio), links };
}
