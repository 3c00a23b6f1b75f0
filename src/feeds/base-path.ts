// Feed items carry article HTML whose local URLs are site paths ("/img/map.png",
// "/2025/03/story/"). In pages the HTML <base> plugin puts them under the site's base path;
// feeds are not pages, and making a URL absolute against the item's address resolves a site
// path against the host (https://example.org/img/map.png), losing the base path. So a site
// served under a path gets its site paths prefixed first, here, then made absolute.
import render from "dom-serializer";
import { findAll } from "domutils";
import { parseDocument } from "htmlparser2";
import { withBasePath } from "../urls/index.ts";

/** Attributes that hold one URL (the ones the HTML <base> plugin rewrites in pages). */
const URL_ATTRIBUTES = ["href", "src", "poster", "cite", "action", "formaction"];

/** `html` with every site path in its URL attributes and srcsets under `basePath`; unchanged for a site at its host's root. */
export function htmlUnderBasePath(html: string, basePath: string): string {
  if (basePath === "/") return html;
  const document = parseDocument(html);
  for (const element of findAll(() => true, document.children)) {
    const { attribs } = element;
    for (const name of URL_ATTRIBUTES) {
      if (attribs[name] !== undefined) attribs[name] = withBasePath(basePath, attribs[name].trim());
    }
    if (attribs.srcset !== undefined) {
      attribs.srcset = attribs.srcset
        .split(",")
        .map((candidate) => {
          const [url = "", ...descriptors] = candidate.trim().split(/\s+/);
          return [withBasePath(basePath, url), ...descriptors].join(" ");
        })
        .join(", ");
    }
  }
  return render(document, { encodeEntities: "utf8", emptyAttrs: true });
}
