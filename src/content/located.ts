// Parsed data that remembers where each value was written, whatever parser read it (YAML,
// JSON or TOML), so that every problem can be reported as `file:line`.

export interface LocatedData {
  data: unknown;
  /** The line of a field (or of a value at a path), falling back to the nearest parent. */
  lineOf(path: readonly PropertyKey[]): number;
  /** The keys of a group as written, with their lines (for unknown-field warnings). */
  keysAt(path: readonly PropertyKey[]): { name: string; line: number }[];
}

/** Where a value was written: its line, and for a group or a list, where its parts were. */
export interface LineNode {
  line: number;
  /** A group's fields in the order written: the line of each key and the value's node. */
  fields?: Map<string, { keyLine: number; value: LineNode }>;
  /** A list's items. */
  items?: LineNode[];
}

export class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** `data` with lines looked up in `root`; `fallbackLine` when nothing on the path is known. */
export function locate(data: unknown, root: LineNode | undefined, fallbackLine: number): LocatedData {
  const nodeAt = (path: readonly PropertyKey[]): LineNode | undefined => {
    let node = root;
    for (const segment of path) node = node?.fields?.get(String(segment))?.value ?? node?.items?.[Number(segment)];
    return node;
  };
  return {
    data,
    lineOf(path) {
      for (let depth = path.length; depth > 0; depth--) {
        const parent = nodeAt(path.slice(0, depth - 1));
        const segment = path[depth - 1]!;
        const line = parent?.fields?.get(String(segment))?.keyLine ?? (parent?.items ? parent.items[Number(segment)]?.line : undefined);
        if (line !== undefined) return line;
      }
      return fallbackLine;
    },
    keysAt(path) {
      return [...(nodeAt(path)?.fields ?? [])].map(([name, field]) => ({ name, line: field.keyLine }));
    },
  };
}

/** Line numbers of offsets in a text whose first line is line `firstLine` of its file. */
export function lineFinder(text: string, firstLine: number): (offset: number) => number {
  const starts = [0];
  for (let index = text.indexOf("\n"); index >= 0; index = text.indexOf("\n", index + 1)) starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + firstLine;
  };
}
