// A built site as the audit reads it: its files, its pages by URL, their HTML.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { decodeHtml } from "../markdown/index.ts";

export interface AuditProblem {
  check: string;
  /** The page or file, as a URL path. */
  page: string;
  /** The article file whose body the problem is in, when it is: editors fix it there. */
  source?: string;
  problem: string;
  fix: string;
}

/** How the browser checks mark a problem found inside an article's body. */
export const IN_BODY = " (in the article's body)";

export class BuiltSite {
  readonly files: Set<string>;
  private readonly cache = new Map<string, string>();

  /**
   * @param basePath the path the site is served under ("/news/" for a `url` of
   *   https://example.org/news): its pages are named by site path (/2025/03/story/), but
   *   the URLs in them are the ones readers request (/news/2025/03/story/).
   */
  constructor(
    readonly dir: string,
    readonly basePath = "/",
  ) {
    this.files = new Set((readdirSync(dir, { recursive: true }) as string[]).map((file) => file.split(path.sep).join("/")).filter((file) => statSync(path.join(dir, file)).isFile()));
  }

  /** The site path of a path readers request (/news/2025/ → /2025/); undefined outside the site's base path. */
  sitePathOf(requested: string): string | undefined {
    if (requested.startsWith(this.basePath)) return `/${requested.slice(this.basePath.length)}`;
    // /news without its slash: hosts answer it with the site's front page.
    return `${requested}/` === this.basePath ? "/" : undefined;
  }

  /** Every HTML page as its URL path: /2025/03/story/ for 2025/03/story/index.html. */
  get pages(): string[] {
    return [...this.files].filter((file) => file.endsWith(".html")).map(urlOf).sort();
  }

  /** The file a URL path is served from, if it exists. */
  fileFor(url: string): string | undefined {
    const pathname = decodeURIComponent(url.split(/[?#]/)[0]!).replace(/^\//, "");
    const candidates = pathname === "" || pathname.endsWith("/") ? [`${pathname}index.html`] : [pathname, `${pathname}/index.html`];
    return candidates.find((file) => this.files.has(file));
  }

  read(url: string): string {
    const file = this.fileFor(url);
    if (!file) throw new Error(`no file for ${url}`);
    if (!this.cache.has(file)) this.cache.set(file, readFileSync(path.join(this.dir, file), "utf8"));
    return this.cache.get(file)!;
  }
}

export const urlOf = (file: string): string => `/${file.replace(/(^|\/)index\.html$/, "$1")}`;

/** Attribute values of tags in HTML, e.g. attributes(html, "a", "href"). Values are HTML-decoded. */
export function attributes(html: string, tag: string, attribute: string): string[] {
  const values: string[] = [];
  const pattern = new RegExp(`<${tag}\\b[^>]*?\\s${attribute}="([^"]*)"`, "gi");
  for (const match of html.matchAll(pattern)) values.push(decodeHtml(match[1]!));
  return values;
}
