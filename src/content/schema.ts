// The content model: every rule of ../shared/CONTENT-MODEL.md that can be checked on one
// file at a time, written once. Validation reports these rules; rendering uses the types.
import { z } from "zod";
import { IANAZone } from "luxon";
import { isContentDate } from "../dates/index.ts";
import { availableLanguages, catalogueLanguage } from "../i18n/index.ts";
import { aliasProblem, normaliseAlias } from "./aliases.ts";
import { HEX_COLOUR } from "./theme.ts";

export const ID_PATTERN = /^[a-z0-9-]+$/;

/** What an id may hold, with an example id (of the value written, when it gives one). */
export const idMessage = (example = "city-hall"): string => `ids use only lowercase letters a-z, digits and hyphens — e.g. ${example}`;
const ID_MESSAGE = idMessage();
const id = z.string().regex(ID_PATTERN, ID_MESSAGE);
const nonEmpty = z.string().trim().min(1, "is empty — write the text or remove the field");
const webUrl = z.url({ protocol: /^https?$/, error: (issue) => (issue.input === undefined ? undefined : "must be an absolute http(s) URL — e.g. https://news.example.org") });
const DATE_FIX = "write a date (2025-03-04), a date and time in the site's time zone (2025-03-04 09:30) or one with its offset (2025-03-04T09:30:00-05:00)";
const contentDate = z
  .string({ error: (issue) => (issue.input === undefined ? undefined : `is not a date — ${DATE_FIX}`) })
  .refine(isContentDate, `is not a valid date — ${DATE_FIX}`);

const HOST_NAME = /^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]*[a-z][a-z0-9-]*$/;
const hostName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(HOST_NAME, "must be a host name — e.g. www.youtube.com, without https:// or a path");

const colour = z.string().regex(HEX_COLOUR, "must be a colour written #rgb or #rrggbb — e.g. #b3261e");
/** One colour, or one per scheme; either is checked for contrast when the publication is read (theme.ts). */
const themeColour = z.union([colour, z.object({ light: colour, dark: colour })], {
  error: 'must be a colour (#b3261e) or one per scheme ({ "light": "#b3261e", "dark": "#f28b82" })',
});
/** Family names separated by commas, each a quoted string or plain words: nothing that could end the CSS rule around it. */
const FONT_FAMILIES = /^\s*(?:"[^"\\;{}<>]*"|'[^'\\;{}<>]*'|[\p{L}\p{N} _-]+)(?:\s*,\s*(?:"[^"\\;{}<>]*"|'[^'\\;{}<>]*'|[\p{L}\p{N} _-]+))*\s*$/u;
const fontFamilies = nonEmpty.regex(FONT_FAMILIES, 'must be a CSS font-family list: names separated by commas, quoted when they hold other characters than letters, digits, spaces and hyphens, and no ; { } < > — e.g. Georgia, "Times New Roman", serif');

/** The publisher's look: the stylesheet's colours and fonts, the header's logo. */
export const themeSchema = z.object({
  /** Site path of the header's logo; the file is checked when the publication is read. */
  logo: nonEmpty.optional(),
  /** The logo shown in the dark scheme. */
  logoDark: nonEmpty.optional(),
  accent: themeColour.optional(),
  link: themeColour.optional(),
  headingFont: fontFamilies.optional(),
  bodyFont: fontFamilies.optional(),
});

const MENU_URL_MESSAGE = "must be a path on this site (/newsletter/) or an absolute http(s) URL (https://…)";
const menuUrl = nonEmpty.refine((url) => (url.startsWith("/") && !url.startsWith("//")) || /^https?:\/\/[^/\s]+/i.test(url), MENU_URL_MESSAGE);
const MENU_KINDS = ["category", "page", "url"] as const;

/**
 * One item of the header's navigation: a category, a static page (by slug), or a link. `label`
 * replaces the name a category or page is shown with. Whether the ids exist is checked when the
 * publication is read.
 */
const menuItem = z
  .object({ category: id.optional(), page: nonEmpty.optional(), label: nonEmpty.optional(), url: menuUrl.optional() })
  .superRefine((item, context) => {
    const kinds = MENU_KINDS.filter((kind) => item[kind] !== undefined);
    if (kinds.length === 0) {
      context.addIssue({ code: "custom", message: 'names no category, page or link — write { "category": "id" }, { "page": "slug" } or { "label": "Text", "url": "/path/" }' });
    } else if (kinds.length > 1) {
      context.addIssue({ code: "custom", message: `names a ${kinds.join(" and a ")} — give each its own item` });
    } else if (kinds[0] === "url" && item.label === undefined) {
      context.addIssue({ code: "custom", path: ["label"], message: "is required with url — write the text the menu shows" });
    }
  });

