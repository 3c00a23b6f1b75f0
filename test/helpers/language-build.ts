// The sample publication built with another `language` in _data/site.json, built as
// `npm run build` does.
import path from "node:path";
import { copyOfSample, runBuild, tempDir } from "./build.ts";

export function buildSampleIn(language: string): { content: string; site: string } {
  const content = copyOfSample({ language }, `language-${language}`);
  const site = path.join(tempDir(`site-${language}`), "_site");
  const result = runBuild(content, site);
  if (result.status !== 0) throw new Error(`The sample did not build in ${language}:\n${result.stdout}\n${result.stderr}`);
  return { content, site };
}
