// The part of @11ty/eleventy-img (CommonJS, untyped) this project calls.
declare module "@11ty/eleventy-img" {
  interface ImageOptions {
    widths: (number | null)[];
    formats: string[];
    outputDir: string;
    urlPath: string;
    svgShortCircuit?: boolean | "size";
    /** Encode in memory: each result carries its bytes in `buffer`, nothing is written. */
    dryRun?: boolean;
    /** false: no memory or disk cache of eleventy-img's own. */
    useCache?: boolean;
  }
  function Image(src: string, options: ImageOptions): Promise<Record<string, unknown>>;
  export default Image;
}
