// What listing pages display: every paged archive, the category, tag and date indexes and
// the 404 page, computed in TypeScript so the templates only display.
import type { Publication } from "../content/load.ts";
import { displayMonth } from "../dates/index.ts";
import type { Message, Messages } from "../i18n/index.ts";
import { renderMarkdown, plainText, truncateText } from "../markdown/index.ts";
import type { Pager } from "../pagination/index.ts";
import { absoluteUrl, authorFeedUrl, categoryFeedUrl } from "../urls/index.ts";
import { pageMeta, type HeadMeta } from "../seo/index.ts";
import { collectArchives, type Archive } from "../site/archives.ts";
import type { Build } from "../site/build.ts";
import { catalogueOf, type AuthorCard, type Catalogue, type Teaser } from "../site/catalogue.ts";
import { registryOf, type PageEntry } from "../site/registry.ts";
import { entriesToRender } from "../site/runs.ts";

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
  /** What load-more.js says while it loads and when it has, in the site's language. */
  loadMoreMessages?: { language: string; messages: Record<string, Message> };
  meta: HeadMeta;
}

export interface CountedLink {
  name: string;
  url: string;
  count: string;
  description?: string;
}

export interface IndexPage<Content> {
  url: string;
  meta: HeadMeta;
  content: Content;
}

/** Every listing view of a build, by its registry entry. */
type ListingViews = Map<PageEntry, ListingPage | IndexPage<unknown>>;

/** The listing pages, indexes and 404 page the current render run writes. */
export async function listingPagesToRender(build: Build) {
  // Views of this run's pages only: each run renders a share of the listing pages (src/site/runs.ts).
  const kinds = ["listing", "categoryIndex", "tagIndex", "archiveIndex", "notFound"] as const;
  const views = await buildListingViews(build, new Set(kinds.flatMap((kind) => entriesToRender(build, kind))));
  const render = <View>(kind: Parameters<typeof entriesToRender>[1]) => entriesToRender(build, kind).map((entry) => views.get(entry) as View);
  return {
    listing: render<ListingPage>("listing"),
    categoryIndex: render<IndexPage<CountedLink[]>>("categoryIndex"),
    tagIndex: render<IndexPage<CountedLink[]>>("tagIndex"),
    archiveIndex: render<IndexPage<(CountedLink & { months: CountedLink[] })[]>>("archiveIndex"),
    notFound: render<IndexPage<Teaser[]>>("notFound"),
  };
}

async function buildListingViews(build: Build, wanted: ReadonlySet<PageEntry>): Promise<ListingViews> {
  const { publication } = build;
  const archives = collectArchives(build);
  const registry = registryOf(build);
  const { site, messages } = publication;
  const stories = (count: number) => messages.text("listing.storyCount", { count });
  const catalogue = await catalogueOf(build);
  const canonical = (url: string) => absoluteUrl(site.url, url);
  const profiles = new Map([...publication.authors.keys()].map((id) => [id, authorProfile(publication, catalogue, id)]));
  const loadMoreMessages = messages.forScript(["listing.loading", "listing.loaded"]);
  const views: ListingViews = new Map();

  for (const entry of registry.of("listing")) {
    if (!wanted.has(entry)) continue;
    const { archive, page: planned } = entry;
    const heading = headingOf(archive, publication);
    const cards = planned.items.map(catalogue.teaser);
    const lead = archive.kind === "home" && planned.page === 1 ? cards.shift() : undefined;
    const titled = planned.page > 1 ? messages.text("listing.titleOfPage", { title: heading.title, page: planned.page }) : heading.title;
    const loadMoreUrl = LOAD_MORE_KINDS.has(archive.kind) ? planned.nextUrl : undefined;
    const description = heading.description ? truncateText(plainText(heading.description), 200) : site.description;
    views.set(entry, {
      kind: archive.kind,
      url: entry.url,
      heading,
      author: archive.kind === "author" ? profiles.get(archive.key) : undefined,
      lead,
      cards,
      emptyMessage: emptyMessage(archive, messages),
      pager: planned.pager,
      loadMoreUrl,
      loadMoreMessages: loadMoreUrl ? loadMoreMessages : undefined,
      meta: {
        ...pageMeta(site.title, titled, description, canonical(entry.url), archive.kind === "home" && planned.page === 1 ? `${site.title} — ${site.description}` : undefined),
        feeds: subjectFeed(archive, heading.title, site.title),
      },
    });
  }

  const index = <Content>(entry: PageEntry, headline: string, description: string, content: Content, indexable = true): IndexPage<Content> => {
    const meta = pageMeta(site.title, headline, description, indexable ? canonical(entry.url) : undefined);
    return { url: entry.url, meta: indexable ? meta : { ...meta, robots: "noindex" }, content };
  };
  for (const entry of registry.of("categoryIndex")) {
    if (!wanted.has(entry)) continue;
    const categories = archives.categories.map((archive) => ({
      ...catalogue.category(archive.key),
      count: stories(archive.articles.length),
      description: publication.categories.get(archive.key)!.description,
    }));
    views.set(entry, index(entry, messages.text("index.categoriesTitle"), messages.text("index.categoriesDescription", { site: site.title }), categories));
  }
  for (const entry of registry.of("tagIndex")) {
    if (!wanted.has(entry)) continue;
    const tags = archives.tags.map((archive) => ({ ...catalogue.tag(archive.key, archive.name), count: stories(archive.articles.length) }));
    views.set(entry, index(entry, messages.text("index.tagsTitle"), messages.text("index.tagsDescription", { site: site.title }), tags));
  }
  for (const entry of registry.of("archiveIndex")) {
    if (!wanted.has(entry)) continue;
    const years = archives.years.map((year) => ({
      name: year.name,
      url: year.url,
      count: stories(year.articles.length),
      months: archives.months
        .filter((month) => month.period!.year === year.period!.year)
        .map((month) => ({ name: headingOf(month, publication).title, url: month.url, count: stories(month.articles.length) })),
    }));
    views.set(entry, index(entry, messages.text("index.archivesTitle"), messages.text("index.archivesDescription", { site: site.title }), years));
  }
  for (const entry of registry.of("notFound")) {
    if (!wanted.has(entry)) continue;
    views.set(entry, index(entry, messages.text("notFound.title"), messages.text("notFound.description"), publication.articles.slice(0, LATEST_ON_404).map(catalogue.teaser), false));
  }
  return views;
}

