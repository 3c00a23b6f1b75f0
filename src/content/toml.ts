// TOML front matter (Hugo's `+++`), read with smol-toml. The parser keeps no positions, so
// the lines of keys and tables are found by reading the text line by line.
import { parse, TomlDate, TomlError } from "smol-toml";
import { locate, SyntaxProblem, type LineNode, type LocatedData } from "./located.ts";

/** Parses TOML whose first line is line `firstLine` of its file. */
export function parseToml(text: string, firstLine: number): LocatedData {
  let data: unknown;
  try {
    data = parse(text);
  } catch (cause) {
    if (!(cause instanceof TomlError)) throw cause;
    const what = cause.message.split("\n")[0]!.replace(/^Invalid TOML document: /, "");
    throw new SyntaxProblem(`TOML does not parse: ${what} — write each field as name = value, text in "quotes"`, cause.line + firstLine - 1);
  }
  return locate(asWritten(data), tomlLines(text, firstLine), firstLine);
}

/** Plain objects, and dates as the text the editor wrote: an offset kept, a local time left local. */
function asWritten(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(asWritten);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asWritten(item)]));
  return value;
}

const TABLE = /^\s*\[(\[)?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/;
const KEY = /^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=/;

/** Lines of tables (`[image]`, `[[links]]`) and keys; list items get the line of their key. */
function tomlLines(text: string, firstLine: number): LineNode {
  const root: LineNode = { line: firstLine, fields: new Map() };
  let table = root;
  let inMultiLineString: string | undefined;
  text.split("\n").forEach((source, index) => {
    const line = index + firstLine;
    if (inMultiLineString) {
      if (source.split(inMultiLineString).length % 2 === 0) inMultiLineString = undefined;
      return;
    }
    const header = TABLE.exec(source);
    if (header) {
      const node = nodeAt(root, splitKey(header[2]!), line);
      if (header[1]) {
        // An array of tables: each [[name]] adds an item.
        const item: LineNode = { line, fields: new Map() };
        node.items = [...(node.items ?? []), item];
        table = item;
      } else table = node;
      return;
    }
    const key = KEY.exec(source);
    if (!key) return;
    nodeAt(table, splitKey(key[1]!), line);
    const opener = /("""|''')/.exec(source.slice(key[0].length));
    if (opener && source.split(opener[1]!).length === 2) inMultiLineString = opener[1];
  });
  return root;
}

function splitKey(key: string): string[] {
  return (key.match(/"[^"]*"|'[^']*'|[^.\s]+/g) ?? []).map((part) => part.replace(/^["']|["']$/g, ""));
}

/** The node of a dotted key under `parent`, created (at `line`) when first seen. */
function nodeAt(parent: LineNode, path: string[], line: number): LineNode {
  let node = parent;
  for (const name of path) {
    node.fields ??= new Map();
    let field = node.fields.get(name);
    if (!field) {
      field = { keyLine: line, value: { line } };
      node.fields.set(name, field);
    }
    node = field.value;
  }
  return node;
}
