// An imported post as a file of the kit: YAML front matter written by a YAML library (so any
// title, with quotes, colons or any script, reads back the same), then the body.
import { stringify } from "yaml";
import type { LeadImageDraft } from "./model.ts";

export interface PostFields {
  title: string;
  date: string;
  updated?: string;
  authors: string[];
  category: string;
  categories: string[];
  tags: string[];
  description?: string;
  image?: Omit<LeadImageDraft, "source" | "target" | "altMissing"> & { src: string };
  aliases: string[];
  slug?: string;
  draft: boolean;
}

/** Front matter in the content model's field order, leaving out what is empty. */
export function postFileText(fields: PostFields, body: string): { text: string; bodyLine: number } {
  const frontMatter: Record<string, unknown> = { title: fields.title, date: fields.date };
  if (fields.updated) frontMatter.updated = fields.updated;
  frontMatter.author = fields.authors.length === 1 ? fields.authors[0] : fields.authors;
  frontMatter.category = fields.category;
  if (fields.categories.length) frontMatter.categories = fields.categories;
  if (fields.tags.length) frontMatter.tags = fields.tags;
  if (fields.description) frontMatter.description = fields.description;
  if (fields.image) {
    const { src, alt, caption, credit } = fields.image;
    frontMatter.image = { src, alt, ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) };
  }
  if (fields.aliases.length) frontMatter.aliases = fields.aliases;
  if (fields.slug) frontMatter.slug = fields.slug;
  if (fields.draft) frontMatter.draft = true;
  // lineWidth 0: long values stay on one line, as an editor would write them.
  const yaml = stringify(frontMatter, { lineWidth: 0 });
  const head = `---\n${yaml}---\n\n`;
  return { text: `${head}${body.replace(/^\n+/, "").replace(/\s*$/, "\n")}`, bodyLine: head.split("\n").length };
}
