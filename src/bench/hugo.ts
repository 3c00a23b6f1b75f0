// The bench's Hugo comparison: the same generated publication as a Hugo site, so `npm run bench
// -- --hugo` can time Hugo on the same articles in the same run. Written once before the builds
// (not timed). Like-for-like where Hugo has the feature: one page per article with byline, date,
// lead image, tags and three related stories (Hugo's related-content index, by tags); paged listings
// of `postsPerPage` for home, categories, tags, authors, years and months; full-text RSS (the
// newest `feedSize`) for home, categories and authors; a sitemap. Differences, printed by the
// bench: Hugo copies the lead images as they are (ours encodes sized WebP and JPEG), renders a
// multi-page article as one page (ours writes each page and a "view all" page), and builds no
// search index (Pagefind is ours; `--hugo-pagefind` runs Pagefind's CLI on Hugo's output).
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { DateTime } from "luxon";
import { authorUrl, categoryIndexUrl, categoryUrl, tagIndexUrl } from "../urls/index.ts";

interface SiteSettings {
  title: string;
  url: string;
  language: string;
  timezone: string;
  description: string;
  postsPerPage?: number;
  feedSize?: number;
}

/** The generated articles' front matter fields the Hugo site uses. */
interface ArticleFields {
  title: string;
  date: string;
  author: string | string[];
  category: string;
  categories?: string[];
  tags?: string[];
  description?: string;
  image?: { src: string; alt: string; caption?: string; credit?: string };
}

/** Taxonomies by front matter key; each term page is at /<key>/<term>/, years and months at /<yyyy>/ and /<yyyy>/<mm>/ as ours. */
const TAXONOMIES = ["category", "tag", "author", "year", "month"] as const;
/** Taxonomies whose term pages have a feed (ours: categories and authors; and the home page). */
const TAXONOMIES_WITH_FEEDS = new Set(["category", "author"]);

/**
 * Writes a Hugo site for the publication generated in `corpus` (src/bench/corpus.ts) into
 * `target`, which should be new or empty; returns how many articles it holds.
 */
export function writeHugoSite(corpus: string, target: string): { articles: number } {
  const readJson = (file: string) => JSON.parse(readFileSync(path.join(corpus, "_data", file), "utf8")) as unknown;
  const site = readJson("site.json") as SiteSettings;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    writeFileSync(path.join(target, file), text);
  };

  write("hugo.toml", hugoConfig(site));
  for (const file of ["authors.json", "categories.json"]) write(`data/${file}`, JSON.stringify(readJson(file)));
  cpSync(path.join(corpus, "img"), path.join(target, "static", "img"), { recursive: true });
  for (const [file, text] of Object.entries(LAYOUTS)) write(`layouts/${file}`, text);
  write("static/site.css", STYLESHEET);
  // Tags, years and months have no feed: their term pages are HTML only.
  for (const taxonomy of TAXONOMIES.filter((name) => !TAXONOMIES_WITH_FEEDS.has(name))) {
    write(`content/${taxonomy}/_index.md`, `---\ncascade:\n  _target:\n    kind: term\n  outputs: [HTML]\n---\n`);
  }

  const posts = path.join(corpus, "posts");
  const files = (readdirSync(posts, { recursive: true }) as string[]).filter((file) => file.endsWith(".md"));
  for (const file of files) write(path.join("content", "posts", file), hugoArticle(readFileSync(path.join(posts, file), "utf8"), path.basename(file, ".md"), site.timezone));
  return { articles: files.length };
}

function hugoConfig(site: SiteSettings): string {
  const quoted = (text: string) => JSON.stringify(text);
  return `baseURL = ${quoted(`${site.url.replace(/\/$/, "")}/`)}
languageCode = ${quoted(site.language)}
title = ${quoted(site.title)}
timeZone = ${quoted(site.timezone)}
paginate = ${site.postsPerPage ?? 20}
paginatePath = "page"
# Ours has no /posts/ listing.
disableKinds = ["section"]
enableRobotsTXT = true

[params]
description = ${quoted(site.description)}
feedSize = ${site.feedSize ?? 20}

[taxonomies]
${TAXONOMIES.map((name) => `${name} = "${name}"`).join("\n")}

[permalinks]
posts = "/:year/:month/:slug/"
year = "/:slug/"
month = "/:slug/"

[outputs]
home = ["HTML", "RSS"]
taxonomy = ["HTML"]
term = ["HTML", "RSS"]

[markup.goldmark.renderer]
# The articles' bodies hold HTML (figures, embeds), as ours allow.
unsafe = true

# Related stories by shared tags. (Ours also weighs a shared category, among neighbours in
# time; Hugo's index has no window, so a category index would compare each article with its
# whole category: at 10,000 articles it doubled Hugo's CPU time; so tags only.)
[related]
includeNewer = true
threshold = 1
toLower = false
[[related.indices]]
name = "tag"
weight = 1
`;
}

