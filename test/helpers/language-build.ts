// The sample publication built with another `language` in _data/site.json: a copy of the
// sample (posts, pages, data, images) in a temporary folder, built as `npm run build` does.
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makePublication, projectRoot, runBuild, tempDir } from "./build.ts";

export function buildSampleIn(language: string): { content: string; site: string } {
  const content = makePublication({});
  for (const folder of ["posts", "pages"]) {
    if (existsSync(path.join(projectRoot, folder))) cpSync(path.join(projectRoot, folder), path.join(content, folder), { recursive: true });
  }
  const siteFile = path.join(content, "_data", "site.json");
  writeFileSync(siteFile, JSON.stringify({ ...JSON.parse(readFileSync(siteFile, "utf8")), language }, null, 2));
  const site = path.join(tempDir(`site-${language}`), "_site");
  const result = runBuild(content, site);
  if (result.status !== 0) throw new Error(`The sample did not build in ${language}:\n${result.stdout}\n${result.stderr}`);
  return { content, site };
}
