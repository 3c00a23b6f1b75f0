// Template code in Jekyll, Eleventy and Hugo bodies. References to the old site's own base
// (`{{ site.baseurl }}`, `{{ "/x" | relative_url }}`) mean "this site", so they become plain
// paths; `{% post_url %}` becomes the other post's new URL; `{% raw %}` blocks keep their text
// and lose their tags. Everything else is left for an editor and reported.
import type { Leftover } from "./model.ts";

export interface TextSegment {
  text: string;
  /** Inside `{% raw %}`: shown as written, never resolved or reported. */
  raw: boolean;
}

const RAW_BLOCK = /\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g;

export function splitRawBlocks(body: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of body.matchAll(RAW_BLOCK)) {
    segments.push({ text: body.slice(last, match.index), raw: false });
    segments.push({ text: match[1]!, raw: true });
    last = match.index + match[0].length;
  }
  segments.push({ text: body.slice(last), raw: false });
  return segments;
}

const SITE_BASE = /\{\{-?\s*site\.(?:url|baseurl|github\.url)\s*-?\}\}/g;
const BASE_FILTER = /\{\{-?\s*(["'])([^"']*)\1\s*\|\s*(?:relative_url|absolute_url|url|prepend:\s*site\.(?:baseurl|url))\s*-?\}\}/g;

/** The old site's base references as plain site paths. */
export function resolveSiteBase(text: string): string {
  return text.replace(SITE_BASE, "").replace(BASE_FILTER, (_, _quote, target: string) => (/^[a-z]+:|^\//i.test(target) ? target : `/${target}`));
}

const POST_LINK = /\{%-?\s*(?:post_url\s+(\S+)|link\s+_posts\/(\S+?)(?:\.\w+)?)\s*-?%\}/g;

/** `{% post_url 2016-07-18-slug %}` (and `{% link _posts/… %}`) as the post's new URL, when it is imported. */
export function resolvePostLinks(text: string, postUrl: (reference: string) => string | undefined): string {
  return text.replace(POST_LINK, (whole, postName: string | undefined, linkName: string | undefined) => postUrl((postName ?? linkName)!) ?? whole);
}

const TEMPLATE_CODE = /\{\{<[\s\S]*?>\}\}|\{\{%[\s\S]*?%\}\}|\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g;

/** Template code left in a text, with offsets into it. */
export function findTemplateCode(text: string): Leftover[] {
  return [...text.matchAll(TEMPLATE_CODE)].map((match) => ({
    offset: match.index,
    text: match[0].replace(/\s+/g, " "),
    kind: /^\{\{[<%]/.test(match[0]) ? "Hugo shortcode" : "Liquid",
  }));
}