/** One article as a Hugo content file: its front matter in Hugo's terms, its Markdown body unchanged. */
function hugoArticle(text: string, slug: string, zone: string): string {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error(`${slug}.md: no front matter — the bench corpus writes one`);
  // CORE_SCHEMA keeps the date as written (the default schema would make it a UTC Date).
  const fields = yaml.load(match[1]!, { schema: yaml.CORE_SCHEMA }) as ArticleFields;
  const date = DateTime.fromISO(fields.date, { zone });
  const frontMatter = {
    title: fields.title,
    date: fields.date,
    slug,
    ...(fields.description ? { description: fields.description } : {}),
    author: ([] as string[]).concat(fields.author),
    category: [fields.category, ...(fields.categories ?? []).filter((id) => id !== fields.category)],
    ...(fields.tags?.length ? { tag: fields.tags } : {}),
    // The archive terms as our URLs have them: /2026/ and /2026/06/.
    year: [date.toFormat("yyyy")],
    month: [date.toFormat("yyyy/MM")],
    ...(fields.image ? { image: fields.image } : {}),
  };
  return `---\n${yaml.dump(frontMatter, { lineWidth: -1 })}---\n${text.slice(match[0].length)}`;
}

/** A small stylesheet, so pages link one as ours do (ours is the kit's, built once per build). */
const STYLESHEET = `body{font:1.0625rem/1.6 Georgia,serif;margin:0 auto;max-width:48rem;padding:0 1rem}
.masthead nav a,.tags li{display:inline-block;margin-right:.75rem}
.card{border-top:1px solid #ddd;padding:1rem 0}.card img,figure img{max-width:100%;height:auto}
.dek{color:#444}.byline{font-size:.875rem}.visually-hidden{position:absolute;clip:rect(0 0 0 0)}
`;

