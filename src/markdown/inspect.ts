// What `npm run check` says about a body before the build cleans it: each element or attribute the
// cleaning removes, each iframe from a host that is not allowed, template shortcodes left in the
// text, images without alt text — at the body line where the editor wrote them.
import sanitizeHtml from "sanitize-html";
import { parseDocument } from "htmlparser2";
import render from "dom-serializer";
import { Element, type ChildNode } from "domhandler";
import { findAll, isTag, isText } from "domutils";
import type { Token } from "markdown-it";
import { findRunaway, repairRunawayBlocks, sourceParser, type Runaway } from "./parser.ts";
import { CONTENT_DROPPING_TAGS, DEFAULT_EMBED_HOSTS, isQuietlyDropped, removedAttributeMessage, removedElementMessage, sanitizerOptions } from "./policy.ts";
import { isLocalReference, readableReference } from "./references.ts";

export interface Finding {
  /** 1-based line within the body. */
  line: number;
  severity: "warning" | "error";
  message: string;
}

export interface InspectOptions {
  /** site.json `embedHosts`; DEFAULT_EMBED_HOSTS when not set. */
  embedHosts?: readonly string[];
}

export interface BodyReferences {
  /** Local image sources (relative to the post or site paths), percent-decoded, as `RenderOptions.picture` receives them. */
  images: { src: string; alt: string; line: number }[];
  /** Local link targets (attachments, other pages), percent-decoded, with any ?query or #fragment as written. */
  links: { href: string; line: number }[];
}

/** What `check` needs of a body, from one reading of it: its findings and its local files. */
export interface BodyExamination {
  /** Everything `check` reports about the body, in line order. */
  findings: Finding[];
  references: BodyReferences;
}

export function examineBody(body: string, options: InspectOptions = {}): BodyExamination {
  const { findings, images, links } = analyseBody(body, options.embedHosts ?? DEFAULT_EMBED_HOSTS);
  const seen = new Set<string>();
  return {
    findings: findings
      .filter((finding) => {
        const key = `${finding.line}\n${finding.message}`;
        return !seen.has(key) && seen.add(key);
      })
      .sort((a, b) => a.line - b.line),
    references: {
      images: images.filter((image) => isLocalReference(image.src)).map((image) => ({ ...image, src: readableReference(image.src) })),
      links: links.filter((link) => isLocalReference(link.href)).map((link) => ({ ...link, href: readableReference(link.href) })),
    },
  };
}

/** Everything `check` reports about a body, in line order. */
export const inspectBody = (body: string, options: InspectOptions = {}): Finding[] => examineBody(body, options).findings;

/** The local images and links of a body, for the loader to check and the build to process or copy. */
export const bodyReferences = (body: string): BodyReferences => examineBody(body).references;

/** A text (or raw HTML) with the body line it starts on. */
interface Located {
  content: string;
  line: number;
}

/** The HTML that one token renders to; `raw` when it is HTML the editor wrote. */
interface Piece extends Located {
  raw: boolean;
}

interface Analysis extends BodyReferences {
  findings: Finding[];
}

const warning = (line: number, message: string): Finding => ({ line, severity: "warning", message });

const linesBefore = (text: string, index: number): number => text.slice(0, index).split("\n").length - 1;

const runawayMessage = ({ opener, closer }: Runaway): string =>
  `${opener} is never closed with ${closer} — it is shown as text so that the rest of the article is not lost; close it or remove it`;

function analyseBody(body: string, embedHosts: readonly string[]): Analysis {
  const analysis: Analysis = { findings: [], images: [], links: [] };
  const { source, repairs } = repairRunawayBlocks(sourceParser, body);
  for (const repair of repairs) analysis.findings.push(warning(repair.line + 1, runawayMessage(repair)));

  // The body is rendered token by token, as markdown-it's renderer does, so that each piece of HTML keeps its line.
  const env = {};
  const tokens = sourceParser.parse(source, env);
  // Past its nesting limit markdown-it drops the rest of the body without a word.
  const limit = sourceParser.options.maxNesting;
  const tooDeep = tokens.find((token) => token.level >= limit - 1 && token.map);
  if (tooDeep) {
    analysis.findings.push({
      line: tooDeep.map![0] + 1,
      severity: "error",
      message: `lists or quotes are nested here more than ${limit} elements deep, past what the Markdown reader follows — everything after this line would be lost; unnest them`,
    });
  }
  const renderOne = (list: Token[], index: number): string => {
    const rule = sourceParser.renderer.rules[list[index]!.type];
    return rule ? rule(list, index, sourceParser.options, env, sourceParser.renderer) : sourceParser.renderer.renderToken(list, index, sourceParser.options);
  };
  const pieces: Piece[] = [];
  const texts: Located[] = [];
  let blockLine = 1;
  tokens.forEach((token, index) => {
    // Table cells and footnote contents have no lines of their own: they take their row's or block's.
    if (token.map) blockLine = token.map[0] + 1;
    if (token.type === "inline") {
      texts.push({ content: readInline(token, blockLine, renderOne, pieces, analysis), line: blockLine });
    } else {
      pieces.push({ content: renderOne(tokens, index), line: blockLine, raw: token.type === "html_block" });
      if (token.type === "html_block") texts.push({ content: token.content, line: blockLine });
    }
  });

  repairRunawayHtml(pieces, analysis.findings);
  const options = sanitizerOptions(embedHosts);
  inspectHtml(pieces, options, embedHosts, analysis);
  for (const text of texts) findShortcodes(text, analysis.findings);
  return analysis;
}

