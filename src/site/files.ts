// Listing and hashing files of a folder, for fingerprints of the kit, the content and shards.
import type { Hash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Every file under `folder` (relative, `/`-separated, sorted), hidden files and folders left out. */
export function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return (readdirSync(folder, { recursive: true }) as string[])
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => !file.split("/").some((part) => part.startsWith(".")) && statSync(path.join(folder, file)).isFile())
    .sort();
}

/** Adds each file's name and bytes to `hash`. */
export function hashFiles(hash: Hash, root: string, files: Iterable<string>): void {
  for (const file of files) hash.update(file).update("\0").update(readFileSync(path.join(root, file))).update("\0");
}
