// docs/content-model.md is the editors' contract: every field of the content model has a row
// there, in its section, and no row names a field the model does not have. Field names come
// from the zod schemas themselves, so a new field fails here until it is documented.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import MarkdownIt from "markdown-it";
import { z } from "zod";
import { authorSchema, categorySchema, frontMatterSchema, pageSchema, siteSchema } from "../../src/content/schema.ts";

const DOC = "docs/content-model.md";

/** Each schema and the `##` section of the document that holds its fields. */
const SECTIONS: { heading: string; schema: z.ZodObject }[] = [
  { heading: "The publication: `_data/site.json`", schema: siteSchema },
  { heading: "Authors: `_data/authors.json`", schema: authorSchema },
  { heading: "Categories: `_data/categories.json`", schema: categorySchema },
  { heading: "Front matter of an article", schema: frontMatterSchema },
  { heading: "Static pages: `pages/*.md`", schema: pageSchema },
];

interface Section {
  heading: string;
  /** A `###` section belongs to the `##` section above it. */
  children: Section[];
  /** First cells of the section's table rows that hold one `name` in backticks. */
  fields: string[];
}

function readSections(markdown: string): Section[] {
  const tokens = new MarkdownIt().parse(markdown, {});
  const top: Section[] = [];
  let current: Section | undefined;
  let inBody = false;
  let firstCell = false;
  tokens.forEach((token, index) => {
    if (token.type === "heading_open" && (token.tag === "h2" || token.tag === "h3")) {
      const section: Section = { heading: tokens[index + 1]!.content, children: [], fields: [] };
      if (token.tag === "h2") top.push(section);
      else top.at(-1)?.children.push(section);
      current = section;
    } else if (token.type === "tbody_open" || token.type === "tbody_close") inBody = token.type === "tbody_open";
    else if (token.type === "tr_open") firstCell = true;
    else if (token.type === "inline" && inBody && firstCell) {
      firstCell = false;
      const parts = (token.children ?? []).filter((child) => !(child.type === "text" && child.content.trim() === ""));
      if (parts.length === 1 && parts[0]!.type === "code_inline") current?.fields.push(parts[0]!.content);
    }
  });
  return top;
}

/** The fields of an object schema, through `.optional()`, `.default()` and transforms. */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  if (schema instanceof z.ZodObject) return schema.shape;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) return objectShape(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodPipe) return objectShape(schema.in as z.ZodType);
  return undefined;
}

/** `### \`image\`: the lead image` documents the fields of `image`. */
const nestedField = (section: Section) => /^`([^`]+)`/.exec(section.heading)?.[1];

/** What disagrees between a schema's fields and a section of the document, one line each. */
function disagreements(shape: Record<string, z.ZodType>, section: Section, where: string): string[] {
  const problems: string[] = [];
  const documented = new Set(section.fields);
  for (const [field, schema] of Object.entries(shape)) {
    if (!documented.has(field)) problems.push(`${where}: \`${field}\` has no row — add one: | \`${field}\` | … |`);
    const nested = objectShape(schema);
    if (!nested) continue;
    const subsection = section.children.find((child) => nestedField(child) === field);
    if (subsection) problems.push(...disagreements(nested, subsection, `${where} › ${subsection.heading}`));
    else problems.push(`${where}: \`${field}\` is a group of fields without a section of its own — add a ### \`${field}\` section below this one`);
  }
  for (const field of section.fields) {
    if (!(field in shape)) problems.push(`${where}: \`${field}\` is documented but the content model has no such field — remove the row, or add the field to src/content/schema.ts`);
  }
  for (const child of section.children) {
    const field = nestedField(child);
    if (field && !objectShape(shape[field] ?? z.never())) problems.push(`${where} › ${child.heading}: the content model has no group of fields \`${field}\` — remove the section`);
  }
  return problems;
}

describe(`${DOC}, the editors' contract`, () => {
  const sections = readSections(readFileSync(path.join(import.meta.dirname, "../..", DOC), "utf8"));

  for (const { heading, schema } of SECTIONS) {
    it(`documents every field of the model, and only those, in ## ${heading}`, () => {
      const section = sections.find((candidate) => candidate.heading === heading);
      expect(section, `${DOC} has no section ## ${heading} — its fields are documented there`).toBeDefined();
      expect(disagreements(schema.shape, section!, `${DOC} › ${heading}`)).toEqual([]);
    });
  }

  it("names a field missing from a section, and a field the model does not have", () => {
    const shape = z.object({ title: z.string(), image: z.object({ src: z.string(), alt: z.string() }).optional(), links: z.object({ x: z.url().optional() }).default({}) }).shape;
    const table = (...rows: string[]) => ["| field | meaning |", "| --- | --- |", ...rows];
    const section = readSections(["## Front", ...table("| `title` | headline |", "| `links` | elsewhere |", "| `subtitle` | gone |"), "### `image`: lead", ...table("| `src` | path |")].join("\n"))[0]!;
    expect(disagreements(shape, section, "Front")).toEqual([
      "Front: `image` has no row — add one: | `image` | … |",
      "Front › `image`: lead: `alt` has no row — add one: | `alt` | … |",
      "Front: `links` is a group of fields without a section of its own — add a ### `links` section below this one",
      "Front: `subtitle` is documented but the content model has no such field — remove the row, or add the field to src/content/schema.ts",
    ]);
  });
});
