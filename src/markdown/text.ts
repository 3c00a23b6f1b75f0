// Plain text from cleaned HTML, for summaries, deks, meta descriptions and feeds.
import { parseDocument } from "htmlparser2";
import type { ChildNode, Element } from "domhandler";
import { isTag, isText, textContent } from "domutils";

/** Not running text: headings, captions, tables, code, embeds, footnotes and heading self-links. */
function isSkipped(element: Element): boolean {
  const classes = (element.attribs.class ?? "").split(/\s+/);
  return (
    /^(h[1-6]|figcaption|table|pre|iframe|script|style)$/.test(element.name) ||
    classes.some((name) => name === "footnotes" || name === "footnote-ref" || name === "section-link")
  );
}

/** Elements whose edges separate words: `<p>a</p><p>b</p>` is "a b", `<em>a</em>b` is "ab". */
const WORD_BREAKING = new Set([
  "p", "div", "section", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "figure", "details", "summary",
  "tr", "td", "th", "br", "hr", "picture", "img",
]);

/** The running text of cleaned HTML: paragraphs, lists and quotes, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  const pieces: string[] = [];
  const walk = (nodes: readonly ChildNode[]): void => {
    for (const node of nodes) {
      if (isText(node)) pieces.push(node.data);
      else if (isTag(node) && !isSkipped(node)) {
        const breaks = WORD_BREAKING.has(node.name);
        if (breaks) pieces.push(" ");
        walk(node.children);
        if (breaks) pieces.push(" ");
      }
    }
  };
  walk(parseDocument(html).children);
  return pieces.join("").replace(/\s+/g, " ").trim();
}

/** Text from HTML-escaped text, e.g. an attribute value: every named and numeric entity decoded. */
export function decodeHtml(text: string): string {
  // Escaping "<" first leaves the parser nothing but text and entities to read.
  return textContent(parseDocument(text.replace(/</g, "&lt;")));
}

/** At most `max` characters, cut at a word boundary, with an ellipsis when cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

/**
 * At most about `max` characters ending at a sentence end: whole sentences while they fit. When the
 * first sentences are too long to leave a useful dek, the text is cut at a word with an ellipsis instead.
 */
export function cutAtSentence(text: string, max: number, locale = "en"): string {
  if (text.length <= max) return text;
  let cut = "";
  for (const { segment } of new Intl.Segmenter(locale, { granularity: "sentence" }).segment(text)) {
    if ((cut + segment).trimEnd().length > max) break;
    cut += segment;
  }
  cut = cut.trim();
  return cut.length >= max * 0.4 ? cut : truncateText(text, max);
}
