// What a shard says about itself (`<shard folder>/.newsroom-shard.json`, never deployed): which
// shard of how many, the settings and the clock it was built with, fingerprints of the content
// and of the kit, and every file it wrote with its hash. The merge (merge.ts) compares them.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { isoWithOffset } from "../dates/index.ts";
import type { Build, BuildOptions } from "../site/build.ts";
import { registryOf } from "../site/registry.ts";
import { sitePathToFile } from "../content/load.ts";
import { filesUnder, hashFiles } from "../site/files.ts";
import { kitFingerprint } from "../site/kit.ts";

export const MANIFEST_FILE = ".newsroom-shard.json";

export interface ShardManifest {
  shard: { index: number; count: number };
  /** What changes every page: shards built with different settings cannot be merged. */
  settings: ShardSettings;
  /** Hash of the publication's input files and of the registry made of them (contentFingerprint). */
  content: string;
  /** The kit's version and a hash of its code and templates (kitFingerprint). */
  kit: string;
  /** Every file the shard wrote (site path without the leading slash) and its SHA-256. */
  files: Record<string, string>;
}

export interface ShardSettings {
  /** The build's clock (NEWSROOM_NOW), ISO 8601. */
  now: string;
  articlesPerSlice: number;
  includeUnpublished: boolean;
}

export const settingsOf = (options: BuildOptions): ShardSettings => ({ now: isoWithOffset(options.now), articlesPerSlice: options.articlesPerSlice, includeUnpublished: options.includeUnpublished });

/**
 * The content a build read: every file of the publication's folders the check reads (_data,
 * posts, pages, img, _includes/custom), every other file its articles and registry name, and
 * the registry made of them — the same files at another clock can publish other articles.
 */
export function contentFingerprint(build: Build): string {
  const { root, articles } = build.publication;
  const registry = registryOf(build);
  const inputs = new Set<string>();
  for (const folder of ["_data", "posts", "pages", "img", "_includes/custom"]) for (const file of filesUnder(path.join(root, folder))) inputs.add(`${folder}/${file}`);
  const named = [...registry.of("file").map(({ source }) => source), ...articles.flatMap((article) => [...article.files.map(({ file }) => file), ...(article.image ? [sitePathToFile(root, article.image.src)] : [])])];
  for (const file of named) if (existsSync(file)) inputs.add(path.relative(root, file).split(path.sep).join("/"));
  const hash = createHash("sha256");
  hashFiles(hash, root, [...inputs].sort());
  for (const entry of registry.entries) hash.update(`${entry.kind} ${entry.url}\n`);
  return hash.digest("hex");
}

/** Writes the manifest of a shard whose files are all in `folder`. */
export async function writeShardManifest(build: Build, folder: string): Promise<void> {
  const files: Record<string, string> = {};
  for (const file of (readdirSync(folder, { recursive: true }) as string[]).sort()) {
    const full = path.join(folder, file);
    if (statSync(full).isFile()) files[file.split(path.sep).join("/")] = createHash("sha256").update(await readFile(full)).digest("hex");
  }
  const manifest: ShardManifest = { shard: build.options.shard!, settings: settingsOf(build.options), content: contentFingerprint(build), kit: kitFingerprint(), files };
  await writeFile(path.join(folder, MANIFEST_FILE), JSON.stringify(manifest));
}
