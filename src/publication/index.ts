// Loads the publication once per build and shares it with every capability's plugin.
import { cp } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { loadPublication, type Publication } from "../content/load.ts";
import { ImageProcessor } from "../images/index.ts";
import type { EleventyConfig } from "./eleventy.ts";
import { phase } from "./phases.ts";
import { isLastRun } from "./runs.ts";

export interface BuildSettings {
  /** The publication folder: _data/, posts/, img/. */
  root: string;
  /** The build's clock; NEWSROOM_NOW (ISO 8601) pins it for tests. */
  now: DateTime;
  /** NEWSROOM_DRAFTS=1 publishes drafts and scheduled articles, for local previews only. */
  includeUnpublished: boolean;
}

export interface Build {
  settings: BuildSettings;
  publication: Publication;
  images: ImageProcessor;
}

export function settingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): BuildSettings {
  const now = env.NEWSROOM_NOW ? DateTime.fromISO(env.NEWSROOM_NOW, { setZone: true }) : DateTime.now();
  if (!now.isValid) throw new Error(`NEWSROOM_NOW=${env.NEWSROOM_NOW} is not an ISO 8601 date-time`);
  return {
    root: path.resolve(env.NEWSROOM_CONTENT_DIR ?? "."),
    now,
    includeUnpublished: env.NEWSROOM_DRAFTS === "1",
  };
}

let current: Promise<Build> | undefined;

/** The current build's publication, loaded on first use. */
export function currentBuild(): Promise<Build> {
  current ??= (async () => {
    const settings = settingsFromEnvironment();
    const publication = await loadPublication(settings.root, settings);
    return { settings, publication, images: new ImageProcessor(path.join(settings.root, ".cache", "images")) };
  })();
  return current;
}

export default function publicationPlugin(eleventyConfig: EleventyConfig): void {
  const { root } = settingsFromEnvironment();
  eleventyConfig.addGlobalData("site", async () => (await currentBuild()).publication.site);
  for (const folder of ["posts", "_data", "img"]) eleventyConfig.addWatchTarget(path.join(root, folder));
  // Content edits during `npm start` are picked up by loading the publication afresh.
  eleventyConfig.on("eleventy.beforeWatch", () => {
    current = undefined;
  });
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    if (!isLastRun()) return;
    await phase("copy images", async () => {
      const { images } = await currentBuild();
      await images.copyUsedInto(directories.output);
      // Images are copied as they are too, for Markdown bodies that point at them.
      const imageFolder = path.join(root, "img");
      if (existsSync(imageFolder)) await cp(imageFolder, path.join(directories.output, "img"), { recursive: true });
    });
  });
}
