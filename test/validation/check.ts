// Loads a small publication as `npm run check` does and returns the report an editor reads.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { loadPublication, type LoadOptions, type Publication } from "../../src/content/load.ts";
import { ContentError, formatReport } from "../../src/content/problems.ts";
import { makePublication, projectRoot, TEST_NOW } from "../helpers/build.ts";

const now = DateTime.fromISO(TEST_NOW, { setZone: true });

export const sampleData = (file: string) => JSON.parse(readFileSync(path.join(projectRoot, "_data", file), "utf8"));

/** A valid post; `fields` swaps whole front-matter lines (by field name), null removes one. */
export function post(fields: Record<string, string | null> = {}, body = "The first paragraph.\n"): string {
  const base: Record<string, string> = {
    title: "title: A valid headline",
    date: "date: 2025-05-01T10:00:00-04:00",
    author: "author: maya-okafor",
    category: "category: statehouse",
  };
  const lines = Object.entries({ ...base, ...fields })
    .filter(([, line]) => line !== null)
    .map(([, line]) => line);
  return `---\n${lines.join("\n")}\n---\n${body}`;
}

/** The posts of a fixture folder under test/validation/fixtures, by file name. */
export function fixturePosts(folder: string): Record<string, string> {
  const dir = path.join(projectRoot, "test/validation/fixtures", folder);
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), "utf8")]));
}

/** The sample's data files and images with these posts (path under posts/) and other files. */
export async function check(posts: Record<string, string>, files: Record<string, string> = {}): Promise<{ report: string[]; publication?: Publication }> {
  return loadReport(makePublication(posts, files));
}

/** The check's report of the publication in `root`, and the publication when it has no error. */
export async function loadReport(root: string, options: Partial<LoadOptions> = {}): Promise<{ report: string[]; publication?: Publication }> {
  try {
    const publication = await loadPublication(root, { now, ...options });
    return { report: formatReport(publication.warnings), publication };
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { report: formatReport(error.problems) };
  }
}
