// The part of Eleventy's programmatic API the build uses (Eleventy ships no types).
declare module "@11ty/eleventy" {
  import type { EleventyConfig } from "../site/eleventy.ts";

  export default class Eleventy {
    /** `configPath: false` reads no configuration file: `config` is the whole configuration. */
    constructor(input: string, output: string, options: { configPath: false; quietMode?: boolean; config: (eleventyConfig: EleventyConfig) => void });
    write(): Promise<unknown>;
  }
}
