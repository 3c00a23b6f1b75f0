// The body markers: <!--more--> ends the excerpt, <!--nextpage--> starts a new page of the article.
import MarkdownIt, { type Token } from "markdown-it";
import { normaliseSource } from "./parser.ts";

/** `<!--more-->`, `<!-- More -->`, `<!--  nextpage -->`: any spacing, any case. */
const MARKER = /^<!--\s*(more|nextpage)\s*-->$/i;
/** A line that may hold a marker (inside code or not). */
const MARKER_LINE = /^[ \t>]*<!--\s*(more|nextpage)\s*-->[ \t]*$/im;

// Only the block structure matters: which lines are HTML blocks of their own, outside code and containers.
const blocks = new MarkdownIt({ html: true });

/** The markers of a body: the 0-based line of each line that holds one on its own. */
export type BodyMarkers = [line: number, marker: "more" | "nextpage"][];

/** 0-based lines that hold a marker on their own, outside code blocks, lists and quotes. */
export function findMarkers(body: string): BodyMarkers {
  const source = normaliseSource(body);
  // Most bodies hold no marker line at all: they need no parse to tell code from markers.
  if (!MARKER_LINE.test(source)) return [];
  const tokens: Token[] = [];
  blocks.block.parse(source, blocks, {}, tokens);
  const markers: BodyMarkers = [];
  for (const token of tokens) {
    const marker = token.type === "html_block" && token.level === 0 && token.map ? MARKER.exec(token.content.trim()) : null;
    if (marker) markers.push([token.map![0], marker[1]!.toLowerCase() as "more" | "nextpage"]);
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
  return splitAtMarkers(body, findMarkers(body));
}

/** `splitBody` with the body's markers already found (`findMarkers`: the content cache keeps them). */
export function splitAtMarkers(body: string, found: BodyMarkers): SplitBody {
  const source = normaliseSource(body);
  if (!found.length) return { parts: [source.trim()], excerpt: undefined, partLines: [1] };
  const markers = new Map(found);
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