/** Renders an inline token child by child, collecting images and links; returns its text as typed, code spans left out. */
function readInline(token: Token, firstLine: number, renderOne: (list: Token[], index: number) => string, pieces: Piece[], analysis: Analysis): string {
  const children = token.children ?? [];
  let line = firstLine;
  let text = "";
  children.forEach((child, index) => {
    pieces.push({ content: renderOne(children, index), line, raw: child.type === "html_inline" });
    switch (child.type) {
      case "softbreak":
      case "hardbreak":
        text += "\n";
        line++;
        break;
      case "text":
        text += child.content;
        break;
      case "code_inline":
        text += " ";
        break;
      case "html_inline":
        text += child.content;
        line += linesBefore(child.content, child.content.length);
        break;
      case "image": {
        const src = String(child.attrGet("src") ?? "");
        analysis.images.push({ src, alt: child.content, line });
        if (!child.content.trim()) {
          analysis.findings.push(warning(line, `image ${readableReference(src)} has no alt text — describe what it shows between the brackets: ![what it shows](${src})`));
        }
        break;
      }
      case "link_open":
        analysis.links.push({ href: String(child.attrGet("href") ?? ""), line });
        break;
    }
  });
  return text;
}

/** Finds the piece that holds a position of the joined pieces, and where that piece starts. */
class PieceIndex {
  private readonly starts: number[] = [];

  constructor(private readonly pieces: readonly Piece[]) {
    let start = 0;
    for (const piece of pieces) {
      this.starts.push(start);
      start += piece.content.length;
    }
  }

  locate(index: number): { piece: Piece; start: number } {
    let low = 0;
    let high = this.pieces.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (this.starts[middle]! <= index) low = middle;
      else high = middle - 1;
    }
    return { piece: this.pieces[low]!, start: this.starts[low]! };
  }
}

/**
 * Openers never closed (`<!--`, `<script>`) would take the rest of the body: the render shows them as
 * text, and so does this rendering of the body, so that what follows them is inspected too.
 */
function repairRunawayHtml(pieces: Piece[], findings: Finding[]): void {
  for (let runaway = findRunaway(joined(pieces)); runaway; runaway = findRunaway(joined(pieces))) {
    const { piece, start } = new PieceIndex(pieces).locate(runaway.index);
    const index = runaway.index - start;
    findings.push(warning(piece.line + linesBefore(piece.content, index), runawayMessage(runaway)));
    piece.content = `${piece.content.slice(0, index)}&lt;${piece.content.slice(index + 1)}`;
  }
}

const joined = (pieces: readonly Piece[]): string => pieces.map((piece) => piece.content).join("");

/**
 * What the sanitizer makes of each element alone: the element it keeps, or undefined when it removes it.
 * All elements go through one sanitizer run, each after a numbered marker; alone, none can nest in another.
 */
function cleanedElements(elements: readonly Element[], options: sanitizeHtml.IOptions): Map<Element, Element | undefined> {
  const marker = (index: number) => `\u2063${index}\u2063`;
  const alone = elements.map((element, index) => marker(index) + render(new Element(element.name, { ...element.attribs }))).join("");
  const outputs: Element[] = [];
  let current = -1;
  for (const node of parseDocument(sanitizeHtml(alone, options)).children) {
    if (isText(node)) current = Number([...node.data.matchAll(/\u2063(\d+)\u2063/g)].at(-1)?.[1] ?? current);
    else if (isTag(node) && current >= 0) outputs[current] ??= node;
  }
  const expectedName = (element: Element) => (element.name === "h1" ? "h2" : element.name);
  return new Map(elements.map((element, index) => [element, outputs[index]?.name === expectedName(element) ? outputs[index] : undefined]));
}

/**
 * How deep a body's HTML may nest. Readers of trees (this check, the sanitizer's and the
 * serializer's) follow elements by recursion: some thousands of unclosed <div>s would
 * overflow the stack. Real article markup stays within a few dozen.
 */
const MAX_ELEMENT_DEPTH = 256;

/** The first element nested deeper than `limit`, walking the tree without recursion. */
function elementPastDepth(nodes: readonly ChildNode[], limit: number): Element | undefined {
  const stack: [ChildNode, number][] = nodes.map((node) => [node, 1]);
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!isTag(node)) continue;
    if (depth > limit) return node;
    for (const child of node.children) stack.push([child, depth + 1]);
  }
  return undefined;
}

/**
 * Checks the editor's elements in the body rendered whole, as the sanitizer reads it: an element inside
 * a removed one (an <svg>'s shapes, a <form>'s fields) is not reported again.
 */
