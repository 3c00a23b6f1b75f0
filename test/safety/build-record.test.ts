// An incremental build takes pages from the previous site only as the build record describes
// them, and the record is not trusted to name files: a record edited to point out of the site,
// or a page replaced by a symbolic link, never brings a file from outside into the new site.
import { createHash } from "node:crypto";
import { lstatSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makePublication, runBuild, tempDir } from "../helpers/build.ts";
import { post } from "../validation/check.ts";

const SECRET = "private notes that must never be published";
const env = { NEWSROOM_HEAP_SET: "1" };

/** Every file of the site holding the secret. */
const holdingSecret = (site: string) =>
  (readdirSync(site, { recursive: true }) as string[]).filter((file) => lstatSync(path.join(site, file)).isFile() && readFileSync(path.join(site, file), "utf8").includes(SECRET));

describe("the build record", () => {
  it("names no file outside the site: a record edited to point elsewhere is not followed", () => {
    const content = makePublication({ "a.md": post() });
    const outside = tempDir("outside");
    writeFileSync(path.join(outside, "notes.txt"), SECRET);
    const site = path.join(tempDir("out"), "_site");
    expect(runBuild(content, site, [], env).status).toBe(0);
    const records = path.join(content, ".cache", "build");
    for (const name of readdirSync(records)) {
      const file = path.join(records, name);
      const record = JSON.parse(readFileSync(file, "utf8"));
      // Every page recorded as the outside file, with its true size, time, inode and hash.
      const notes = path.join(outside, "notes.txt");
      const stats = lstatSync(notes);
      const sha256 = createHash("sha256").update(readFileSync(notes)).digest("hex").slice(0, 32);
      for (const page of Object.values(record.pages) as Record<string, unknown>[]) Object.assign(page, { file: path.relative(site, notes), size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino, sha256 });
      writeFileSync(file, JSON.stringify(record));
    }
    const rebuilt = runBuild(content, site, [], env);
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toMatch(/: \d+ pages rendered, 0 reused;/);
    expect(holdingSecret(site)).toEqual([]);
    expect(readdirSync(outside)).toEqual(["notes.txt"]);
  }, 120_000);

  it("takes no symbolic link from the previous site, even to the page's own bytes: the page is rendered again, as a file", () => {
    const content = makePublication({ "a.md": post() });
    const outside = tempDir("outside");
    const site = path.join(tempDir("out"), "_site");
    expect(runBuild(content, site, [], env).status).toBe(0);
    const article = (readdirSync(site, { recursive: true }) as string[]).find((file) => /^\d{4}\/\d{2}\/[^/]+\/index\.html$/.test(file))!;
    const page = path.join(site, article);
    // A link out of the site, to a file with the page's very bytes (size and hash as recorded).
    writeFileSync(path.join(outside, "copy.html"), readFileSync(page));
    rmSync(page);
    symlinkSync(path.join(outside, "copy.html"), page);
    const rebuilt = runBuild(content, site, [], env);
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(lstatSync(page).isFile()).toBe(true);
  }, 120_000);
});
