// Article bodies and bios: Markdown to HTML, the body markers, summaries, word counts, and what
// `check` reports about a body. Bodies keep their raw HTML, cleaned; bios and captions show it as text.
import MarkdownIt from "markdown-it";
import { markdownText } from "./render.ts";
import { cutAtSentence } from "./text.ts";

export { renderArticle, DEFAULT_IMAGE_SIZES, type RenderOptions, type RenderedArticle } from "./render.ts";
export { DEFAULT_EMBED_HOSTS } from "./policy.ts";
export { examineBody, inspectBody, bodyReferences, type BodyExamination, type Finding, type BodyReferences, type InspectOptions } from "./inspect.ts";
export { splitBody, findMarkers, splitAtMarkers, type SplitBody, type BodyMarkers } from "./markers.ts";
export { htmlToText, decodeHtml, truncateText, cutAtSentence } from "./text.ts";
export { isLocalReference } from "./references.ts";

/**
 * Short texts that are not article copy (bios, descriptions): raw HTML is shown as text. Level-1
 * headings become level 2, the page's headline is its h1.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true });
markdown.core.ruler.push("demote_h1", (state) => {
  for (const token of state.tokens) {
    if ((token.type === "heading_open" || token.type === "heading_close") && token.tag === "h1") token.tag = "h2";
  }
});

/** Markdown of a bio or description; article bodies use `renderArticle`. */
export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

/** The first paragraph of a Markdown text: the "start" of an author's bio. */
export function firstParagraph(source: string): string {
  return source.trim().split(/\n\s*\n/)[0] ?? "";
}

/** The first paragraph of a Markdown text, rendered. */
export function renderFirstParagraph(source: string): string {
  return markdown.render(firstParagraph(source));
}

/** Inline Markdown (links, emphasis) of a caption or credit, without a paragraph around it; HTML shown as text. */
export function renderInlineMarkdown(source: string): string {
  return markdown.renderInline(source);
}

/** The running text of Markdown (raw HTML cleaned as in bodies): no markup, no entities. */
export function plainText(source: string): string {
  return markdownText(source);
}

/**
 * An automatic dek: the text before `<!--more-->` when the editor set one, otherwise the start of the
 * body cut at a sentence end at about `maxLength` characters — never a whole long first paragraph.
 */
export function automaticDek(body: { parts: readonly string[]; excerpt?: string }, { maxLength = 300, locale = "en" } = {}): string {
  const excerpt = body.excerpt === undefined ? "" : plainText(body.excerpt);
  // A few times the dek's length leaves whole sentences to choose from.
  return excerpt || cutAtSentence(markdownText(body.parts[0] ?? "", maxLength * 3), maxLength, locale);
}

export function countWords(markdownSource: string): number {
  return markdownSource.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/** Minutes at an adult's average silent reading speed, never less than one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230));
}