function inspectHtml(pieces: readonly Piece[], options: sanitizeHtml.IOptions, embedHosts: readonly string[], analysis: Analysis): void {
  const index = new PieceIndex(pieces);
  const document = parseDocument(joined(pieces), { withStartIndices: true });
  // Markdown's own markup (paragraphs, images, links) is not the editor's HTML.
  const tooDeep = elementPastDepth(document.children, MAX_ELEMENT_DEPTH);
  if (tooDeep) {
    const { piece, start } = index.locate(tooDeep.startIndex ?? 0);
    analysis.findings.push({
      line: piece.line + linesBefore(piece.content, (tooDeep.startIndex ?? 0) - start),
      severity: "error",
      message: `HTML elements are nested here more than ${MAX_ELEMENT_DEPTH} deep (elements opened and never closed?) — the page cannot be built; close each element you open`,
    });
    return;
  }
  const kept = cleanedElements(findAll((element) => index.locate(element.startIndex ?? 0).piece.raw, document.children), options);
  const visit = (nodes: readonly ChildNode[], insideRemoved: boolean): void => {
    for (const element of nodes.filter(isTag)) {
      if (!kept.has(element)) {
        visit(element.children, insideRemoved);
        continue;
      }
      const { piece, start } = index.locate(element.startIndex ?? 0);
      const cleaned = kept.get(element);
      const line = piece.line + linesBefore(piece.content, (element.startIndex ?? 0) - start);
      if (!cleaned) {
        if (!insideRemoved) analysis.findings.push(warning(line, removedElementMessage(element.name, element.attribs, embedHosts)));
        // Nothing inside these reaches the page, so nothing inside needs a word.
        if (CONTENT_DROPPING_TAGS.includes(element.name) || element.name === "iframe") continue;
      } else {
        for (const [attribute, value] of Object.entries(element.attribs)) {
          const convertedToId = element.name === "a" && attribute === "name";
          if (!(attribute in cleaned.attribs) && !isQuietlyDropped(attribute) && !convertedToId) {
            analysis.findings.push(warning(line, removedAttributeMessage(element.name, attribute, value)));
          }
        }
        if (element.name === "img") {
          const src = cleaned.attribs.src!;
          analysis.images.push({ src, alt: cleaned.attribs.alt ?? "", line });
          if (!cleaned.attribs.alt?.trim()) analysis.findings.push(warning(line, `image ${readableReference(src)} has no alt text — describe what it shows in alt="…"`));
        }
        if (element.name === "a" && cleaned.attribs.href !== undefined) analysis.links.push({ href: cleaned.attribs.href, line });
      }
      visit(element.children, insideRemoved || !cleaned);
    }
  };
  visit(document.children, false);
}

/**
 * Template code from other systems that the kit prints as text: Liquid/Nunjucks tags and expressions
 * (Jekyll, Eleventy), Hugo shortcodes, WordPress shortcodes. Each alternative is tried in this order.
 */
const SHORTCODE = new RegExp(
  [
    String.raw`(?<hugo>\{\{<[\s\S]{0,300}?>\}\}|\{\{%[\s\S]{0,300}?%\}\})`,
    String.raw`(?<tag>\{%[\s\S]{0,300}?%\})`,
    String.raw`(?<expression>\{\{[^{}]{0,300}?\}\})`,
    String.raw`(?<wordpress>\[(?<name>caption|gallery|embed|video|audio|playlist|youtube|vimeo|soundcloud|tweet|instagram|googlemaps|iframe|contact-form(?:-7)?)\b[^\]\n]{0,300}\](?![(\[:]))`,
  ].join("|"),
  "gi",
);

const WORDPRESS_FIX: Record<string, string> = {
  caption: "write the photo and its caption as <figure> with <img> and <figcaption>",
  gallery: "put the photos in the article one by one",
  "contact-form": "link to the form instead",
  "contact-form-7": "link to the form instead",
};

function shortcodeMessage(match: RegExpExecArray): string {
  const code = match[0].replace(/\s+/g, " ");
  const shown = code.length > 60 ? `${code.slice(0, 59).trimEnd()}…` : code;
  const groups = match.groups!;
  if (groups.hugo) return `Hugo shortcode ${shown} is shown as text — write Markdown or HTML instead`;
  if (groups.tag) return `template tag ${shown} is shown as text — articles run no template code; write Markdown or HTML instead`;
  if (groups.expression) return `template expression ${shown} is shown as text — write the text or URL itself`;
  const fix = WORDPRESS_FIX[groups.name!.toLowerCase()] ?? "paste the provider's <iframe> embed code (its host must be in site.json embedHosts) or a link";
  return `WordPress shortcode ${shown} is shown as text — ${fix}`;
}

function findShortcodes(text: Located, findings: Finding[]): void {
  for (const match of text.content.matchAll(SHORTCODE)) {
    findings.push(warning(text.line + linesBefore(text.content, match.index), shortcodeMessage(match)));
  }
}
