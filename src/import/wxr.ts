// Reads a WordPress export (WXR 1.1/1.2: RSS 2.0 with the wp: namespace) into plain records.
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface WxrAuthor {
  login: string;
  displayName: string;
  /** Not part of core WordPress exports; some plugins add it. */
  description: string;
}

export interface WxrCategory {
  nicename: string;
  parent: string;
  name: string;
  description: string;
}

export interface WxrTerm {
  domain: string;
  nicename: string;
  name: string;
}

export interface WxrItem {
  id: string;
  title: string;
  link: string;
  creator: string;
  content: string;
  excerpt: string;
  /** Local time of the old site, `YYYY-MM-DD HH:MM:SS`. */
  postDate: string;
  /** UTC, or `0000-00-00 00:00:00` for drafts never scheduled. */
  postDateGmt: string;
  name: string;
  status: string;
  type: string;
  parent: string;
  menuOrder: number;
  password: string;
  attachmentUrl: string;
  terms: WxrTerm[];
  meta: Map<string, string>;
}

export interface WxrExport {
  title: string;
  link: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
  authors: WxrAuthor[];
  categories: WxrCategory[];
  items: WxrItem[];
}

export class NotAnExport extends Error {}

const LISTS = new Set(["item", "wp:author", "wp:category", "wp:tag", "wp:term", "category", "wp:postmeta", "wp:comment"]);

type XmlNode = Record<string, unknown>;

/** Text of an element, whether it came as a string, a CDATA section or with attributes. */
function text(node: unknown): string {
  if (node === undefined || node === null) return "";
  if (typeof node === "object") return text((node as XmlNode)["#text"]);
  return String(node);
}

const list = (node: unknown): XmlNode[] => (Array.isArray(node) ? (node as XmlNode[]) : []);

export function parseWxr(xml: string): WxrExport {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    throw new NotAnExport(`line ${validation.err.line}: not well-formed XML: ${validation.err.msg}`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    parseAttributeValue: false,
    // Bodies keep their line breaks: WordPress turns blank lines into paragraphs.
    trimValues: false,
    isArray: (name) => LISTS.has(name),
  });
  const document = parser.parse(xml) as XmlNode;
  const channel = (document.rss as XmlNode | undefined)?.channel as XmlNode | undefined;
  if (!channel || channel["wp:wxr_version"] === undefined) {
    throw new NotAnExport("not a WordPress export: no <rss><channel> with <wp:wxr_version> — export it from Tools → Export in WordPress");
  }
  return {
    title: text(channel.title).trim(),
    link: text(channel.link).trim(),
    baseSiteUrl: text(channel["wp:base_site_url"]).trim(),
    baseBlogUrl: text(channel["wp:base_blog_url"]).trim(),
    authors: list(channel["wp:author"]).map((author) => ({
      login: text(author["wp:author_login"]).trim(),
      displayName: text(author["wp:author_display_name"]).trim(),
      description: text(author["wp:author_description"]).trim(),
    })),
    categories: list(channel["wp:category"]).map((category) => ({
      nicename: text(category["wp:category_nicename"]).trim(),
      parent: text(category["wp:category_parent"]).trim(),
      name: text(category["wp:cat_name"]).trim(),
      description: text(category["wp:category_description"]).trim(),
    })),
    items: list(channel.item).map(readItem),
  };
}

function readItem(item: XmlNode): WxrItem {
  return {
    id: text(item["wp:post_id"]).trim(),
    title: text(item.title).trim(),
    link: text(item.link).trim(),
    creator: text(item["dc:creator"]).trim(),
    content: text(item["content:encoded"]),
    excerpt: text(item["excerpt:encoded"]).trim(),
    postDate: text(item["wp:post_date"]).trim(),
    postDateGmt: text(item["wp:post_date_gmt"]).trim(),
    name: text(item["wp:post_name"]).trim(),
    status: text(item["wp:status"]).trim(),
    type: text(item["wp:post_type"]).trim(),
    parent: text(item["wp:post_parent"]).trim(),
    menuOrder: Number(text(item["wp:menu_order"]).trim()) || 0,
    password: text(item["wp:post_password"]).trim(),
    attachmentUrl: text(item["wp:attachment_url"]).trim(),
    terms: list(item.category).map((term) => ({
      domain: text(term["@_domain"]),
      nicename: text(term["@_nicename"]),
      name: text(term).trim(),
    })),
    meta: new Map(list(item["wp:postmeta"]).map((meta) => [text(meta["wp:meta_key"]).trim(), text(meta["wp:meta_value"])])),
  };
}
