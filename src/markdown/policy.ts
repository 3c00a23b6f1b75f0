// What article copy may contain once cleaned: the sanitize-html allow-list, the embed hosts,
// and the words `check` uses to tell an editor what the cleaning removed.
import sanitizeHtml from "sanitize-html";

/**
 * Hosts whose <iframe> players are kept when site.json sets no `embedHosts`. An entry is a host name,
 * or a host and a path prefix ("www.google.com/maps/embed") when the host serves more than players.
 */
export const DEFAULT_EMBED_HOSTS: readonly string[] = [
  "www.youtube.com",
  "youtube.com",
  "www.youtube-nocookie.com",
  "youtube-nocookie.com",
  "player.vimeo.com",
  "www.dailymotion.com/embed",
  "w.soundcloud.com",
  "open.spotify.com",
  "embed.podcasts.apple.com",
  "bandcamp.com/EmbeddedPlayer",
  "datawrapper.dwcdn.net",
  "flo.uri.sh",
  "e.infogram.com",
  "www.google.com/maps/embed",
  "www.openstreetmap.org/export/embed.html",
  "embed.documentcloud.org",
  "archive.org/embed",
];

const ALLOWED_TAGS = [
  "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "wbr",
  "a", "em", "strong", "b", "i", "u", "s", "del", "ins", "small", "q", "cite", "dfn",
  "code", "pre", "kbd", "samp", "var", "sup", "sub", "mark", "abbr", "time", "span", "bdi",
  "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
  "figure", "figcaption", "img", "picture", "source",
  "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
  "div", "section", "details", "summary",
  "iframe",
];

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  "*": ["class", "id", "lang", "dir", "title"],
  a: ["href", "rel"],
  img: ["src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"],
  source: ["srcset", "sizes", "type", "media", "width", "height"],
  iframe: ["src", "width", "height", "allow", "allowfullscreen", "loading", "sandbox", "referrerpolicy"],
  blockquote: ["cite"],
  q: ["cite"],
  del: ["cite", "datetime"],
  ins: ["cite", "datetime"],
  time: ["datetime"],
  ol: ["start", "reversed", "type"],
  li: ["value"],
  th: ["colspan", "rowspan", "scope", "abbr", "style"],
  td: ["colspan", "rowspan", "headers", "style"],
  col: ["span"],
  colgroup: ["span"],
  details: ["open"],
  // The heading self-link's "#" is hidden from screen readers, which read its visually hidden label.
  span: ["aria-hidden"],
};

/** Column alignment, the one style Markdown tables write, is the only inline style kept. */
const CELL_STYLES = { "text-align": [/^(left|right|center)$/] };

/**
 * Removed elements whose content goes too: code, styles, form values, inert templates. Together with
 * the parser's raw-text elements (script, style, title), an unclosed one would swallow the rest of the body.
 */
export const CONTENT_DROPPING_TAGS = ["script", "style", "textarea", "option", "noscript", "title", "template"];

/**
 * Attributes dropped without a word to the editor: they only served scripts (data-*) or are
 * presentational leftovers of pasted embeds and old editors that readers never notice missing.
 */
export function isQuietlyDropped(attribute: string): boolean {
  return (
    attribute.startsWith("data-") ||
    ["frameborder", "scrolling", "marginwidth", "marginheight", "allowtransparency", "webkitallowfullscreen", "mozallowfullscreen", "target", "align", "valign", "border", "cellpadding", "cellspacing", "bgcolor", "hspace", "vspace"].includes(attribute)
  );
}

/** Images may be inline data only in raster formats: no SVG documents inside the page. */
const RASTER_DATA_URL = /^data:image\/(png|jpe?g|gif|webp|avif);/i;

/** The embed-player features an iframe may ask for; camera, microphone, location and payment are never granted. */
const EMBED_FEATURES = new Set(["autoplay", "clipboard-write", "encrypted-media", "fullscreen", "picture-in-picture", "web-share", "accelerometer", "gyroscope"]);

/** Players need their own scripts and storage, pop-ups to their site, and presentation (casting). */
export const EMBED_SANDBOX = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation";
/** Players such as YouTube refuse to play without knowing the embedding site's origin. */
export const EMBED_REFERRER_POLICY = "strict-origin-when-cross-origin";

export type EmbedDecision =
  | { allowed: true; src: string; host: string }
  | { allowed: false; reason: "no-src" | "srcdoc" | "not-https"; host?: string }
  | { allowed: false; reason: "host"; host: string };

