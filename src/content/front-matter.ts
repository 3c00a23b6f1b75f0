// Splits a post file into front matter and Markdown body. Front matter is YAML between `---`
// lines or TOML between `+++` lines, as Jekyll, Hugo and Eleventy write it.
import { SyntaxProblem, type LocatedData } from "./located.ts";
import { parseToml } from "./toml.ts";
import { parseYaml } from "./yaml.ts";

export interface SourceFile extends LocatedData {
  format: "yaml" | "toml";
  body: string;
  /** Line of the file where the body starts. */
  bodyLine: number;
}

/** Normalises what editors' tools leave behind: a byte-order mark and CRLF line endings. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

export function parseSourceFile(raw: string): SourceFile {
  const lines = normaliseText(raw).split("\n");
  const fence = lines[0]?.trim();
  if (fence !== "---" && fence !== "+++") {
    throw new SyntaxProblem("the file must start with front matter — put the fields between two `---` lines at the top", 1);
  }
  const closing = lines.findIndex((line, index) => index > 0 && line.trim() === fence);
  if (closing < 0) throw new SyntaxProblem(`front matter is not closed — add a \`${fence}\` line after the last field`, 1);
  const text = lines.slice(1, closing).join("\n");
  const located = fence === "+++" ? parseToml(text, 2) : parseYaml(text, 2);
  return { ...located, format: fence === "+++" ? "toml" : "yaml", body: lines.slice(closing + 1).join("\n"), bodyLine: closing + 2 };
}
