// The part of @11ty/eleventy-plugin-rss (untyped) this project calls.
declare module "@11ty/eleventy-plugin-rss" {
  export function dateToRfc822(date: Date, timeZone?: string): string;
  export function convertHtmlToAbsoluteUrls(html: string, base: string): Promise<string>;
}
