// The publication as every template sees it (site settings), and the files its pages use —
// image renditions and the files bodies point at — copied into the site once every page is
// rendered. Nothing else of the publication folder is published.
import { constants } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import type { EleventyConfig, PluginOptions } from "../site/eleventy.ts";
import { templateGlobals } from "../i18n/index.ts";
import { entriesOfShard } from "../site/shards.ts";
import { reusePlanOf } from "../site/reuse.ts";

export default function publicationPlugin(eleventyConfig: EleventyConfig, { build }: PluginOptions): void {
  eleventyConfig.addGlobalData("site", build.publication.site);
  // The interface in the site's language: t("nav.search") and friends (src/i18n).
  for (const [name, value] of Object.entries(templateGlobals(build.publication.messages))) eleventyConfig.addNunjucksGlobal(name, value);
  // A site served under a path (site.json `url` https://example.org/news): Eleventy's path
  // prefix (set by the build) and this plugin put it before every site path in every HTML
  // attribute that holds a URL — templates, article bodies, srcset, form actions, meta refresh —
  // after the page is rendered. Templates and bodies keep writing site paths ("/2025/03/story/").
  // With the site at the root of its host it does nothing: pages are not even re-serialised.
  eleventyConfig.addPlugin(HtmlBasePlugin);
  build.whenRendered("images", () =>
    build.phase("copy images", async () => {
      const { images, options } = build;
      await images.copyUsedInto(options.output);
      // Files unchanged since the last build are taken from it with the pages (src/site/reuse.ts).
      const plan = reusePlanOf(build);
      for (const { url, source } of entriesOfShard(build, "file").filter((entry) => plan.renders(entry))) {
        const target = path.join(options.output, decodeURI(url));
        await mkdir(path.dirname(target), { recursive: true });
        // Never over a file the build wrote itself (the check refuses such a file; this guards the rest).
        await copyFile(source, target, constants.COPYFILE_EXCL);
      }
    }),
  );
}
