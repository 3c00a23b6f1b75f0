// The last step of a body, on the sanitized HTML: everything added here is our own markup —
// responsive pictures, embed attributes, scrollable tables, unique ids, rewritten local URLs.
import { parseDocument } from "htmlparser2";
import render from "dom-serializer";
import { Element, type Document } from "domhandler";
import { appendChild, findAll, isTag, prepend, removeElement, replaceElement, textContent } from "domutils";
import type { Picture } from "../images/index.ts";
import { allowedEmbedFeatures, EMBED_REFERRER_POLICY, EMBED_SANDBOX } from "./policy.ts";
import { isLocalReference, readableReference } from "./references.ts";

export interface FinishOptions {
  /** The processed image for a local body image, named as `bodyReferences` names it. */
  picture?: (src: string) => Picture | undefined;
  images: "picture" | "largest";
  imageSizes: string;
  /** The URL to write for a local image without a Picture, or a local link. */
  localUrl?: (reference: string, kind: "image" | "link") => string;
  /** Percent-encodes a URL the way Markdown links are written. */
  encodeUrl: (url: string) => string;
}

/** Finishes the parts of one article in order; ids and table labels stay unique across its parts. */
export class BodyFinisher {
  private readonly ids: Set<string>;
  private tables = 0;

  constructor(
    private readonly options: FinishOptions,
    reservedIds: readonly string[],
  ) {
    this.ids = new Set(reservedIds);
  }

  finish(html: string): string {
    const document = parseDocument(html);
    this.makeIdsUnique(document);
    this.wrapTables(document);
    this.finishEmbeds(document);
    this.finishImages(document);
    this.finishLinks(document);
    this.removeEmptyParagraphs(document);
    return render(document, { encodeEntities: "utf8", emptyAttrs: true });
  }

  /** The first element keeps an id; a later one (and a heading's self-link) gets a numbered one. */
  private makeIdsUnique(document: Document): void {
    for (const element of findAll((candidate) => candidate.attribs.id !== undefined, document.children)) {
      const id = element.attribs.id!;
      let unique = id;
      for (let n = 2; this.ids.has(unique); n++) unique = `${id}-${n}`;
      this.ids.add(unique);
      if (unique === id) continue;
      element.attribs.id = unique;
      const wrapper = element.parent;
      if (wrapper && isTag(wrapper) && wrapper.attribs.class === "section-heading") {
        for (const link of findAll((candidate) => candidate.attribs.class === "section-link", wrapper.children)) link.attribs.href = `#${unique}`;
      }
    }
  }

  /** Wide tables scroll sideways on phones, in a region a keyboard can scroll too. */
  private wrapTables(document: Document): void {
    const tables = findAll((element) => element.name === "table", document.children);
    for (const table of tables.filter((candidate) => !hasAncestor(candidate, "table"))) {
      this.tables++;
      const caption = table.children.find((child): child is Element => isTag(child) && child.name === "caption");
      const label = caption ? textContent(caption).replace(/\s+/g, " ").trim() : "";
      const wrapper = new Element("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": label || `Table ${this.tables}` });
      prepend(table, wrapper);
      appendChild(wrapper, table);
    }
  }

  private finishEmbeds(document: Document): void {
    for (const iframe of findAll((element) => element.name === "iframe", document.children)) {
      // Fallback content is never shown by today's browsers, and dom-serializer writes an iframe's text
      // unescaped (it is raw text in HTML): decoded "&lt;/iframe&gt;" in it would end the frame early.
      for (const child of [...iframe.children]) removeElement(child);
      const { attribs } = iframe;
      const allow = allowedEmbedFeatures(attribs.allow);
      Object.assign(attribs, {
        title: attribs.title?.trim() || `Embedded content from ${new URL(attribs.src!).hostname}`,
        loading: "lazy",
        sandbox: EMBED_SANDBOX,
        referrerpolicy: EMBED_REFERRER_POLICY,
        allowfullscreen: "",
      });
      if (allow) attribs.allow = allow;
      else delete attribs.allow;
    }
  }

  private finishImages(document: Document): void {
    for (const image of findAll((element) => element.name === "img", document.children)) {
      const src = image.attribs.src!;
      const picture = isLocalReference(src) ? this.options.picture?.(readableReference(src)) : undefined;
      if (!picture) {
        if (isLocalReference(src) && this.options.localUrl) image.attribs.src = this.options.encodeUrl(this.options.localUrl(readableReference(src), "image"));
        Object.assign(image.attribs, { loading: "lazy", decoding: "async" });
        continue;
      }
      const replacement = this.options.images === "largest" ? largestImage(picture, image.attribs) : pictureElement(picture, image.attribs, this.options.imageSizes);
      const author = image.parent && isTag(image.parent) && image.parent.name === "picture" ? image.parent : image;
      replaceElement(author, replacement);
    }
  }

  private finishLinks(document: Document): void {
    const { localUrl, encodeUrl } = this.options;
    if (!localUrl) return;
    for (const link of findAll((element) => element.name === "a" && element.attribs.href !== undefined, document.children)) {
      if (isLocalReference(link.attribs.href!)) link.attribs.href = encodeUrl(localUrl(readableReference(link.attribs.href!), "link"));
    }
  }

  /** A paragraph that held only removed markup (a widget's <script>) would leave a gap. */
  private removeEmptyParagraphs(document: Document): void {
    const empty = findAll((element) => element.name === "p" && !element.children.some(isTag) && !textContent(element).trim(), document.children);
    for (const paragraph of empty) removeElement(paragraph);
  }
}

function hasAncestor(element: Element, name: string): boolean {
  for (let parent = element.parent; parent; parent = parent.parent) {
    if (isTag(parent) && parent.name === name) return true;
  }
  return false;
}

/** The author's alt and title, which the rendition markup keeps; no alt stays no alt, for the audit to see. */
function textAttributes(attribs: Record<string, string>): Record<string, string> {
  return { ...(attribs.alt !== undefined && { alt: attribs.alt }), ...(attribs.title !== undefined && { title: attribs.title }) };
}

/** The same markup as _includes/partials/picture.njk writes for lead images, lazily loaded. */
function pictureElement(picture: Picture, attribs: Record<string, string>, sizes: string): Element {
  const element = new Element("picture", {});
  for (const source of picture.sources) appendChild(element, new Element("source", { type: source.type, srcset: source.srcset, sizes }));
  const { alt, title } = textAttributes(attribs);
  appendChild(
    element,
    new Element("img", {
      src: picture.src,
      ...(alt !== undefined && { alt }),
      width: String(picture.width),
      height: String(picture.height),
      loading: "lazy",
      decoding: "async",
      ...(title !== undefined && { title }),
    }),
  );
  return element;
}

/** One plain image, the largest rendition: what feed readers show best. */
function largestImage(picture: Picture, attribs: Record<string, string>): Element {
  const { alt, title } = textAttributes(attribs);
  return new Element("img", {
    src: picture.largest.url,
    ...(alt !== undefined && { alt }),
    width: String(picture.largest.width),
    height: String(picture.largest.height),
    ...(title !== undefined && { title }),
  });
}
