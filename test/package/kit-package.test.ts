// The kit as a package a publication depends on: `npm pack`, installed into an empty folder,
// `newsroom init` there, then `newsroom build` and `newsroom audit` in the new publication.
// About 1.5 minutes: the install (~40 s: the registry's metadata, tarballs from npm's cache), the
// build (~10 s) and the audit (~45 s: the Nu HTML checker's JVM, axe in Chromium).
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot, tempDir, TEST_NOW } from "../helpers/build.ts";
import { readPage, text } from "../helpers/site.ts";

interface Run {
  status: number | null;
  output: string;
}

/** A command as a publisher types it, in `cwd`, without the npm settings of the test run itself. */
function run(cwd: string, command: string, args: string[]): Run {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith("npm_")));
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...env, NEWSROOM_NOW: TEST_NOW }, maxBuffer: 64 * 2 ** 20 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("the kit as a package", () => {
  const folder = tempDir("package");
  const app = path.join(folder, "app");
  const site = path.join(app, "site");
  let tarball = "";
  const steps: Record<string, Run> = {};

  beforeAll(() => {
    const pack = run(projectRoot, "npm", ["pack", "--silent", "--pack-destination", folder]);
    tarball = path.join(folder, pack.output.trim().split("\n").at(-1)!);
    mkdirSync(app);
    writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "app", private: true }));
    steps.install = run(app, "npm", ["install", "--prefer-offline", "--ignore-scripts", "--no-audit", "--no-fund", tarball]);
    steps.init = run(app, "npx", ["newsroom", "init", "site", "--timezone", "America/New_York"]);
    steps.initAgain = run(app, "npx", ["newsroom", "init", "site"]);
    steps.build = run(site, "npx", ["newsroom", "build"]);
    steps.audit = run(site, "npx", ["newsroom", "audit"]);
  }, 300_000);

  it("packs the kit, not the sample publication or the tests", () => {
    const listing = run(folder, "tar", ["tzf", tarball]).output.split("\n").filter(Boolean);
    const top = new Set(listing.map((file) => file.split("/")[1]));
    expect([...top].sort()).toEqual(["README.md", "_includes", "bin", "docs", "eleventy.config.ts", "package.json", "scripts", "src", "tsconfig.json"]);
    expect(listing).toContain("package/_includes/custom/head.njk");
  });

  it("installs from the tarball", () => {
    expect(steps.install!.status, steps.install!.output).toBe(0);
    expect(existsSync(path.join(app, "node_modules/.bin/newsroom"))).toBe(true);
  });

  it("writes a starter publication with newsroom init, and never into a folder that holds something", () => {
    expect(steps.init!.status, steps.init!.output).toBe(0);
    for (const file of ["package.json", ".gitignore", "_data/site.json", "_data/authors.json", "_data/categories.json", "posts/2026/welcome.md", "pages/about.md", "img/newsroom.svg"]) {
      expect(existsSync(path.join(site, file)), file).toBe(true);
    }
    expect(JSON.parse(readFileSync(path.join(site, "package.json"), "utf8")).dependencies).toEqual({ "newsroom-static-kit": "^0.1.0" });
    expect(steps.initAgain).toEqual({ status: 1, output: "site is not empty — nothing written; name a new folder\n" });
  });

  it("builds the starter publication at once", () => {
    expect(steps.build!.status, steps.build!.output).toBe(0);
    expect(steps.build!.output).toMatch(/^Built 1 article into _site: \d+ pages rendered, 0 reused; search: 1 bundle indexed \(1 page\), 0 reused \([\d.]+ s\)\.$/m);
    const output = path.join(site, "_site");
    expect(text(readPage(output, "/").querySelector(".site-title"))).toBe("Site");
    // The starter's story, dated when init ran (NEWSROOM_NOW).
    expect(text(readPage(output, "/2026/11/welcome/").querySelector("h1"))).toBe("Site is open");
    expect(text(readPage(output, "/about/").querySelector("h1"))).toBe("About Site");
  });

  it("passes the audit", () => {
    expect(steps.audit!.output).toContain("No problems: the site is sound.");
    expect(steps.audit!.status).toBe(0);
  });
});
