// Plain text from the bits of HTML other systems store in titles, names and excerpts.
import { parseDocument, DomUtils } from "htmlparser2";

/** `News &amp; <em>Views</em>` → `News & Views`, whitespace collapsed. */
export function plainText(html: string): string {
  return DomUtils.textContent(parseDocument(html, { decodeEntities: true })).replace(/\s+/g, " ").trim();
}
