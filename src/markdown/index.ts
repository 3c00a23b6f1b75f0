// Article bodies and bios: Markdown to HTML, the body markers, word counts.
import MarkdownIt from "markdown-it";

/**
 * Raw HTML in Markdown is shown as text: an unclosed tag in one article must never
 * break the page around it. Level-1 headings become level 2, the headline is the page's h1.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true });
markdown.core.ruler.push("demote_h1", (state) => {
  for (const token of state.tokens) {
    if ((token.type === "heading_open" || token.type === "heading_close") && token.tag === "h1") token.tag = "h2";
  }
});

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

/** The first paragraph of a Markdown text, rendered: the "start" of an author's bio. */
export function renderFirstParagraph(source: string): string {
  const first = source.trim().split(/\n\s*\n/)[0] ?? "";
  return markdown.render(first);
}

/** Text without Markdown syntax, for summaries and meta descriptions. */
export function plainText(source: string): string {
  const html = markdown.render(source);
  return decodeHtml(html.replace(/<[^>]+>/g, " ")).replace(/\s+/g, " ").trim();
}

/** Text from HTML-escaped text: the named entities markdown-it and Nunjucks write, and &#N;. */
export function decodeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#(\d+));/g, (_, name: string, code?: string) => (code ? String.fromCharCode(Number(code)) : ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" } as Record<string, string>)[name]!));
}

/** At most `max` characters, cut at a word boundary, with an ellipsis when cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

const NEXTPAGE = "<!--nextpage-->";
const MORE = "<!--more-->";

export interface SplitBody {
  /** Markdown of each page of the article, markers removed; one entry for a single-page article. */
  parts: string[];
  /** Markdown before `<!--more-->`, when the marker is present. */
  excerpt?: string;
  /** 1-based line (within the body) where each part starts, for error messages. */
  partLines: number[];
}

/** Splits a body on `<!--nextpage-->` lines and cuts the excerpt at the first `<!--more-->` line. */
export function splitBody(body: string): SplitBody {
  const parts: string[] = [];
  const partLines = [1];
  let current: string[] = [];
  let excerpt: string | undefined;
  body.split("\n").forEach((line, index) => {
    const marker = line.trim();
    if (marker === NEXTPAGE) {
      parts.push(current.join("\n").trim());
      partLines.push(index + 2);
      current = [];
    } else if (marker === MORE) {
      if (excerpt === undefined) excerpt = [...parts, current.join("\n")].join("\n\n").trim();
    } else {
      current.push(line);
    }
  });
  parts.push(current.join("\n").trim());
  return { parts, excerpt, partLines };
}

export function countWords(markdownSource: string): number {
  return markdownSource.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/** Minutes at an adult's average silent reading speed, never less than one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230));
}
