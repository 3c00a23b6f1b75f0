// The URL an old site served a post at, from its permalink pattern: Jekyll's placeholders
// (`/:year/:month/:day/:title/`, and its named styles `date`, `pretty`, `ordinal`, `none`)
// and Hugo's (`:slug`, `:title`, `:section`, `:filename`, …).
import type { DateTime } from "luxon";
import { toSlug } from "../urls/index.ts";

export type Flavor = "jekyll" | "hugo" | "eleventy";

export interface PermalinkPost {
  /** The publication date in the site's zone. */
  date: DateTime;
  /** The file's name without extension and date prefix (a bundle's folder name). */
  fileSlug: string;
  /** Front matter `slug`, if any. */
  slug?: string;
  title: string;
  categories: string[];
  /** Folders between the content root and the post (Hugo sections). */
  sections: string[];
}

const JEKYLL_STYLES: Record<string, string> = {
  date: "/:categories/:year/:month/:day/:title:output_ext",
  pretty: "/:categories/:year/:month/:day/:title/",
  ordinal: "/:categories/:year/:y_day/:title:output_ext",
  none: "/:categories/:title:output_ext",
};

export function expandPermalink(pattern: string, post: PermalinkPost, flavor: Flavor): string {
  const template = JEKYLL_STYLES[pattern] ?? pattern;
  const { date } = post;
  // Jekyll's :title is the file's slug; Hugo's is the title made URL-safe.
  const title = flavor === "hugo" ? toSlug(post.title) : (post.slug ?? post.fileSlug);
  const values: Record<string, string> = {
    year: date.toFormat("yyyy"),
    short_year: date.toFormat("yy"),
    month: date.toFormat("MM"),
    i_month: date.toFormat("M"),
    short_month: date.setLocale("en").toFormat("LLL"),
    long_month: date.setLocale("en").toFormat("LLLL"),
    monthname: date.setLocale("en").toFormat("LLLL").toLowerCase(),
    day: date.toFormat("dd"),
    i_day: date.toFormat("d"),
    y_day: date.toFormat("ooo"),
    yearday: date.toFormat("o"),
    weekday: String(date.weekday % 7),
    hour: date.toFormat("HH"),
    minute: date.toFormat("mm"),
    second: date.toFormat("ss"),
    title,
    slug: flavor === "hugo" ? (post.slug ?? toSlug(post.title)) : toSlug(post.slug ?? post.fileSlug),
    filename: post.fileSlug,
    contentbasename: post.fileSlug,
    categories: post.categories.map((category) => category.toLowerCase()).join("/"),
    section: post.sections[0] ?? "",
    sections: post.sections.join("/"),
    output_ext: ".html",
  };
  const expanded = template.replace(/:([a-z_]+)/g, (whole, name: string) => values[name] ?? whole);
  return `/${expanded}`.replace(/\/{2,}/g, "/");
}
