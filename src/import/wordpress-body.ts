// A WordPress post body as the kit's Markdown file holds it: HTML blocks a Markdown reader
// leaves alone. WordPress makes paragraphs of blank-line-separated text when it shows a post
// (wpautop); here those paragraphs are written out as <p> elements, so the body means the
// same under Markdown, and the <!--more--> and <!--nextpage--> markers stand on lines of their own.
import { parseDocument, DomUtils } from "htmlparser2";
import { Element, Text, type ChildNode, type Document } from "domhandler";
import render from "dom-serializer";

// Elements WordPress's wpautop never wraps in a paragraph (its $allblocks), and the start of
// a CommonMark HTML block: a Markdown reader keeps each one whole.
const BLOCKS = new Set(
  "address article aside blockquote caption col colgroup dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr legend li main menu nav ol p pre section style summary table tbody td tfoot th thead tr ul".split(" "),
);
/** Blocks whose text WordPress splits into paragraphs when it holds blank lines. */
const PARAGRAPH_CONTAINERS = new Set("article aside blockquote dd div figure footer header li main section td th".split(" "));
const VERBATIM = new Set(["pre", "textarea", "script", "style", "code"]);

// Private-use characters stand for what must be written after serializing.
const LINE_BREAK = "\uE000";
const KEPT_BLANK_LINE = "\uE001";

type Marker = "more" | "nextpage";

function markerOf(node: ChildNode): Marker | undefined {
  if (node.type !== "comment") return undefined;
  const data = (node as unknown as { data: string }).data.trim();
  if (/^more\b/.test(data)) return "more";
  if (data === "nextpage") return "nextpage";
  return undefined;
}

export interface PreparedBody {
  document: Document;
  /** Every src and href in the body, for the files the import fetches. */
  urls: string[];
}

export function prepareBody(html: string): PreparedBody {
  const document = parseDocument(html.replace(/\r\n?/g, "\n").replace(/[\uE000\uE001]/g, ""), { decodeEntities: true });
  // Editor comments (Gutenberg's <!-- wp:paragraph --> and the like) go; the two markers stay.
  for (const comment of DomUtils.filter((node) => node.type === "comment" && !markerOf(node), document.children)) {
    DomUtils.removeElement(comment as ChildNode);
  }
  const urls = linkAttributes(document).map(({ element, name }) => element.attribs[name]!);
  return { document, urls };
}

/** The body text, each src/href given to `rewrite` (undefined keeps it as it is). */
export function renderBody(prepared: PreparedBody, rewrite: (url: string) => string | undefined): string {
  for (const { element, name } of linkAttributes(prepared.document)) {
    const replacement = rewrite(element.attribs[name]!);
    if (replacement === undefined) continue;
    element.attribs[name] = replacement;
    // The other sizes WordPress listed would still point at the old site.
    if (element.name === "img") {
      delete element.attribs.srcset;
      delete element.attribs.sizes;
    }
  }
  const blocks = paragraphs(prepared.document.children.flatMap(splitAtMarkers));
  return `${blocks.map(serialize).join("\n\n")}\n`;
}

function linkAttributes(document: Document): { element: Element; name: string }[] {
  const found: { element: Element; name: string }[] = [];
  for (const element of DomUtils.findAll(() => true, document.children)) {
    for (const name of element.name === "a" ? ["href"] : ["img", "source", "video", "audio"].includes(element.name) ? ["src"] : []) {
      if (element.attribs[name]) found.push({ element, name });
    }
  }
  return found;
}

/** An element holding a marker becomes the part before it, the marker, the part after it. */
function splitAtMarkers(node: ChildNode): ChildNode[] {
  if (!(node instanceof Element) || DomUtils.filter((child) => markerOf(child) !== undefined, node.children, true, 1).length === 0) {
    return [node];
  }
  const pieces: ChildNode[] = [];
  let current: ChildNode[] = [];
  const flush = () => {
    if (current.some((child) => !isBlank(child))) pieces.push(withChildren(node, current));
    current = [];
  };
  for (const child of node.children) {
    for (const piece of splitAtMarkers(child)) {
      if (markerOf(piece)) {
        flush();
        pieces.push(piece);
      } else current.push(piece);
    }
  }
  flush();
  return pieces;
}

