// An article body from Markdown with raw HTML to the HTML a page or a feed shows:
// rendered, cleaned by sanitize-html, then finished with our own markup.
import sanitizeHtml from "sanitize-html";
import type { Picture } from "../images/index.ts";
import { BodyFinisher } from "./finish.ts";
import { pageParser, plainParser, repairRunawayBlocks, repairRunaways, type BodyEnv } from "./parser.ts";
import { DEFAULT_EMBED_HOSTS, sanitizerOptions } from "./policy.ts";
import { htmlToText } from "./text.ts";

export interface RenderOptions {
  /** Hosts (or host/path prefixes) whose iframes are kept: site.json `embedHosts`. Default DEFAULT_EMBED_HOSTS. */
  embedHosts?: readonly string[];
  /**
   * The processed image of a local body image, looked up synchronously (the build processes images first).
   * `src` is named as `bodyReferences` names it: as written, percent-decoded. Undefined keeps the <img>.
   */
  picture?: (src: string) => Picture | undefined;
  /** "picture" (pages): the responsive <picture> of lead images. "largest" (feeds): one <img> of the largest rendition. */
  images?: "picture" | "largest";
  /** `sizes` of body pictures: the width of the article column. */
  imageSizes?: string;
  /** Self-links after headings (pages). Feeds leave them out: they need the site's CSS. Default true. */
  headingLinks?: boolean;
  /**
   * The URL to write for a local reference (named as `bodyReferences` names it): images without a Picture
   * and links, e.g. a path relative to the post file made a site path. Default: written as is.
   */
  localUrl?: (reference: string, kind: "image" | "link") => string;
  /** Ids the page around the body uses; no heading or element of the body gets one of them. */
  reservedIds?: readonly string[];
}

export interface RenderedArticle {
  /** The cleaned HTML of each part, in order; the "View all" page joins them. */
  partsHtml: string[];
}

export const DEFAULT_IMAGE_SIZES = "(min-width: 48rem) 46rem, 100vw";

/**
 * Renders all parts of one article. Heading ids, footnote ids and table labels are unique across
 * the parts, so the "View all" page can show them together. Never throws on any input.
 */
export function renderArticle(parts: readonly string[], options: RenderOptions = {}): RenderedArticle {
  const md = options.headingLinks === false ? plainParser : pageParser;
  const sanitizer = sanitizerOptions(options.embedHosts ?? DEFAULT_EMBED_HOSTS);
  const headingIds = new Set(options.reservedIds);
  const finisher = new BodyFinisher(
    {
      picture: options.picture,
      images: options.images ?? "picture",
      imageSizes: options.imageSizes ?? DEFAULT_IMAGE_SIZES,
      localUrl: options.localUrl,
      encodeUrl: (url) => md.normalizeLink(url),
    },
    options.reservedIds ?? [],
  );
  const partsHtml = parts.map((part, index) => {
    const env: BodyEnv = { headingIds, ...(parts.length > 1 && { docId: String(index + 1) }) };
    // The whole part is rendered before it is cleaned: a <div> opened in one block may close in another.
    const html = md.render(repairRunawayBlocks(md, part).source, env);
    return finisher.finish(sanitizeHtml(repairRunaways(html), sanitizer));
  });
  return { partsHtml };
}

/**
 * The running text of Markdown, cleaned as bodies are (see `htmlToText`). With `enough`, only the first
 * whole blocks holding about that many characters are rendered: a dek needs the start, not the whole body.
 */
export function markdownText(source: string, enough = Number.POSITIVE_INFINITY): string {
  const env: BodyEnv = {};
  const tokens = plainParser.parse(repairRunawayBlocks(plainParser, source).source, env);
  let text = 0;
  let end = tokens.length;
  for (const [index, token] of tokens.entries()) {
    if (token.type === "inline") text += token.content.length;
    if (text >= enough && token.level === 0 && token.nesting <= 0) {
      end = index + 1;
      break;
    }
  }
  // Footnote references render from `env`, filled by the whole parse.
  const html = plainParser.renderer.render(tokens.slice(0, end), plainParser.options, env);
  return htmlToText(sanitizeHtml(repairRunaways(html), sanitizerOptions(DEFAULT_EMBED_HOSTS)));
}
