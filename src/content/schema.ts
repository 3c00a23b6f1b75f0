// The content model: every rule of ../shared/CONTENT-MODEL.md that can be checked on one
// file at a time, written once. Validation reports these rules; rendering uses the types.
import { z } from "zod";
import { IANAZone } from "luxon";
import { isContentDate } from "../dates/index.ts";

export const ID_PATTERN = /^[a-z0-9-]+$/;

const id = z.string().regex(ID_PATTERN, "ids use only lowercase letters a-z, digits and hyphens");
const nonEmpty = z.string().trim().min(1, "must not be empty");
const webUrl = z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" });
const contentDate = z
  .string({ error: "must be a date, e.g. 2025-03-04, or a date-time with offset" })
  .refine(isContentDate, "use a date (2025-03-04) or an ISO 8601 date-time with offset (2025-03-04T09:30:00-05:00)");

export const siteSchema = z.object({
  title: nonEmpty,
  url: webUrl.refine((url) => !url.endsWith("/"), "remove the trailing slash"),
  language: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "use a BCP 47 language tag such as en or en-US"),
  timezone: z.string().refine((zone) => IANAZone.isValidZone(zone), "use an IANA time zone such as America/New_York"),
  description: nonEmpty,
  postsPerPage: z.number().int().min(1),
  /** How many of the newest articles each feed carries. */
  feedSize: z.number().int().min(1).default(20),
  logo: z.string().optional(),
  social: z.record(z.string(), webUrl).optional(),
});

export const authorSchema = z.object({
  name: nonEmpty,
  role: nonEmpty,
  bio: nonEmpty,
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

const tag = z.union([z.string(), z.number()]).transform(String).pipe(nonEmpty);

export const frontMatterSchema = z.object({
  title: nonEmpty,
  date: contentDate,
  updated: contentDate.optional(),
  author: z.union([id, z.array(id).min(1)]).transform((value) => (Array.isArray(value) ? value : [value])),
  category: id,
  categories: z.array(id).default([]),
  tags: z.array(tag).default([]),
  description: nonEmpty.optional(),
  image: z
    .object({
      src: nonEmpty,
      alt: z.string({ error: "is required: describe the image for readers who cannot see it" }).trim().min(1, "must describe the image for readers who cannot see it"),
      caption: nonEmpty.optional(),
      credit: nonEmpty.optional(),
    })
    .optional(),
  slug: z.union([z.string(), z.number()]).transform(String).optional(),
  draft: z.boolean().default(false),
});

export type SiteConfig = z.output<typeof siteSchema>;
export type Author = z.output<typeof authorSchema>;
export type Category = z.output<typeof categorySchema>;
export type FrontMatter = z.output<typeof frontMatterSchema>;
export type LeadImage = NonNullable<FrontMatter["image"]>;
export const FRONT_MATTER_FIELDS = Object.keys(frontMatterSchema.shape);
