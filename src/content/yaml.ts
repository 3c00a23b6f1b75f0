// YAML (and JSON, which is YAML too) with the line of every value. The `yaml` package reads it
// first, keeping exact positions; what only js-yaml accepts — the parser Eleventy and Jekyll-era
// tools use, lenient about e.g. unindented continuation lines of quoted values — is read with
// js-yaml, its lines found through its parse events. Both use the core schema, so a date stays
// the text the editor wrote (never a Date in UTC) and is read in the site's zone later.
import jsYaml from "js-yaml";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type YAMLError } from "yaml";
import { lineFinder, locate, SyntaxProblem, type LineNode, type LocatedData } from "./located.ts";

/** Parses YAML whose first line is line `firstLine` of its file. */
export function parseYaml(text: string, firstLine = 1): LocatedData {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, schema: "core", uniqueKeys: true, prettyErrors: false });
  const toFileLine = (offset: number): number => lineCounter.linePos(offset).line + firstLine - 1;
  const [yamlError] = document.errors;
  if (!yamlError) {
    let data: unknown;
    try {
      data = document.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (cause) {
      // `yaml` refuses aliases that expand past the limit (a "billion laughs" text).
      if (cause instanceof ReferenceError) throw aliasBomb(firstLine);
      throw cause;
    }
    return locate(data ?? {}, document.contents ? yamlLines(document.contents, toFileLine) : undefined, firstLine);
  }
  // A duplicated key is an error for js-yaml too, and `yaml` words it better.
  const lenient = yamlError.code === "DUPLICATE_KEY" ? undefined : readLeniently(text, firstLine);
  if (lenient) return lenient;
  throw new SyntaxProblem(`YAML does not parse: ${yamlError.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")} — ${hintFor(yamlError)}`, toFileLine(errorOffset(document, yamlError)));
}

/** How far aliases (`*name`) may expand a text: front matter and data files never need more. */
const MAX_ALIASES = 100;
const MAX_VALUES = 10_000;

const aliasBomb = (line: number) =>
  new SyntaxProblem("YAML aliases (*name) expand into too many values — write the values out instead of repeating anchors (&name) inside each other", line);

/** Whether data counts more than `limit` values, aliases counted each time they are used. */
function exceeds(data: unknown, limit: number): boolean {
  let count = 0;
  const stack = [data];
  while (stack.length) {
    const value = stack.pop();
    if (++count > limit) return true;
    if (value && typeof value === "object") stack.push(...Object.values(value));
  }
  return false;
}

/** Where the editor has to look: for a quote never closed, where it opens, not where the text ends. */
function errorOffset(document: Document, error: YAMLError): number {
  let offset = error.pos[0];
  if (error.code !== "MISSING_CHAR") return offset;
  visit(document, {
    Scalar(_, node) {
      const [start, , end] = node.range ?? [];
      if ((node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") && start! <= error.pos[0] && error.pos[0] <= end!) offset = start!;
    },
  });
  return offset;
}

function hintFor(error: YAMLError): string {
  if (error.code === "DUPLICATE_KEY") return "remove one of the two";
  if (error.code === "TAB_AS_INDENT") return "indent with spaces, not tabs";
  if (error.code === "MISSING_CHAR" && /quote/.test(error.message)) {
    return `end the value with the quote it starts with — a quote inside it is written \\" between double quotes, '' between single quotes`;
  }
  return "quote values that contain a colon or start with a special character";
}

function yamlLines(node: Node, toFileLine: (offset: number) => number): LineNode {
  const line = toFileLine(node.range?.[0] ?? 0);
  if (isMap(node)) {
    const fields = new Map<string, { keyLine: number; value: LineNode }>();
    for (const pair of node.items.filter(isPair)) {
      const key = pair.key as Node | null;
      const name = String(isScalar(key) ? key.value : key);
      const keyLine = toFileLine(key?.range?.[0] ?? node.range?.[0] ?? 0);
      fields.set(name, { keyLine, value: pair.value ? yamlLines(pair.value as Node, toFileLine) : { line: keyLine } });
    }
    return { line, fields };
  }
  if (isSeq(node)) return { line, items: node.items.map((item) => yamlLines(item as Node, toFileLine)) };
  return { line };
}

/** What js-yaml's parse events tell about one node: where it opened, what it became. */
interface Frame {
  offset: number;
  kind?: string | null;
  result?: unknown;
  children: Frame[];
}

/** js-yaml's reading of a text `yaml` rejects, or undefined when js-yaml rejects it too. */
function readLeniently(text: string, firstLine: number): LocatedData | undefined {
  const stack: Frame[] = [{ offset: 0, children: [] }];
  let data: unknown;
  try {
    data = jsYaml.load(text, {
      schema: jsYaml.CORE_SCHEMA,
      listener(event, state) {
        if (event === "open") {
          stack.push({ offset: state.position, children: [] });
          return;
        }
        const frame = stack.pop()!;
        frame.kind = state.kind;
        frame.result = state.result;
        stack.at(-1)!.children.push(frame);
      },
    });
  } catch {
    return undefined;
  }
  // js-yaml shares an anchor's value among its aliases; whoever reads the data expands them.
  if (exceeds(data, MAX_VALUES)) throw aliasBomb(firstLine);
  const toFileLine = lineFinder(text, firstLine);
  const root = stack[0]!.children[0];
  return locate(data ?? {}, root ? framesToLines(root, text, toFileLine) : undefined, firstLine);
}

function framesToLines(outer: Frame, text: string, toFileLine: (offset: number) => number): LineNode {
  // js-yaml opens some nodes twice (e.g. a list item and its content): the inner one tells more.
  let frame = outer;
  while (frame.children.length === 1 && frame.children[0]!.result === frame.result) frame = frame.children[0]!;
  // A node opens before the spaces that lead to it.
  const line = toFileLine(text.slice(outer.offset).search(/[^\s]|$/) + outer.offset);
  if (frame.kind === "mapping") {
    const fields = new Map<string, { keyLine: number; value: LineNode }>();
    for (let index = 0; index + 1 < frame.children.length; index += 2) {
      const key = framesToLines(frame.children[index]!, text, toFileLine);
      fields.set(String(frame.children[index]!.result), { keyLine: key.line, value: framesToLines(frame.children[index + 1]!, text, toFileLine) });
    }
    return { line, fields };
  }
  if (frame.kind === "sequence") return { line, items: frame.children.map((child) => framesToLines(child, text, toFileLine)) };
  return { line };
}
