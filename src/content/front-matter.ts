// Splits a post file into YAML front matter and Markdown body, keeping line numbers so
// that every problem can be reported as `file:line`.
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Node } from "yaml";

export interface SourceFile {
  data: unknown;
  body: string;
  /** Line of the file where the body starts. */
  bodyLine: number;
  /** The line of a front-matter field (or of its value at a path), falling back to line 1. */
  lineOf(path: readonly PropertyKey[]): number;
  /** Front-matter keys as written, with their lines. */
  keys: { name: string; line: number }[];
}

export class FrontMatterError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** Normalises what editors' tools leave behind: a byte-order mark and CRLF line endings. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

export function parseSourceFile(raw: string): SourceFile {
  const text = normaliseText(raw);
  const lines = text.split("\n");
  if (lines[0]?.trim() !== "---") {
    throw new FrontMatterError("the file must start with front matter between two `---` lines", 1);
  }
  const closing = lines.findIndex((line, index) => index > 0 && line.trim() === "---");
  if (closing < 0) throw new FrontMatterError("front matter is not closed: add a `---` line after the last field", 1);

  const lineCounter = new LineCounter();
  const document = parseDocument(lines.slice(1, closing).join("\n"), { lineCounter, schema: "core", uniqueKeys: true, prettyErrors: false });
  const toFileLine = (offset: number): number => lineCounter.linePos(offset).line + 1;
  const [yamlError] = document.errors;
  if (yamlError) {
    throw new FrontMatterError(`YAML does not parse: ${yamlError.message.split("\n")[0]} (quote values that contain a colon)`, toFileLine(yamlError.pos[0]));
  }

  const root = document.contents;
  const keys = isMap(root)
    ? root.items.filter(isPair).map((pair) => ({
        name: String(isScalar(pair.key) ? pair.key.value : pair.key),
        line: toFileLine((pair.key as Node | null)?.range?.[0] ?? 0),
      }))
    : [];
  return {
    data: document.toJS() ?? {},
    body: lines.slice(closing + 1).join("\n"),
    bodyLine: closing + 2,
    keys,
    lineOf(path) {
      for (let depth = path.length; depth > 0; depth--) {
        const node = document.getIn(path.slice(0, depth) as unknown[], true) as Node | undefined;
        if (node?.range) return toFileLine(node.range[0]);
        const key = keys.find((entry) => entry.name === path[0]);
        if (depth === 1 && key) return key.line;
      }
      return 1;
    },
  };
}
