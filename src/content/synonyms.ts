// Front matter as other generators write it, read as ours before it is checked: their names for
// our fields, a date in the file name, an image given as a bare path. Problems keep pointing at
// what the editor wrote.
import type { FileName } from "./article.ts";

/** Other generators' names for our fields; `rename`: the editor is asked to use ours. */
export const FIELD_SYNONYMS: Readonly<Record<string, { field: string; rename: boolean }>> = {
  authors: { field: "author", rename: false },
  excerpt: { field: "description", rename: true },
  summary: { field: "description", rename: true },
  redirect_from: { field: "aliases", rename: true },
};

export interface Note {
  severity: "error" | "warning";
  /** Path as written, e.g. ["excerpt"]. */
  path: PropertyKey[];
  message: string;
}

export interface ReadAsOurs {
  data: unknown;
  /** A path of ours as the editor wrote it: ["author", 1] → ["authors", 1]. */
  writtenPath(path: readonly PropertyKey[]): PropertyKey[];
  notes: Note[];
}

export function readAsOurs(data: unknown, fileName: FileName, format: "yaml" | "toml"): ReadAsOurs {
  const written = new Map<string, string>();
  const writtenPath = (path: readonly PropertyKey[]): PropertyKey[] => (path.length ? [written.get(String(path[0])) ?? path[0]!, ...path.slice(1)] : []);
  if (!data || typeof data !== "object" || Array.isArray(data)) return { data, writtenPath, notes: [] };

  const fields: Record<string, unknown> = { ...data };
  const notes: Note[] = [];
  for (const [synonym, { field, rename }] of Object.entries(FIELD_SYNONYMS)) {
    if (!(synonym in fields)) continue;
    if (field in fields) {
      notes.push({ severity: "warning", path: [synonym], message: `ignored, \`${written.get(field) ?? field}\` is set — remove one of the two` });
    } else {
      fields[field] = fields[synonym];
      written.set(field, synonym);
      if (rename) notes.push({ severity: "warning", path: [synonym], message: `read as \`${field}\` — rename the field to \`${field}\`` });
    }
    delete fields[synonym];
  }

  if (typeof fields.image === "string") {
    const asGroup = format === "toml" ? `image = { src = "${fields.image}", alt = "what it shows" }` : `image: { src: ${fields.image}, alt: "what it shows" }`;
    notes.push({
      severity: "error",
      path: ["image"],
      message: `is a path only, and an image needs a text for readers who cannot see it — write ${asGroup} (alt: "" for a decorative image)`,
    });
    delete fields.image;
  }

  if (fields.date === undefined && fileName.date) fields.date = fileName.date;
  return { data: fields, writtenPath, notes };
}
