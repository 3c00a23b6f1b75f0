// Listings: home, category, tag, author and date archives (paged), their indexes, the 404
// page, and the small "Load more" script.
import { currentBuild, type Build } from "../publication/index.ts";
import type { EleventyConfig } from "../publication/eleventy.ts";
import { buildListings, type ListingSite } from "./view.ts";

export const LOAD_MORE_SCRIPT_URL = "/assets/load-more.js";

const listings = new WeakMap<Build, Promise<ListingSite>>();

/** Built once per build. */
async function listingSite(): Promise<ListingSite> {
  const build = await currentBuild();
  if (!listings.has(build)) listings.set(build, buildListings(build.publication, build.images));
  return listings.get(build)!;
}

export default function listingsPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPassthroughCopy({ "src/listings/load-more.js": LOAD_MORE_SCRIPT_URL });
  eleventyConfig.addGlobalData("loadMoreScript", LOAD_MORE_SCRIPT_URL);
  eleventyConfig.addGlobalData("listings", listingSite);
}
