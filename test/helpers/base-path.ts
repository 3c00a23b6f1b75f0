// The sample publication served under a path of its host: a copy whose site.json `url` is
// https://example.org/news, built as `npm run build` builds it.
import path from "node:path";
import { copyOfSample, runBuild } from "./build.ts";

export const SITE_URL = "https://example.org/news";
export const BASE_PATH = "/news/";

/** Builds the copy; returns its publication folder and the built site. */
export function buildSampleUnderPath(): { content: string; site: string } {
  const content = copyOfSample({ url: SITE_URL }, "base-path");
  const site = path.join(content, "_site");
  const result = runBuild(content, site);
  if (result.status !== 0) throw new Error(`The sample under ${SITE_URL} did not build:\n${result.stdout}\n${result.stderr}`);
  return { content, site };
}
