// Redirects from the addresses articles had before (front matter `aliases`): a small page at
// each old path that sends readers and crawlers on, and /_redirects listing every alias as a
// permanent (301) rule for hosts that read it (Netlify, Cloudflare Pages).
import type { Article } from "../content/article.ts";
import type { Build } from "../site/build.ts";
import type { EleventyConfig, PluginOptions } from "../site/eleventy.ts";
import { type RedirectEntry } from "../site/registry.ts";
import { entriesToRender } from "../site/runs.ts";
import { absoluteUrl, basePathOf, withBasePath } from "../urls/index.ts";

export interface RedirectPage {
  url: string;
  title: string;
  /** The article's own address, on the site and absolute. */
  target: string;
  absoluteTarget: string;
}

function redirectPage(entry: RedirectEntry, build: Build): RedirectPage {
  return { url: entry.url, title: entry.article.title, target: entry.article.url, absoluteTarget: absoluteUrl(build.publication.site.url, entry.article.url) };
}

/**
 * One rule a line: `from to 301`. An alias with a query (`/?p=123`) becomes Netlify's query
 * form (`/ p=123 to 301`); hosts without query rules ignore it. Rules name paths on the host:
 * under the site's base path when it is served under one.
 */
export function redirectRules(articles: readonly Article[], basePath: string): string {
  const rules = articles.flatMap((article) =>
    article.aliases.map((alias) => {
      const [path, query] = alias.split("?");
      const from = withBasePath(basePath, encodeURI(path!));
      const to = withBasePath(basePath, article.url);
      return query === undefined ? `${from} ${to} 301` : `${from} ${query.split("&").join(" ")} ${to} 301`;
    }),
  );
  return rules.length ? `${rules.sort().join("\n")}\n` : "";
}

export default function redirectsPlugin(eleventyConfig: EleventyConfig, { build }: PluginOptions): void {
  eleventyConfig.addGlobalData("redirects", () => ({
    pages: entriesToRender(build, "redirect").map((entry) => redirectPage(entry, build)),
    files: entriesToRender(build, "redirects").map(({ url }) => ({ url, rules: redirectRules(build.publication.articles, basePathOf(build.publication.site.url)) })),
  }));
}