function headingOf(archive: Archive, publication: Publication): ListingPage["heading"] {
  const { messages } = publication;
  switch (archive.kind) {
    case "home":
      return { title: messages.text("listing.latest") };
    case "category": {
      const category = publication.categories.get(archive.key)!;
      return { kicker: messages.text("listing.categoryKicker"), title: category.name, description: category.description };
    }
    case "tag":
      return { kicker: messages.text("listing.tagKicker"), title: archive.name };
    case "author": {
      const author = publication.authors.get(archive.key)!;
      return { kicker: author.role, title: author.name, description: author.bio };
    }
    case "year":
      return { kicker: messages.text("listing.archiveKicker"), title: archive.name };
    case "month":
      return { kicker: messages.text("listing.archiveKicker"), title: messages.capitalised(displayMonth(archive.period!, publication.site.language)) };
  }
}

/** Category and author pages advertise their own RSS feed. */
function subjectFeed(archive: Archive, name: string, siteTitle: string): HeadMeta["feeds"] {
  if (archive.kind === "category") return [{ name: `${siteTitle}: ${name}`, url: categoryFeedUrl(archive.key) }];
  if (archive.kind === "author") return [{ name: `${siteTitle}: ${name}`, url: authorFeedUrl(archive.key) }];
  return undefined;
}

function emptyMessage(archive: Archive, messages: Messages): string {
  switch (archive.kind) {
    case "home":
      return messages.text("listing.emptyHome");
    case "category":
      return messages.text("listing.emptyCategory");
    case "author":
      return messages.text("listing.emptyAuthor");
    default:
      return messages.text("listing.emptyOther");
  }
}

/** An author's links, in this order; networks go by their own names, the others are worded in the site's language. */
const AUTHOR_LINKS = ["website", "x", "mastodon", "bluesky", "email"] as const;
const NETWORK_NAMES = { x: "X", mastodon: "Mastodon", bluesky: "Bluesky" } as const;

function authorProfile(publication: Publication, catalogue: Catalogue, id: string): AuthorProfile {
  const author = publication.authors.get(id)!;
  const links = AUTHOR_LINKS.flatMap((key) => {
    const value = author.links?.[key];
    if (!value) return [];
    const label = key === "website" || key === "email" ? publication.messages.text(`author.${key}`) : NETWORK_NAMES[key];
    return [{ label, url: key === "email" ? `mailto:${value}` : value, rel: key === "mastodon" ? "me" : undefined }];
  });
  return { card: catalogue.author(id), bioHtml: author.bio === undefined ? undefined : renderMarkdown(author.bio), links };
}