export const siteSchema = z.object({
  title: nonEmpty,
  url: webUrl.refine((url) => !url.endsWith("/"), "remove the trailing slash"),
  language: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { error: "use a BCP 47 language tag such as en or en-US", abort: true })
    .refine((tag) => catalogueLanguage(tag) !== undefined, {
      error: (issue) => `the kit has no interface messages for "${String(issue.input)}" — use one of: ${availableLanguages().join(", ")} (or a regional tag of one, e.g. es-MX)`,
    }),
  timezone: z.string().refine((zone) => IANAZone.isValidZone(zone), "use an IANA time zone such as America/New_York"),
  description: nonEmpty,
  postsPerPage: z.number().int().min(1),
  /** How many of the newest articles each feed carries. */
  feedSize: z.number().int().min(1).default(20),
  logo: z.string().optional(),
  social: z.record(z.string(), webUrl).optional(),
  /** Hosts whose iframes article bodies may embed; absent: the renderer's default list. */
  embedHosts: z.array(hostName).optional(),
  /** The most pixels (width × height) an image may have: larger ones are refused by the check, not half-decoded by the build. */
  maxImagePixels: z
    .number()
    .int()
    .positive("must be more than 0 — e.g. 50000000")
    .max(268_402_689, "must be at most 268402689 (16383 × 16383), the most the image decoder reads")
    .default(50_000_000),
  /** The audit's budget for an article page: HTML + CSS before images, in KB. */
  pageBudgetKB: z.number().positive("must be more than 0 — e.g. 40").default(40),
  theme: themeSchema.optional(),
  /** The header's navigation in order; absent: every category, in the order of categories.json. */
  menu: z.array(menuItem).optional(),
});

export const authorSchema = z.object({
  name: nonEmpty,
  role: nonEmpty.optional(),
  bio: nonEmpty.optional(),
  avatar: z.string().optional(),
  links: z
    .object({
      website: webUrl.optional(),
      x: webUrl.optional(),
      mastodon: webUrl.optional(),
      bluesky: webUrl.optional(),
      email: z.email().optional(),
    })
    .optional(),
});

export const categorySchema = z.object({
  name: nonEmpty,
  description: nonEmpty,
});

export const authorsSchema = z.record(id, authorSchema);
export const categoriesSchema = z.record(id, categorySchema);

/**
 * An author or category id as written. Whether it names one (and which one was meant, when it
 * does not) is checked against _data/ when the file is read.
 */
const reference = z.string().trim().min(1, "is empty — write an id from _data/");

/** A path the article was published at before: one alias, or a list. */
const alias = z
  .string()
  .trim()
  .superRefine((value, context) => {
    const problem = aliasProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  })
  .transform(normaliseAlias);

const tag = z.union([z.string(), z.number()]).transform(String).pipe(nonEmpty);

export const frontMatterSchema = z.object({
  title: nonEmpty,
  date: contentDate,
  updated: contentDate.optional(),
  author: z
    .union([reference, z.array(reference).min(1)], { error: (issue) => (issue.input === undefined ? undefined : "must be an author id or a list of author ids — e.g. author: [maya-okafor, daniel-reyes]") })
    .transform((value) => (Array.isArray(value) ? value : [value])),
  category: reference,
  categories: z.array(reference).default([]),
  tags: z.array(tag).default([]),
  description: nonEmpty.optional(),
  image: z
    .object({
      src: nonEmpty,
      // alt: "" marks a decorative image; blank text is more likely a mistake.
      alt: z
        .string({ error: "is required with an image — describe the image for readers who cannot see it" })
        .refine((alt) => alt === "" || alt.trim() !== "", 'is blank — describe the image for readers who cannot see it, or write alt: "" if it is decorative')
        .transform((alt) => alt.trim()),
      caption: nonEmpty.optional(),
      credit: nonEmpty.optional(),
    })
    .optional(),
  aliases: z.preprocess((value) => (typeof value === "string" ? [value] : value), z.array(alias)).default([]),
  slug: z.union([z.string(), z.number()]).transform(String).optional(),
  draft: z.boolean().default(false),
});

/** The front matter of a static page (pages/*.md). */
export const pageSchema = z.object({
  title: nonEmpty,
  description: nonEmpty.optional(),
  /** Linked in the site footer (default), or reached only from the menu and links. */
  footer: z.boolean().default(true),
});

const EXPECTED: Record<string, string> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  array: "a list, e.g. [a, b]",
  object: "a group of fields",
};

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "empty";
  if (typeof value === "object") return "a group of fields";
  return `${typeof value === "string" ? "text" : typeof value} ${JSON.stringify(value)}`;
}

/**
 * Messages for the checks zod makes itself (missing fields, wrong types); the schemas above
 * word the rest. `addHint` says how to add a missing field in that kind of file.
 */
export function contentErrorMap(addHint: (field: string) => string): z.core.$ZodErrorMap {
  return (issue) => {
    const field = String(issue.path?.at(-1) ?? "");
    if (issue.input === undefined) return `is required — ${addHint(field)}`;
    if (issue.code === "invalid_type") return `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describeValue(issue.input)}`;
    if (issue.code === "invalid_key") return ID_MESSAGE;
    return undefined;
  };
}

export type SiteConfig = z.output<typeof siteSchema>;
export type Author = z.output<typeof authorSchema>;
export type Category = z.output<typeof categorySchema>;
export type FrontMatter = z.output<typeof frontMatterSchema>;
export type LeadImage = NonNullable<FrontMatter["image"]>;
export type Theme = z.output<typeof themeSchema>;
export type MenuItem = z.output<typeof menuItem>;
export type PageFrontMatter = z.output<typeof pageSchema>;

/** The fields each kind of record knows, for "did you mean" warnings on unknown ones. */
export const KNOWN_FIELDS = {
  frontMatter: Object.keys(frontMatterSchema.shape),
  image: Object.keys(frontMatterSchema.shape.image.unwrap().shape),
  site: Object.keys(siteSchema.shape),
  theme: Object.keys(themeSchema.shape),
  menuItem: Object.keys(menuItem.shape),
  page: Object.keys(pageSchema.shape),
  author: Object.keys(authorSchema.shape),
  authorLinks: Object.keys(authorSchema.shape.links.unwrap().shape),
  category: Object.keys(categorySchema.shape),
};
