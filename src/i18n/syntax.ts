// The grammar of an interface message: text with named placeholders (`{count}`) and named
// spans (`<archive>archives</archive>`) that a template turns into markup of its own, such as a
// link. Spans do not nest; a `<` or `{` that starts neither is text.

export type Segment = { text: string } | { placeholder: string } | { tag: string; inner: Segment[] };

const TOKEN = /\{([a-zA-Z]\w*)\}|<([a-z]+)>(.*?)<\/\2>/gs;
const PLACEHOLDER = /\{([a-zA-Z]\w*)\}/g;

export function parseMessage(message: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of message.matchAll(TOKEN)) {
    if (match.index > last) segments.push({ text: message.slice(last, match.index) });
    const [, placeholder, tag, inner] = match;
    segments.push(placeholder !== undefined ? { placeholder } : { tag: tag!, inner: parsePlaceholders(inner!) });
    last = match.index + match[0].length;
  }
  if (last < message.length) segments.push({ text: message.slice(last) });
  return segments;
}

function parsePlaceholders(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > last) segments.push({ text: text.slice(last, match.index) });
    segments.push({ placeholder: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

/** The placeholders (`{count}`) and spans (`<archive>`) a message uses, as `{count}` and `<archive>`. */
export function namesIn(message: string): Set<string> {
  const names = new Set<string>();
  const collect = (segments: Segment[]) => {
    for (const segment of segments) {
      if ("placeholder" in segment) names.add(`{${segment.placeholder}}`);
      else if ("tag" in segment) {
        names.add(`<${segment.tag}>`);
        collect(segment.inner);
      }
    }
  };
  collect(parseMessage(message));
  return names;
}
