// The part of Eleventy's configuration API our plugins use (Eleventy ships no TypeScript types).
export interface EleventyConfig {
  addPlugin<Options>(plugin: (config: EleventyConfig, options: Options) => void | Promise<void>, options?: Options): void;
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addWatchTarget(target: string): void;
  addPassthroughCopy(copy: Record<string, string>): void;
  on(event: "eleventy.after", handler: (event: { directories: { output: string }; results: { url: string; content: string }[] }) => unknown): void;
  on(event: "eleventy.beforeWatch", handler: (changedFiles: string[]) => unknown): void;
  on(event: "eleventy.before", handler: (event: { directories: { output: string } }) => unknown): void;
  /** Globs of input files Eleventy leaves alone. */
  ignores: Set<string>;
  addTransform(name: string, transform: (this: { page: { url: string | false } }, content: string) => string): void;
}
