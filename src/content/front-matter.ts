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
  /** Where the body starts in the file's text once normalised (`normaliseText`). */
  bodyStart: number;
}

/** Normalises what editors' tools leave behind: a byte-order mark and CRLF line endings. */
export function normaliseText(text: string): string {
  const withoutMark = text.startsWith("\uFEFF") ? text.slice(1) : text;
  // Most files have no carriage return: looking is quicker than replacing.
  return withoutMark.includes("\r") ? withoutMark.replace(/\r\n?/g, "\n") : withoutMark;
}

export function parseSourceFile(raw: string): SourceFile {
  const text = normaliseText(raw);
  const lines = text.split("\n");
  const fence = lines[0]?.trim();
  if (fence !== "---" && fence !== "+++") {
    throw new SyntaxProblem("the file must start with front matter — put the fields between two `---` lines at the top", 1);
  }
  const closing = lines.findIndex((line, index) => index > 0 && line.trim() === fence);
  if (closing < 0) throw new SyntaxProblem(`front matter is not closed — add a \`${fence}\` line after the last field`, 1);
  const frontMatter = lines.slice(1, closing).join("\n");
  const located = fence === "+++" ? parseToml(frontMatter, 2) : parseYaml(frontMatter, 2);
  const bodyStart = Math.min(text.length, lines.slice(0, closing + 1).join("\n").length + 1);
  return { ...located, format: fence === "+++" ? "toml" : "yaml", body: text.slice(bodyStart), bodyLine: closing + 2, bodyStart };
}
