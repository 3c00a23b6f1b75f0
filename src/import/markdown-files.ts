// The files a Markdown body points at: images (`![](…)`, `<img src>`) and linked documents,
// found with a Markdown parser and an HTML parser, and the exact spellings used in the text.
import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { parseDocument, DomUtils } from "htmlparser2";

const markdown = new MarkdownIt({ html: true });

export interface BodyReference {
  /** As written in the text. */
  written: string;
  image: boolean;
}

/** Local references only: no scheme, no protocol-relative URL, no fragment-only link. */
const isLocal = (reference: string): boolean => reference !== "" && !/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(reference);

/** A link to a page (another post, a section) rather than to a file. */
const isPageLink = (reference: string): boolean => {
  const pathPart = reference.split(/[?#]/)[0]!;
  return pathPart.endsWith("/") || !/\.[a-z0-9]{2,5}$/i.test(pathPart) || /\.(md|markdown|html?)$/i.test(pathPart);
};

export function findBodyReferences(body: string): BodyReference[] {
  const found = new Map<string, BodyReference>();
  const add = (value: string | number | null | undefined, image: boolean) => {
    const reference = value === null || value === undefined ? "" : String(value);
    if (!reference || !isLocal(reference) || (!image && isPageLink(reference))) return;
    for (const written of new Set([reference, safeDecode(reference)])) {
      if (!found.has(written)) found.set(written, { written, image });
    }
  };
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === "image") add(token.attrGet("src"), true);
      else if (token.type === "link_open") add(token.attrGet("href"), false);
      else if (token.type === "html_block" || token.type === "html_inline") {
        for (const element of DomUtils.findAll(() => true, parseDocument(token.content).children)) {
          if (element.name === "img" || element.name === "source") add(element.attribs.src, true);
          else if (element.name === "a") add(element.attribs.href, false);
        }
      }
      if (token.children) visit(token.children);
    }
  };
  visit(markdown.parse(body, {}));
  return [...found.values()];
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/** Replaces a reference where a Markdown or HTML link can hold it, never in running text. */
export function replaceReference(text: string, written: string, replacement: string): string {
  const escaped = written.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`(\\]\\(\\s*<?|\\]:\\s*<?|(?:src|href)\\s*=\\s*["']?)${escaped}(?=[\\s)"'>#?]|$)`, "g");
  return text.replace(pattern, (_, before: string) => `${before}${replacement}`);
}
