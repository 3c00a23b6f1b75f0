// The Markdown parsers for article bodies, and the repair of raw HTML that is never closed:
// an unclosed comment or <script> would otherwise hide everything after it in the body.
import MarkdownIt, { type Env, type MarkdownIt as Markdown, type Token } from "markdown-it";
import anchor from "markdown-it-anchor";
import footnote from "markdown-it-footnote";
import { Parser } from "htmlparser2";
import { toSlug } from "../urls/index.ts";
import { CONTENT_DROPPING_TAGS } from "./policy.ts";

/** What one render of a part shares with the other parts of the same article. */
export interface BodyEnv extends Env {
  /** Ids given to headings so far in this article: unique across its parts, for the "View all" page. */
  headingIds?: Set<string>;
  /** Set when the article has several parts, so that footnote ids differ between parts (markdown-it-footnote). */
  docId?: string;
}

/** markdown-it-anchor gives the core state; only its env is read. */
function uniqueHeadingId(title: string, state: { env: unknown }): string {
  const env = state.env as BodyEnv;
  const used = (env.headingIds ??= new Set());
  const base = toSlug(title) || "section";
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

interface ParserOptions {
  /** Heading ids, and with `headingLinks` a self-link after each heading. */
  headingIds: boolean;
  headingLinks: boolean;
  typographer: boolean;
}

function createBodyParser({ headingIds, headingLinks, typographer }: ParserOptions): Markdown {
  const md = new MarkdownIt({ html: true, linkify: true, typographer }).use(footnote);
  // The headline is the page's h1: a level-1 heading in the body is a section heading.
  md.core.ruler.push("demote_h1", (state) => {
    for (const token of state.tokens) {
      if ((token.type === "heading_open" || token.type === "heading_close") && token.tag === "h1") token.tag = "h2";
    }
  });
  if (headingIds) {
    md.use(anchor, {
      slugifyWithState: uniqueHeadingId,
      tabIndex: false,
      permalink: headingLinks
        ? anchor.permalink.linkAfterHeader({
            style: "visually-hidden",
            class: "section-link",
            symbol: "#",
            assistiveText: (title) => `Link to the section “${title}”`,
            visuallyHiddenClass: "visually-hidden",
            wrapper: ['<div class="section-heading">', "</div>"],
          })
        : undefined,
    });
  }
  return md;
}

/** Article pages: heading ids with a self-link. */
export const pageParser = createBodyParser({ headingIds: true, headingLinks: true, typographer: true });
/** Feeds and summaries: heading ids without the self-link, which needs the site's CSS. */
export const plainParser = createBodyParser({ headingIds: true, headingLinks: false, typographer: true });
/** For `check`: tokens keep the text as typed, and no markup is added. */
export const sourceParser = createBodyParser({ headingIds: false, headingLinks: false, typographer: false });

/** An opener whose end never comes, e.g. `<!--` without `-->`. */
export interface Runaway {
  opener: string;
  closer: string;
}

/** markdown-it's HTML blocks that end only at a closing sequence (CommonMark block types 1–5). */
const CLOSED_BY_SEQUENCE: { start: RegExp; end: RegExp; runaway: (start: RegExpExecArray) => Runaway }[] = [
  { start: /^<(script|pre|style|textarea)(?=\s|>|$)/i, end: /<\/(script|pre|style|textarea)>/i, runaway: (m) => ({ opener: `<${m[1]!.toLowerCase()}>`, closer: `</${m[1]!.toLowerCase()}>` }) },
  { start: /^<!--/, end: /-->/, runaway: () => ({ opener: "<!--", closer: "-->" }) },
  { start: /^<\?/, end: /\?>/, runaway: () => ({ opener: "<?", closer: "?>" }) },
  { start: /^<!\[CDATA\[/, end: /\]\]>/, runaway: () => ({ opener: "<![CDATA[", closer: "]]>" }) },
  { start: /^<![A-Z]/i, end: />/, runaway: () => ({ opener: "<!", closer: ">" }) },
];

function runawayBlock(token: Token): Runaway | undefined {
  if (token.type !== "html_block") return undefined;
  const content = token.content.trimStart();
  for (const kind of CLOSED_BY_SEQUENCE) {
    const start = kind.start.exec(content);
    if (start) return kind.end.test(content) ? undefined : kind.runaway(start);
  }
  return undefined;
}

/** The same line endings markdown-it works with, so that line numbers agree. */
export function normaliseSource(source: string): string {
  // Most bodies have neither: looking is quicker than replacing.
  const lines = source.includes("\r") ? source.replace(/\r\n?/g, "\n") : source;
  return lines.includes("\0") ? lines.replace(/\0/g, "\uFFFD") : lines;
}

export interface RepairedSource {
  source: string;
  /** Blocks whose opener was turned into text, with their 0-based line. */
  repairs: (Runaway & { line: number })[];
}

/**
 * An HTML block that is never closed (`<!--` without `-->`, `<pre>` without `</pre>`) runs to the end of
 * the body, leaving the rest unrendered or hidden: its opener is made text, so the rest is Markdown again.
 */
export function repairRunawayBlocks(md: Markdown, source: string): RepairedSource {
  let current = normaliseSource(source);
  const repairs: RepairedSource["repairs"] = [];
  for (;;) {
    const tokens: Token[] = [];
    md.block.parse(current, md, {}, tokens);
    const token = tokens.find((candidate) => candidate.map && runawayBlock(candidate));
    if (!token) return { source: current, repairs };
    const line = token.map![0];
    repairs.push({ ...runawayBlock(token)!, line });
    const lines = current.split("\n");
    lines[line] = lines[line]!.replace("<", "&lt;");
    current = lines.join("\n");
  }
}

/** Elements whose end the HTML parser looks for to the end of the input, dropping or escaping all in between. */
const RUNAWAY_ELEMENTS = new Set(CONTENT_DROPPING_TAGS);

/**
 * The first opener in an HTML string that is never closed and so would take the rest of the string with
 * it: a comment or CDATA section, or an element whose content the sanitizer drops. Parsed as sanitize-html parses.
 */
export function findRunaway(html: string): (Runaway & { index: number }) | undefined {
  const found: (Runaway & { index: number })[] = [];
  const open: { name: string; index: number }[] = [];
  const parser = new Parser(
    {
      onopentag(name) {
        open.push({ name, index: parser.startIndex });
      },
      onclosetag(name, isImplied) {
        const at = open.map((element) => element.name).lastIndexOf(name);
        if (at === -1) return;
        const [element] = open.splice(at);
        if (isImplied && parser.startIndex >= html.length && RUNAWAY_ELEMENTS.has(name)) {
          found.push({ opener: `<${name}>`, closer: `</${name}>`, index: element!.index });
        }
      },
      oncomment() {
        const raw = html.slice(parser.startIndex, parser.endIndex + 1);
        const cdata = raw.startsWith("<![CDATA[");
        if (parser.endIndex >= html.length - 1 && !raw.endsWith(cdata ? "]]>" : "-->")) {
          found.push(cdata ? { opener: "<![CDATA[", closer: "]]>", index: parser.startIndex } : { opener: "<!--", closer: "-->", index: parser.startIndex });
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return found.sort((a, b) => a.index - b.index)[0];
}

/** Turns every opener that would take the rest of the body with it into text. */
export function repairRunaways(html: string): string {
  let current = html;
  for (let runaway = findRunaway(current); runaway; runaway = findRunaway(current)) {
    current = `${current.slice(0, runaway.index)}&lt;${current.slice(runaway.index + 1)}`;
  }
  return current;
}
