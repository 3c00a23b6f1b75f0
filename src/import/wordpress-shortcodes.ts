// The WordPress shortcodes with an HTML equivalent — [caption], [gallery], [embed] — and
// video links alone on a line (which WordPress turns into players) become that HTML.
// Every other shortcode stays in the text for an editor to look at.
import { embedHtml, videoEmbed } from "./embeds.ts";

export interface Attachment {
  id: string;
  url: string;
  alt: string;
  caption: string;
  /** The post it was uploaded to. */
  parent: string;
  menuOrder: number;
}

export interface ShortcodeContext {
  attachments: Map<string, Attachment>;
  /** Images uploaded to the post, in gallery order, for a [gallery] without ids. */
  imagesOfPost(): Attachment[];
}

// WordPress's own shortcode grammar (get_shortcode_regex), for the three tags handled:
// `[[tag]]` escapes; a tag either encloses content up to `[/tag]` or stands alone.
const HANDLED = /\[(\[?)(caption|gallery|embed)(?![\w-])([^\]]*?)(?:(\/)\]|\](?:([\s\S]*?)\[\/\2\])?)(\]?)/g;

// shortcode_parse_atts: name="value", name='value', name=value, or a bare value.
const ATTRIBUTE = /([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)/g;

export function parseShortcodeAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.replace(/[\u00a0\u200b]/g, " ").matchAll(ATTRIBUTE)) {
    if (match[1]) attributes.set(match[1].toLowerCase(), match[2]!);
    else if (match[3]) attributes.set(match[3].toLowerCase(), match[4]!);
    else if (match[5]) attributes.set(match[5].toLowerCase(), match[6]!);
  }
  return attributes;
}

export function expandShortcodes(content: string, context: ShortcodeContext): string {
  const expanded = content.replace(HANDLED, (whole, open: string, tag: string, attributeText: string, _selfClosing, inner: string | undefined, close: string) => {
    if (open === "[" && close === "]") return whole.slice(1, -1);
    const attributes = parseShortcodeAttributes(attributeText);
    const html = tag === "caption" ? caption(attributes, inner ?? "") : tag === "gallery" ? gallery(attributes, context) : embed(inner ?? "");
    return html === undefined ? whole : `${open}\n\n${html}\n\n${close}`;
  });
  return embedVideoLinks(expanded);
}

function caption(attributes: Map<string, string>, inner: string): string {
  // img_caption_shortcode: the image (maybe inside a link) first, the caption after it.
  const match = /^\s*((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
  const image = match?.[1] ?? inner.trim();
  const text = (attributes.get("caption") ?? match?.[2] ?? "").trim();
  return text ? `<figure>${image}<figcaption>${text}</figcaption></figure>` : `<figure>${image}</figure>`;
}

function gallery(attributes: Map<string, string>, context: ShortcodeContext): string | undefined {
  const ids = (attributes.get("ids") ?? attributes.get("include") ?? "").split(",").map((id) => id.trim()).filter(Boolean);
  const images = ids.length ? ids.map((id) => context.attachments.get(id)).filter((image) => image !== undefined) : context.imagesOfPost();
  if (images.length === 0) return undefined;
  const items = images.map((image) => {
    const img = `<img src="${escapeAttribute(image.url)}" alt="${escapeAttribute(image.alt)}">`;
    return image.caption ? `<figure>${img}<figcaption>${image.caption}</figcaption></figure>` : img;
  });
  return `<figure class="gallery">\n${items.join("\n")}\n</figure>`;
}

function embed(inner: string): string {
  const link = inner.trim();
  const video = videoEmbed(link);
  if (video) return embedHtml(video);
  return `<p><a href="${escapeAttribute(link)}">${link}</a></p>`;
}

/** WordPress's autoembed: a video link alone on a line, or alone in a paragraph. */
function embedVideoLinks(content: string): string {
  const replace = (whole: string, link: string) => {
    const video = videoEmbed(link);
    return video ? embedHtml(video) : whole;
  };
  return content
    .replace(/^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gm, (whole, link: string) => replace(whole, link))
    .replace(/<p(?:\s[^>]*)?>\s*(https?:\/\/[^\s<>"]+)\s*<\/p>/gi, (whole, link: string) => replace(whole, link));
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** Shortcodes still in a text: `[name …]` openings (closing tags are not listed again). */
export function findShortcodes(text: string): { offset: number; text: string }[] {
  return [...text.matchAll(/(?<!\[)\[([a-zA-Z][\w-]*)(?:\s[^\]\n]*)?\/?\](?!\()/g)].map((match) => ({ offset: match.index, text: match[0] }));
}
