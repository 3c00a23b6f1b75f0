// The part of Eleventy's configuration API the kit's plugins use (Eleventy ships no
// TypeScript types), and what every plugin is handed: the build it renders.
import type { Build } from "./build.ts";

export interface EleventyConfig {
  addPlugin<Options>(plugin: (config: EleventyConfig, options: Options) => void | Promise<void>, options?: Options): void;
  addGlobalData(name: string, value: unknown): void;
  /** A value or function every Nunjucks template and macro sees. */
  addNunjucksGlobal(name: string, value: unknown): void;
  addPassthroughCopy(copy: Record<string, string>): void;
  addTransform(name: string, transform: (this: { page: { url: string | false } }, content: string) => string): void;
  setTemplateFormats(formats: string[]): void;
  /** Changes a template engine's library once Eleventy made it: for "njk", the Nunjucks Environment. */
  amendLibrary(engine: "njk", amend: (environment: { loaders: unknown[] }) => void): void;
  setIncludesDirectory(folder: string): void;
  setDataDirectory(folder: string): void;
}

export interface PluginOptions {
  build: Build;
}
