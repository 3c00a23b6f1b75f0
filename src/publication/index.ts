// The publication as every template sees it (site settings), and the images the build's
// pages use, copied into the site once every page is rendered.
import { cp } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig, PluginOptions } from "../site/eleventy.ts";

export default function publicationPlugin(eleventyConfig: EleventyConfig, { build }: PluginOptions): void {
  eleventyConfig.addGlobalData("site", build.publication.site);
  build.whenRendered("images", () =>
    build.phase("copy images", async () => {
      const { images, options } = build;
      await images.copyUsedInto(options.output);
      // Images are copied as they are too, for Markdown bodies that point at them.
      const imageFolder = path.join(options.root, "img");
      if (existsSync(imageFolder)) await cp(imageFolder, path.join(options.output, "img"), { recursive: true });
    }),
  );
}
