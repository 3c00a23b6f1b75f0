// `newsroom init DIR`: a new publication folder that depends on the kit as a package and builds
// at once (the starter is in starter.ts). Never writes into a folder that holds anything.
import { existsSync, readdirSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { toSlug } from "../urls/index.ts";
import { starterFiles, type StarterOptions } from "./starter.ts";

export interface InitOptions extends Pick<StarterOptions, "now" | "timezone" | "kit"> {
  /** The new publication's folder. */
  folder: string;
  /** The publication's name; default: from the folder's name ("riverbend-gazette" → "Riverbend Gazette"). */
  title?: string;
}

/** Why nothing was written, worded for the person running the command. */
export class InitError extends Error {}

/** Writes the starter publication; returns the files written, relative to the folder. */
export async function initPublication({ folder, title, ...options }: InitOptions): Promise<string[]> {
  if (existsSync(folder) && readdirSync(folder).length > 0) throw new InitError(`${folder} is not empty — nothing written; name a new folder`);
  const name = path.basename(path.resolve(folder));
  const files = starterFiles({ ...options, title: title ?? titleOf(name), packageName: toSlug(name) || "newsroom-site" });
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(folder, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text, { flag: "wx" });
  }
  return Object.keys(files);
}

/** "riverbend-gazette" → "Riverbend Gazette". */
function titleOf(folderName: string): string {
  const words = folderName.split(/[-_\s]+/).filter(Boolean);
  return words.length ? words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(" ") : "My Newsroom";
}
