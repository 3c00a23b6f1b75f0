// A static page (pages/<slug>.md: about, contact, corrections policy) as the rest of the code sees it.
import type { PageFrontMatter } from "./schema.ts";
import { pageUrl, toSlug } from "../urls/index.ts";

export interface StaticPage {
  /** Source path relative to the publication folder: pages/about.md */
  file: string;
  /** SHA-256 (hex) of the file's bytes as read. */
  digest: string;
  /** The file name as a slug; the page is at /<slug>/. */
  slug: string;
  url: string;
  title: string;
  description?: string;
  /** Linked in the site footer. */
  footer: boolean;
  /** Markdown, raw HTML cleaned as in article bodies. */
  body: string;
}

/** The slug a file under pages/ gets: its name without `.md`, as a slug. */
export const pageSlugOf = (file: string): string => toSlug(file.split("/").at(-1)!.replace(/\.md$/, ""));

export function buildPage(file: string, digest: string, frontMatter: PageFrontMatter, body: string): StaticPage {
  const slug = pageSlugOf(file);
  return { file, digest, slug, url: pageUrl(slug), title: frontMatter.title, description: frontMatter.description, footer: frontMatter.footer, body };
}