/** "https://Player.Vimeo.com/" → "player.vimeo.com", "www.google.com/maps/embed/" → "www.google.com/maps/embed". */
function normaliseEmbedHost(entry: string): string {
  return entry.trim().replace(/^[a-z]+:\/\//i, "").replace(/\/+$/, "").toLowerCase();
}

/** Whether an iframe is kept: an https src (http and protocol-relative are upgraded) from an embed host. */
export function embedDecision(src: string | undefined, embedHosts: readonly string[], srcdoc = false): EmbedDecision {
  if (srcdoc) return { allowed: false, reason: "srcdoc" };
  if (!src?.trim()) return { allowed: false, reason: "no-src" };
  let url: URL;
  try {
    url = new URL(src.trim().replace(/^\/\//, "https://").replace(/^http:\/\//i, "https://"));
  } catch {
    return { allowed: false, reason: "not-https" };
  }
  if (url.protocol !== "https:" || url.username || url.password) return { allowed: false, reason: "not-https", host: url.hostname || undefined };
  const host = url.hostname.toLowerCase();
  const allowed = embedHosts.map(normaliseEmbedHost).some((entry) => {
    const slash = entry.indexOf("/");
    if (slash === -1) return entry === url.host.toLowerCase();
    const path = entry.slice(slash);
    return entry.slice(0, slash) === url.host.toLowerCase() && (url.pathname === path || url.pathname.startsWith(`${path}/`));
  });
  return allowed ? { allowed: true, src: url.href, host } : { allowed: false, reason: "host", host };
}

/** The features of an iframe's `allow` attribute that a player may have, without origin lists. */
export function allowedEmbedFeatures(allow: string | undefined): string | undefined {
  const features = (allow ?? "")
    .split(";")
    .map((feature) => feature.trim().split(/\s+/)[0]!.toLowerCase())
    .filter((feature) => EMBED_FEATURES.has(feature));
  return features.length ? [...new Set(features)].join("; ") : undefined;
}

/** sanitize-html options for article bodies; iframes are kept only from `embedHosts`. */
export function sanitizerOptions(embedHosts: readonly string[]): sanitizeHtml.IOptions {
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedStyles: { th: CELL_STYLES, td: CELL_STYLES },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesByTag: { img: ["http", "https", "data"], iframe: ["https"] },
    allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
    allowProtocolRelative: true,
    nonTextTags: CONTENT_DROPPING_TAGS,
    disallowedTagsMode: "discard",
    transformTags: {
      h1: sanitizeHtml.simpleTransform("h2", {}),
      // Old copy marks link targets with <a name>; an id keeps those #fragment links working.
      a: (tagName, attribs) => {
        const { name, ...rest } = attribs;
        return { tagName, attribs: name && !rest.id ? { ...rest, id: name } : rest };
      },
      iframe: (tagName, attribs) => {
        const decision = embedDecision(attribs.src, embedHosts, attribs.srcdoc !== undefined);
        return { tagName, attribs: decision.allowed ? { ...attribs, src: decision.src } : {} };
      },
      img: (tagName, attribs) => {
        const { src, ...rest } = attribs;
        return { tagName, attribs: src !== undefined && (!/^\s*data:/i.test(src) || RASTER_DATA_URL.test(src.trim())) ? attribs : rest };
      },
    },
    // An iframe that lost its src (other host, srcdoc, not https) goes with its fallback; so does an image without a source.
    exclusiveFilter: (frame) => (frame.tag === "iframe" || frame.tag === "img") && !frame.attribs.src,
  };
}

const URL_ATTRIBUTES = new Set(["href", "src", "cite", "srcset"]);

/** Why an element the author wrote is not in the cleaned body, as `check` tells the editor. */
export function removedElementMessage(tag: string, attribs: Record<string, string>, embedHosts: readonly string[]): string {
  switch (tag) {
    case "script":
      return "<script> removed from the body — embeds need an allowed host in site.json embedHosts";
    case "iframe": {
      const decision = embedDecision(attribs.src, embedHosts, attribs.srcdoc !== undefined);
      if (decision.allowed) return "<iframe> removed from the body";
      if (decision.reason === "host") return `<iframe> from ${decision.host} removed from the body — if you trust ${decision.host}, add "${decision.host}" to embedHosts in site.json`;
      if (decision.reason === "srcdoc") return "<iframe srcdoc> removed from the body — embed the provider's https player URL from a host in site.json embedHosts";
      return "<iframe> without an https src removed from the body — embed the provider's https player URL from a host in site.json embedHosts";
    }
    case "style":
      return "<style> removed from the body — articles use the site's stylesheet";
    case "object":
    case "embed":
    case "applet":
      return `<${tag}> removed from the body — embed with an <iframe> from a host in site.json embedHosts`;
    case "form":
    case "input":
    case "button":
    case "select":
    case "textarea":
      return `<${tag}> removed from the body — an article cannot hold a form; link to the form instead`;
    case "img":
      return "<img> removed from the body — an image needs a src: a file path, an https URL or a PNG, JPEG, GIF, WebP or AVIF data: URL";
    default:
      return CONTENT_DROPPING_TAGS.includes(tag)
        ? `<${tag}> removed from the body with its content`
        : `<${tag}> removed from the body, its text kept — use Markdown or an element listed in the content model`;
  }
}

/** Why an attribute the author wrote is not in the cleaned body. */
export function removedAttributeMessage(tag: string, attribute: string, value: string): string {
  if (attribute.startsWith("on")) return `${attribute} attribute removed from <${tag}> — scripts never run in articles`;
  if (attribute === "style") return `style attribute removed from <${tag}> — articles use the site's stylesheet`;
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\x00-\x20]+/g, ""))?.[1]?.toLowerCase();
  if (URL_ATTRIBUTES.has(attribute) && scheme) {
    return `${attribute}="${scheme}:…" removed from <${tag}> — ${tag === "a" ? "links need an http(s), mailto: or tel: URL or a path" : "use an http(s) URL or a path"}`;
  }
  return `${attribute} attribute removed from <${tag}>`;
}
