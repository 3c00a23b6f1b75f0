// The part of Eleventy's programmatic API the build uses (Eleventy ships no types).
declare module "@11ty/eleventy" {
  import type { EleventyConfig } from "../site/eleventy.ts";

  export default class Eleventy {
    /**
     * `configPath: false` reads no configuration file: `config` is the whole configuration.
     * `pathPrefix`: the path the site is served under ("/news/"); files are still written from the output's root.
     */
    constructor(input: string, output: string, options: { configPath: false; quietMode?: boolean; pathPrefix?: string; config: (eleventyConfig: EleventyConfig) => void });
    write(): Promise<unknown>;
    /** Where Eleventy prints: its messages go to the given console's methods. */
    readonly logger: { overrideLogger(logger: Pick<Console, "log" | "info" | "warn" | "error">): void };
  }

  /** Rewrites the URLs in every HTML page's attributes (href, src, srcset, action…) under the path prefix. */
  export function HtmlBasePlugin(eleventyConfig: EleventyConfig): void;
}
