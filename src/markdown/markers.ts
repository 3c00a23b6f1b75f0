// The body markers: <!--more--> ends the excerpt, <!--nextpage--> starts a new page of the article.
import MarkdownIt, { type Token } from "markdown-it";
import { normaliseSource } from "./parser.ts";

/** `<!--more-->`, `<!-- More -->`, `<!--  nextpage -->`: any spacing, any case. */
const MARKER = /^<!--\s*(more|nextpage)\s*-->$/i;
/** A line that may hold a marker (inside code or not). */
const MARKER_LINE = /^[ \t>]*<!--\s*(more|nextpage)\s*-->[ \t]*$/im;

// Only the block structure matters: which lines are HTML blocks of their own, outside code and containers.
const blocks = new MarkdownIt({ html: true });

/** 0-based lines that hold a marker on their own, outside code blocks, lists and quotes. */
function markerLines(body: string): Map<number, "more" | "nextpage"> {
  // Most bodies hold no marker line at all: they need no parse to tell code from markers.
  if (!MARKER_LINE.test(body)) return new Map();
  const tokens: Token[] = [];
  blocks.block.parse(body, blocks, {}, tokens);
  const markers = new Map<number, "more" | "nextpage">();
  for (const token of tokens) {
    const marker = token.type === "html_block" && token.level === 0 && token.map ? MARKER.exec(token.content.trim()) : null;
    if (marker) markers.set(token.map![0], marker[1]!.toLowerCase() as "more" | "nextpage");
  }
  return markers;
}

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
  const source = normaliseSource(body);
  const markers = markerLines(source);
  const parts: string[] = [];
  const partLines = [1];
  let current: string[] = [];
  let excerpt: string | undefined;
  source.split("\n").forEach((line, index) => {
    const marker = markers.get(index);
    if (marker === "nextpage") {
      parts.push(current.join("\n").trim());
      partLines.push(index + 2);
      current = [];
    } else if (marker === "more") {
      if (excerpt === undefined) excerpt = [...parts, current.join("\n")].join("\n\n").trim();
    } else {
      current.push(line);
    }
  });
  parts.push(current.join("\n").trim());
  return { parts, excerpt, partLines };
}
