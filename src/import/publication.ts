// The publication an import merges into: what it already holds, and writing into it without
// ever replacing an editor's file unless asked to (--force).
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { IANAZone } from "luxon";

/** A problem that stops the import before anything is written, said in one line. */
export class ImportError extends Error {}

export type JsonRecords = Record<string, Record<string, unknown>>;

export interface TargetPublication {
  root: string;
  /** From _data/site.json; UTC when the publication has none yet. */
  timezone: string;
  hasSite: boolean;
  authors: JsonRecords;
  categories: JsonRecords;
}

export async function readTarget(root: string): Promise<TargetPublication> {
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new ImportError(`${root} is not a folder — import into a publication folder (a copy of the kit), e.g. --into .`);
  const site = await readJson(root, "_data/site.json");
  const timezone = typeof site?.timezone === "string" && IANAZone.isValidZone(site.timezone) ? site.timezone : "UTC";
  return {
    root,
    timezone,
    hasSite: site !== undefined,
    authors: ((await readJson(root, "_data/authors.json")) ?? {}) as JsonRecords,
    categories: ((await readJson(root, "_data/categories.json")) ?? {}) as JsonRecords,
  };
}

async function readJson(root: string, file: string): Promise<Record<string, unknown> | undefined> {
  const fullPath = path.join(root, file);
  if (!existsSync(fullPath)) return undefined;
  try {
    const value: unknown = JSON.parse(await readFile(fullPath, "utf8"));
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new ImportError(`${file} in ${root} is not a JSON object — run npm run check there and fix it before importing`);
}

export type WriteState = "written" | "unchanged" | "kept";

export interface WriteOptions {
  dryRun: boolean;
  force: boolean;
}

/** Writes a file unless the same text is there, or a different one and `force` is off. */
export async function writeText(root: string, file: string, text: string, options: WriteOptions): Promise<WriteState> {
  const fullPath = path.join(root, file);
  if (existsSync(fullPath)) {
    const existing = await readFile(fullPath, "utf8");
    if (existing === text) return "unchanged";
    if (!options.force) return "kept";
  }
  if (!options.dryRun) {
    await mkdir(path.dirname(fullPath), { recursive: true });
    await writeFile(fullPath, text);
  }
  return "written";
}

export interface MergeResult {
  records: JsonRecords;
  added: string[];
  replaced: string[];
  /** Existing entries that differ from the import's and were kept. */
  kept: string[];
  changed: boolean;
}

/**
 * Existing entries first, in their order, then the new ones. An existing entry that already
 * holds every field the import would write counts as unchanged (editors may add to it).
 */
export function mergeRecords(existing: JsonRecords, incoming: Map<string, Record<string, unknown>>, force: boolean): MergeResult {
  const records: JsonRecords = { ...existing };
  const result: MergeResult = { records, added: [], replaced: [], kept: [], changed: false };
  for (const [id, entry] of incoming) {
    const current = existing[id];
    if (!current) {
      records[id] = entry;
      result.added.push(id);
    } else if (Object.entries(entry).some(([field, value]) => JSON.stringify(current[field]) !== JSON.stringify(value))) {
      if (force) {
        records[id] = entry;
        result.replaced.push(id);
      } else result.kept.push(id);
    }
  }
  result.changed = result.added.length + result.replaced.length > 0;
  return result;
}

export const jsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
