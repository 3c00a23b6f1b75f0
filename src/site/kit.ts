// The kit itself as an input of every page: its version and a hash of its code and templates.
// Shards built by other kits cannot be merged (src/publication/merge.ts), and a page built by
// another kit is never reused (fingerprints.ts).
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { filesUnder, hashFiles } from "./files.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The kit's package version and a hash of its code and templates: src/, _includes/, eleventy.config.ts, the lock file. */
export function kitFingerprint(): string {
  const { version } = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { version: string };
  const hash = createHash("sha256");
  for (const folder of ["src", "_includes"]) hashFiles(hash, projectRoot, filesUnder(path.join(projectRoot, folder)).map((file) => `${folder}/${file}`));
  // The lock file pins the renderers (Eleventy, markdown-it, sanitize-html, Pagefind…): another version may write other bytes.
  // (An installed kit has no lock file: its version then stands for its dependencies.)
  hashFiles(hash, projectRoot, ["eleventy.config.ts", "package-lock.json"].filter((file) => existsSync(path.join(projectRoot, file))));
  return `${version}+${hash.digest("hex").slice(0, 16)}`;
}
