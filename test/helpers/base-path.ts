// The sample publication served under a path of its host: a copy whose site.json `url` is
// https://example.org/news, built as `npm run build` builds it.
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot, runBuild, tempDir } from "./build.ts";

export const SITE_URL = "https://example.org/news";
export const BASE_PATH = "/news/";

/** Builds the copy; returns its publication folder and the built site. */
export function buildSampleUnderPath(): { content: string; site: string } {
  const content = tempDir("base-path");
  for (const folder of ["posts", "_data", "img", "files", "pages"]) {
    if (existsSync(path.join(projectRoot, folder))) cpSync(path.join(projectRoot, folder), path.join(content, folder), { recursive: true });
  }
  // Encoded images are the same wherever the site is served: no need to encode them again.
  const imageCache = path.join(projectRoot, ".cache", "images");
  if (existsSync(imageCache)) cpSync(imageCache, path.join(content, ".cache", "images"), { recursive: true });
  const siteJson = path.join(content, "_data", "site.json");
  writeFileSync(siteJson, JSON.stringify({ ...JSON.parse(readFileSync(siteJson, "utf8")), url: SITE_URL }, null, 2));
  const site = path.join(content, "_site");
  const result = runBuild(content, site);
  if (result.status !== 0) throw new Error(`The sample under ${SITE_URL} did not build:\n${result.stdout}\n${result.stderr}`);
  return { content, site };
}
