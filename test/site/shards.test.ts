// The build split across machines: shards built one after another and merged give the site
// the one-machine build gives, and a merge of the wrong folders changes nothing.
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { cpSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot, runBuild, runScript, tempDir } from "../helpers/build.ts";
import { allFiles } from "../helpers/site.ts";

function treeHash(dir: string): Record<string, string> {
  return Object.fromEntries(
    allFiles(dir)
      .filter((file) => statSync(path.join(dir, file)).isFile())
      .map((file) => [file, createHash("sha256").update(readFileSync(path.join(dir, file))).digest("hex")]),
  );
}

// Slices of 4 of the sample's articles: several search bundles, so shards index different ones.
const slices = ["--slice-size", "4"];
const merge = (folders: string[], output: string, content = projectRoot) => runScript("scripts/build.ts", ["--merge", ...folders, "--content", content, "--output", output]);

describe("npm run build -- --shard K/N and --merge", () => {
  const work = tempDir("shards");
  const shards = [1, 2, 3].map((index) => path.join(work, `shard-${index}`));
  const site = path.join(work, "_site");

  it("merges 3 shards into the site the one-machine build writes, byte for byte", () => {
    const oneMachine = path.join(work, "one-machine");
    expect(runBuild(projectRoot, oneMachine, slices).status).toBe(0);
    shards.forEach((folder, index) => {
      const built = runBuild(projectRoot, folder, ["--shard", `${index + 1}/3`, ...slices]);
      expect(built.status, built.stderr).toBe(0);
      expect(built.stdout).toContain(`Built shard ${index + 1}/3`);
    });
    // Each shard indexes whole bundles of its own: no bundle folder in two shards.
    const bundlesOf = (folder: string) => new Set(allFiles(folder).filter((file) => file.startsWith("pagefind")).map((file) => file.split(/[/\\]/)[0]));
    const bundles = shards.map(bundlesOf);
    expect(bundles.every((set) => set.size > 0)).toBe(true);
    expect(new Set(bundles.flatMap((set) => [...set])).size).toBe(bundles.reduce((sum, set) => sum + set.size, 0));

    const merged = merge(shards, site);
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toContain("Merged 3 shards");
    const expected = treeHash(oneMachine);
    expect(Object.keys(expected).length).toBeGreaterThan(100);
    expect(treeHash(site)).toEqual(expected);
  });

  const refuses = (folders: string[], message: string | RegExp, content = projectRoot) => {
    const before = treeHash(site);
    const result = merge(folders, site, content);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("unchanged");
    expect(result.stderr).not.toMatch(/\bat .+\.ts:\d+/); // no stack trace
    expect(treeHash(site)).toEqual(before);
  };

  it("refuses a missing shard, naming it, and leaves the site untouched", () => {
    refuses([shards[0]!, shards[2]!], "shard 2/3 is missing — build it with npm run build -- --shard 2/3");
  });

  it("refuses the same folder twice and a copy of a shard", () => {
    refuses([shards[0]!, shards[1]!, shards[2]!, shards[1]!], `${shards[1]}: given twice`);
    const copy = path.join(work, "copy-of-2");
    cpSync(shards[1]!, copy, { recursive: true });
    refuses([shards[0]!, shards[1]!, copy, shards[2]!], /shard 2\/3 appears 2 times: .*shard-2, .*copy-of-2/);
  });

  it("refuses a shard built from other content, naming it", () => {
    const other = tempDir("other-content");
    for (const folder of ["_data", "_includes", "posts", "pages", "img", "files"]) cpSync(path.join(projectRoot, folder), path.join(other, folder), { recursive: true });
    const post = path.join(other, "posts", "2025", "court-upholds-charter-school-cap.md");
    writeFileSync(post, readFileSync(post, "utf8").replace(/^title: .*$/m, 'title: "An edited headline"'));
    const otherShard = path.join(work, "other-3");
    expect(runBuild(other, otherShard, ["--shard", "3/3", ...slices]).status).toBe(0);
    refuses([shards[0]!, shards[1]!, otherShard], /^shard 3\/3 \(.*other-3\): built from other content than /m);
  });
});
