// Runs the real production build (scripts/build.ts) in a child process, as `npm run build` does.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface BuildResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A fixed clock for builds, so scheduled-post behaviour does not depend on the day tests run. */
export const TEST_NOW = "2026-11-29T12:00:00-05:00";

export function runBuild(content: string, output: string, args: string[] = [], env: Record<string, string> = {}): BuildResult {
  return runScript("scripts/build.ts", ["--content", content, "--output", output, ...args], env);
}

/** A new folder in the test run's scratch folder (see global-setup.ts). */
export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(process.env.NEWSROOM_TEST_SCRATCH ?? tmpdir(), `newsroom-${prefix}-`));
}

/**
 * A small publication in a temporary folder: the sample's data files and images, plus the
 * given posts (path under posts/ → file text) and any other files (path → text).
 */
export function makePublication(posts: Record<string, string | Uint8Array>, files: Record<string, string | Uint8Array> = {}): string {
  const root = tempDir("fixture");
  cpSync(path.join(projectRoot, "_data"), path.join(root, "_data"), { recursive: true });
  cpSync(path.join(projectRoot, "img"), path.join(root, "img"), { recursive: true });
  const entries: [string, string | Uint8Array][] = [...Object.entries(posts).map(([file, text]): [string, string | Uint8Array] => [path.join("posts", file), text]), ...Object.entries(files)];
  for (const [file, text] of entries) {
    const target = path.join(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return root;
}

export function runScript(script: string, args: string[], env: Record<string, string> = {}): BuildResult {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(projectRoot, script), ...args], {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, NEWSROOM_NOW: TEST_NOW, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A copy of the sample publication (posts, pages, data, images, files) with some site.json
 * settings changed. Encoded images come along from the sample's cache: they are the same
 * whatever the settings.
 */
export function copyOfSample(siteSettings: Record<string, unknown>, prefix = "sample-copy"): string {
  const content = tempDir(prefix);
  for (const folder of ["posts", "_data", "img", "files", "pages", ".cache/images", ".cache/image-entries"]) {
    if (existsSync(path.join(projectRoot, folder))) cpSync(path.join(projectRoot, folder), path.join(content, folder), { recursive: true });
  }
  const siteJson = path.join(content, "_data", "site.json");
  writeFileSync(siteJson, JSON.stringify({ ...JSON.parse(readFileSync(siteJson, "utf8")), ...siteSettings }, null, 2));
  return content;
}
