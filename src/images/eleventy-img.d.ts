// The part of @11ty/eleventy-img (CommonJS, untyped) this project calls.
declare module "@11ty/eleventy-img" {
  interface ImageOptions {
    widths: (number | null)[];
    formats: string[];
    outputDir: string;
    urlPath: string;
    svgShortCircuit?: boolean | "size";
  }
  function Image(src: string, options: ImageOptions): Promise<Record<string, unknown>>;
  export default Image;
}