// Links to listings are ours (src/urls): Hugo's taxonomies are named so its term pages are at the same URLs.
const LAYOUTS: Record<string, string> = {
  "_default/baseof.html": `<!doctype html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} | {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}" title="{{ site.Title }}">{{ end }}
<link rel="stylesheet" href="{{ "site.css" | relURL }}">
</head>
<body>
<header class="masthead"><a class="brand" href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav>{{ range $id, $category := site.Data.categories }}<a href="{{ printf "${categoryUrl("%s")}" $id | relURL }}">{{ $category.name }}</a> {{ end }}</nav>
</header>
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer><p>{{ site.Title }}: {{ site.Params.description }}</p><a href="{{ "${tagIndexUrl}" | relURL }}">Topics</a> <a href="{{ "${categoryIndexUrl}" | relURL }}">Sections</a></footer>
</body>
</html>
`,
  "partials/byline.html": `<p class="byline">By {{ range $index, $id := .Params.author }}{{ if $index }} and {{ end }}{{ with index site.Data.authors $id }}<a href="{{ printf "${authorUrl("%s")}" $id | relURL }}">{{ .name }}</a>{{ end }}{{ end }}
<time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "January 2, 2006 3:04 PM" }}</time></p>
`,
  "partials/card.html": `<article class="card">
{{ with .Params.image }}<img src="{{ .src | relURL }}" alt="{{ .alt }}" width="400" height="225" loading="lazy">{{ end }}
<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
{{ with .Description }}<p class="dek">{{ . }}</p>{{ else }}<p class="dek">{{ .Summary | plainify | truncate 200 }}</p>{{ end }}
{{ partial "byline.html" . }}
</article>
`,
  "partials/paged-list.html": `{{ $paginator := .Paginate .Pages }}
{{ range $paginator.Pages }}{{ partial "card.html" . }}{{ end }}
<nav class="pager">{{ with $paginator.Prev }}<a rel="prev" href="{{ .URL }}">Newer</a>{{ end }} Page {{ $paginator.PageNumber }} of {{ $paginator.TotalPages }} {{ with $paginator.Next }}<a rel="next" href="{{ .URL }}">Older</a>{{ end }}</nav>
`,
  "_default/single.html": `{{ define "main" }}
<article class="story" data-pagefind-body>
{{ $section := index .Params.category 0 }}<p class="kicker">{{ with index site.Data.categories $section }}<a href="{{ printf "${categoryUrl("%s")}" $section | relURL }}">{{ .name }}</a>{{ end }}</p>
<h1>{{ .Title }}</h1>
{{ with .Description }}<p class="dek">{{ . }}</p>{{ end }}
{{ partial "byline.html" . }}
{{ with .Params.image }}<figure><img src="{{ .src | relURL }}" alt="{{ .alt }}" width="1600" height="900">{{ with .caption }}<figcaption>{{ . }}{{ with $.Params.image.credit }} <span class="credit">{{ . }}</span>{{ end }}</figcaption>{{ end }}</figure>{{ end }}
<div class="article-body">{{ .Content }}</div>
{{ with .GetTerms "tag" }}<ul class="tags">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
</article>
{{ with site.RegularPages.Related . | first 3 }}<aside class="related"><h2>Related</h2>{{ range . }}{{ partial "card.html" . }}{{ end }}</aside>{{ end }}
{{ end }}
`,
  "index.html": `{{ define "main" }}
<h1 class="visually-hidden">{{ site.Title }}</h1>
{{ $paginator := .Paginate site.RegularPages }}
{{ range $paginator.Pages }}{{ partial "card.html" . }}{{ end }}
<nav class="pager">{{ with $paginator.Prev }}<a rel="prev" href="{{ .URL }}">Newer</a>{{ end }} Page {{ $paginator.PageNumber }} of {{ $paginator.TotalPages }} {{ with $paginator.Next }}<a rel="next" href="{{ .URL }}">Older</a>{{ end }}</nav>
{{ end }}
`,
  "_default/term.html": `{{ define "main" }}
{{ $term := .Data.Term }}
{{ if eq .Data.Plural "author" }}{{ with index site.Data.authors $term }}<header class="author"><img src="{{ .avatar | relURL }}" alt="" width="96" height="96"><h1>{{ .name }}</h1><p>{{ .role }}</p>{{ .bio | markdownify }}</header>{{ end }}
{{ else if eq .Data.Plural "category" }}{{ with index site.Data.categories $term }}<h1>{{ .name }}</h1><p>{{ .description }}</p>{{ end }}
{{ else }}<h1>{{ .Title }}</h1>{{ end }}
{{ partial "paged-list.html" . }}
{{ end }}
`,
  "_default/taxonomy.html": `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="terms">{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
`,
  // Full text, the newest feedSize items.
  "_default/rss.xml": `{{ printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ site.Title }}: {{ .Title }}{{ end }}</title>
<link>{{ .Permalink }}</link>
<description>{{ site.Params.description }}</description>
<language>{{ site.LanguageCode }}</language>
{{ with .OutputFormats.Get "RSS" }}<atom:link href="{{ .Permalink }}" rel="self" type="application/rss+xml"/>{{ end }}
{{ $pages := cond .IsHome site.RegularPages .Pages }}
{{ range first site.Params.feedSize $pages }}<item>
<title>{{ .Title }}</title>
<link>{{ .Permalink }}</link>
<guid isPermaLink="true">{{ .Permalink }}</guid>
<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" }}</pubDate>
{{ range .Params.author }}{{ with index site.Data.authors . }}<dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">{{ .name }}</dc:creator>{{ end }}{{ end }}
{{ range .Params.category }}<category>{{ . }}</category>{{ end }}{{ range .Params.tag }}<category>{{ . }}</category>{{ end }}
<description>{{ with .Description }}{{ . }}{{ else }}{{ .Summary | plainify }}{{ end }}</description>
<content:encoded>{{ printf "<![CDATA[%s]]>" .Content | safeHTML }}</content:encoded>
</item>
{{ end }}
</channel>
</rss>
`,
  "404.html": `{{ define "main" }}<h1>Page not found</h1><p><a href="{{ "/" | relURL }}">Front page</a></p>{{ end }}
`,
};
