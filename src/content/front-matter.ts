// Splits a post file into YAML front matter and Markdown body, and parses YAML or JSON
// keeping line numbers, so that every problem can be reported as `file:line`.
import { LineCounter, parseDocument, isMap, isPair, isScalar, isSeq, type Node } from "yaml";

export interface LocatedData {
  data: unknown;
  /** The line of a field (or of a value at a path), falling back to the nearest parent. */
  lineOf(path: readonly PropertyKey[]): number;
  /** Top-level keys as written, with their lines (for unknown-field warnings). */
  keysAt(path: readonly PropertyKey[]): { name: string; line: number }[];
}

export interface SourceFile extends LocatedData {
  body: string;
  /** Line of the file where the body starts. */
  bodyLine: number;
}

export class SyntaxProblem extends Error {
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

/** Parses YAML (JSON is YAML too) whose first line is line `firstLine` of its file. */
export function parseLocated(text: string, firstLine = 1): LocatedData {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, schema: "core", uniqueKeys: true, prettyErrors: false });
  const toFileLine = (offset: number): number => lineCounter.linePos(offset).line + firstLine - 1;
  const [yamlError] = document.errors;
  if (yamlError) {
    const hint = yamlError.code === "DUPLICATE_KEY" ? "remove one of the two" : "quote values that contain a colon or start with a special character";
    throw new SyntaxProblem(`YAML does not parse: ${yamlError.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")} — ${hint}`, toFileLine(yamlError.pos[0]));
  }
  return {
    data: document.toJS() ?? {},
    lineOf(path) {
      for (let depth = path.length; depth > 0; depth--) {
        const parent = depth === 1 ? document.contents : document.getIn(path.slice(0, depth - 1) as unknown[], true);
        const segment = String(path[depth - 1]);
        let node: Node | null | undefined;
        if (isMap(parent)) node = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === segment)?.key as Node | undefined;
        else if (isSeq(parent)) node = parent.items[Number(segment)] as Node | undefined;
        if (node?.range) return toFileLine(node.range[0]);
      }
      return firstLine;
    },
    keysAt(path) {
      const node = path.length ? document.getIn(path as unknown[], true) : document.contents;
      if (!isMap(node)) return [];
      return node.items.filter(isPair).map((pair) => ({
        name: String(isScalar(pair.key) ? pair.key.value : pair.key),
        line: toFileLine((pair.key as Node | null)?.range?.[0] ?? 0),
      }));
    },
  };
}

export function parseSourceFile(raw: string): SourceFile {
  const lines = normaliseText(raw).split("\n");
  if (lines[0]?.trim() !== "---") {
    throw new SyntaxProblem("the file must start with front matter — put the fields between two `---` lines at the top", 1);
  }
  const closing = lines.findIndex((line, index) => index > 0 && line.trim() === "---");
  if (closing < 0) throw new SyntaxProblem("front matter is not closed — add a `---` line after the last field", 1);
  const located = parseLocated(lines.slice(1, closing).join("\n"), 2);
  return { ...located, body: lines.slice(closing + 1).join("\n"), bodyLine: closing + 2 };
}
