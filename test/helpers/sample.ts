// An independent reading of the sample publication's posts, to check the built listings
// against: front matter parsed with the yaml library and dates with luxon, nothing of src/.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { parse } from "yaml";
import { projectRoot, TEST_NOW } from "./build.ts";

export interface SamplePost {
  url: string;
  title: string;
  date: DateTime;
  authors: string[];
  categories: string[];
  tagSlugs: string[];
}

const ZONE = "America/New_York";
const simpleSlug = (text: string) => text.toLowerCase().trim().replace(/\s+/g, "-");

export function samplePosts(): SamplePost[] {
  const postsDir = path.join(projectRoot, "posts");
  const files = (readdirSync(postsDir, { recursive: true }) as string[]).filter((file) => file.endsWith(".md"));
  const now = DateTime.fromISO(TEST_NOW);
  return files
    .map((file) => {
      const text = readFileSync(path.join(postsDir, file), "utf8");
      const data = parse(text.split(/^---$/m)[1]!, { schema: "core" });
      const date = (/T/.test(data.date) ? DateTime.fromISO(data.date) : DateTime.fromISO(data.date, { zone: ZONE })).setZone(ZONE);
      const slug = data.slug ?? path.basename(file, ".md");
      return {
        draft: data.draft === true,
        url: `/${date.toFormat("yyyy")}/${date.toFormat("MM")}/${slug}/`,
        title: data.title,
        date,
        authors: [data.author].flat(),
        categories: [data.category, ...(data.categories ?? [])],
        // The sample's ASCII tags slug simply; the few non-ASCII ones are checked elsewhere.
        tagSlugs: (data.tags ?? []).map(simpleSlug),
      };
    })
    .filter((post) => !post.draft && post.date <= now)
    .map(({ draft, ...post }) => post)
    .sort((a, b) => b.date.toMillis() - a.date.toMillis());
}