/**
 * wpautop on a list of sibling nodes: inline content and text become <p> elements, split
 * at blank lines; blocks and markers stand alone. Containers holding blank-line text get
 * the same treatment inside.
 */
function paragraphs(nodes: readonly ChildNode[]): ChildNode[] {
  const out: ChildNode[] = [];
  let run: ChildNode[] = [];
  const flush = () => {
    const content = trimRun(run);
    if (content.length) out.push(withChildren(new Element("p", {}), content));
    run = [];
  };
  for (const node of nodes) {
    if (markerOf(node)) {
      flush();
      out.push(node);
    } else if (node instanceof Element && BLOCKS.has(node.name)) {
      flush();
      out.push(PARAGRAPH_CONTAINERS.has(node.name) && hasBlankLineText(node) ? withChildren(node, separated(paragraphs(node.children))) : node);
    } else if (node instanceof Text) {
      const [first, ...rest] = node.data.split(/\n[ \t]*\n/);
      run.push(new Text(first!));
      for (const part of rest) {
        flush();
        run.push(new Text(part));
      }
    } else if (node.type !== "comment") {
      run.push(node);
    }
  }
  flush();
  return out;
}

const hasBlankLineText = (element: Element): boolean => element.children.some((child) => child instanceof Text && /\n[ \t]*\n/.test(child.data));

const isBlank = (node: ChildNode): boolean => node instanceof Text && node.data.trim() === "";

function trimRun(run: ChildNode[]): ChildNode[] {
  const content = [...run];
  while (content.length && isBlank(content[0]!)) content.shift();
  while (content.length && isBlank(content.at(-1)!)) content.pop();
  if (content[0] instanceof Text) content[0] = new Text(content[0].data.trimStart());
  const last = content.at(-1);
  if (last instanceof Text) content[content.length - 1] = new Text(last.data.trimEnd());
  return content;
}

/** Blocks inside a container, one per line. */
function separated(nodes: ChildNode[]): ChildNode[] {
  return nodes.flatMap((node, index) => (index === 0 ? [node] : [new Text("\n"), node]));
}

/** A copy of an element holding these children. */
function withChildren(element: Element, children: ChildNode[]): Element {
  const copy = new Element(element.name, { ...element.attribs });
  copy.children = children;
  children.forEach((child, index) => {
    child.parent = copy;
    child.prev = children[index - 1] ?? null;
    child.next = children[index + 1] ?? null;
  });
  return copy;
}

/**
 * One block as text. A blank line would end a Markdown HTML block early, so none is left
 * inside: in preformatted text a blank line is kept as a character reference, elsewhere
 * it is one line break; a line break inside running text is a <br>, as WordPress shows it.
 */
function serialize(node: ChildNode): string {
  const marker = markerOf(node);
  if (marker) return `<!--${marker}-->`;
  for (const text of DomUtils.filter((child) => child instanceof Text, [node]) as Text[]) {
    if (isVerbatim(text)) {
      text.data = text.data.replace(/\n(?=[ \t]*\n)/g, KEPT_BLANK_LINE);
    } else {
      text.data = lineBreaks(text, text.data.replace(/\n[ \t]*\n/g, "\n"));
    }
  }
  return render(node, { encodeEntities: "utf8" }).replaceAll(LINE_BREAK, "<br>\n").replaceAll(KEPT_BLANK_LINE, "&#10;");
}

/** A line break between pieces of running text (text or inline elements) becomes a <br>. */
function lineBreaks(text: Text, data: string): string {
  const isInline = (node: ChildNode | null) => node !== null && !isBlank(node) && !(node instanceof Element && BLOCKS.has(node.name)) && !markerOf(node);
  return data.replace(/[ \t]*\n[ \t]*/g, (newline, offset: number) => {
    const before = /\S/.test(data.slice(0, offset)) || isInline(text.prev);
    const after = /\S/.test(data.slice(offset + newline.length)) || isInline(text.next);
    return before && after ? LINE_BREAK : newline;
  });
}

function isVerbatim(text: Text): boolean {
  for (let parent = text.parent; parent; parent = parent.parent) {
    if (parent instanceof Element && VERBATIM.has(parent.name)) return true;
  }
  return false;
}
