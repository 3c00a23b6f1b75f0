// Front matter as Jekyll, Hugo and Eleventy read it: YAML between `---` lines, read as
// leniently as Eleventy does (js-yaml), or TOML between `+++` lines.
import yaml from "js-yaml";
import { parse as parseToml, TomlError } from "smol-toml";

export interface SourceDocument {
  data: Record<string, unknown>;
  body: string;
  /** Line of the source file where the body starts. */
  bodyLine: number;
}

export class FrontMatterProblem extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

// Eleventy's schema (js-yaml's default) without timestamps: dates stay as written, offset and all.
// js-yaml exports its built-in types at run time; its type declarations leave them out.
const { types } = yaml as unknown as { types: Record<"merge" | "binary" | "omap" | "pairs" | "set", yaml.Type> };
const LENIENT_YAML = yaml.CORE_SCHEMA.extend({ implicit: [types.merge], explicit: [types.binary, types.omap, types.pairs, types.set] });

export function readSourceDocument(raw: string): SourceDocument {
  const lines = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
  const fence = lines[0]?.trim();
  if (fence !== "---" && fence !== "+++") return { data: {}, body: lines.join("\n"), bodyLine: 1 };
  const closing = lines.findIndex((line, index) => index > 0 && line.trim() === fence);
  if (closing < 0) throw new FrontMatterProblem(`front matter is not closed — add a \`${fence}\` line after the last field`, 1);
  const text = lines.slice(1, closing).join("\n");
  let data: unknown;
  try {
    data = fence === "---" ? yaml.load(text, { schema: LENIENT_YAML }) : parseToml(text);
  } catch (error) {
    if (error instanceof yaml.YAMLException) throw new FrontMatterProblem(`YAML does not parse: ${error.reason}`, 2 + (error.mark?.line ?? 0));
    if (error instanceof TomlError) throw new FrontMatterProblem(`TOML does not parse: ${error.message.split("\n")[0]}`, 1 + error.line);
    throw error;
  }
  if (data !== undefined && data !== null && (typeof data !== "object" || Array.isArray(data))) {
    throw new FrontMatterProblem("front matter is not a set of fields", 2);
  }
  return { data: (data ?? {}) as Record<string, unknown>, body: lines.slice(closing + 1).join("\n"), bodyLine: closing + 2 };
}
