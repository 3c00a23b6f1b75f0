// Incremental builds are always correct: after each kind of change a publisher makes, the site
// an incremental build leaves in place is byte for byte the site a cold build (--full) of the
// same content writes, and the incremental build took the unchanged pages from the previous site.
import { cpSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyOfSample, projectRoot, runBuild, tempDir, TEST_NOW, type BuildResult } from "../helpers/build.ts";

const TIMEOUT = 120_000;

/** Every file under `folder`, relative, sorted. */
function filesOf(folder: string): string[] {
  return (readdirSync(folder, { recursive: true }) as string[]).filter((file) => statSync(path.join(folder, file)).isFile()).sort();
}

/** The files that differ between two sites: missing on one side, or other bytes. */
function differences(a: string, b: string): string[] {
  const filesA = filesOf(a);
  const filesB = filesOf(b);
  const inB = new Set(filesB);
  const inA = new Set(filesA);
  return [
    ...filesA.filter((file) => !inB.has(file)).map((file) => `only in the incremental build: ${file}`),
    ...filesB.filter((file) => !inA.has(file)).map((file) => `only in the cold build: ${file}`),
    ...filesA.filter((file) => inB.has(file) && !readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file)))).map((file) => `different bytes: ${file}`),
  ];
}

interface Outcome {
  rendered: number;
  reused: number;
  stdout: string;
  stderr: string;
}

/** Pages rendered and reused, from the build's last line. */
function outcomeOf(result: BuildResult): Outcome {
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  const last = result.stdout.trim().split("\n").at(-1)!;
  const match = /: ([\d,]+) pages? rendered, ([\d,]+) reused/.exec(last);
  expect(match, last).not.toBeNull();
  const count = (text: string) => Number(text.replaceAll(",", ""));
  return { rendered: count(match![1]!), reused: count(match![2]!), stdout: result.stdout, stderr: result.stderr };
}

const content = copyOfSample({}, "incremental");
const site = path.join(tempDir("incremental-site"), "_site");
let now = TEST_NOW;

const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
  writeFileSync(path.join(content, file), text);
};
const read = (file: string) => readFileSync(path.join(content, file), "utf8");
const edit = (file: string, change: (text: string) => string) => write(file, change(read(file)));
const editJson = (file: string, change: (data: Record<string, any>) => void) => {
  const data = JSON.parse(read(file)) as Record<string, any>;
  change(data);
  write(file, JSON.stringify(data, null, 2));
};

/** Runs the build script of a copy of the kit (this one by default), as `npm run build` there would. */
function runKit(kit: string, args: string[]): BuildResult {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(kit, "scripts/build.ts"), ...args], { cwd: kit, encoding: "utf8", env: { ...process.env, NEWSROOM_NOW: now } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Builds incrementally into the site in place, then cold into a new folder, and expects the
 * two sites to be the same files with the same bytes. `kit`: another copy of the kit to build with.
 */
function buildAndCompare(kit = projectRoot): Outcome {
  const incremental = outcomeOf(runKit(kit, ["--content", content, "--output", site]));
  const cold = path.join(tempDir("incremental-cold"), "_site");
  const full = runKit(kit, ["--content", content, "--output", cold, "--full"]);
  expect(full.status, full.stderr).toBe(0);
  expect(differences(site, cold)).toEqual([]);
  rmSync(path.dirname(cold), { recursive: true, force: true });
  return incremental;
}

describe("incremental builds", () => {
  let total = 0;

  beforeAll(() => {
    const first = outcomeOf(runBuild(content, site, [], { NEWSROOM_NOW: now }));
    expect(first.reused).toBe(0);
    total = first.rendered;
  }, TIMEOUT);

  it("with nothing changed, render only the pages made of the whole publication and take every other from the previous site", () => {
    const outcome = buildAndCompare();
    expect(outcome.reused).toBeGreaterThan(total * 0.8);
    expect(outcome.rendered + outcome.reused).toBe(total);
  }, TIMEOUT);

  it("a new article: its page, its neighbour, the listings and feeds it appears in", () => {
    write(
      "posts/2026/ferry-fares-frozen.md",
      ["---", "title: Ferry fares frozen for another year", "date: 2026-11-28T10:00:00-05:00", "author: maya-okafor", "category: statehouse", "tags:", "  - transit", "---", "", "The port authority voted on Friday to keep ferry fares where they are until next winter.", ""].join("\n"),
    );
    const outcome = buildAndCompare();
    expect(outcome.reused).toBeGreaterThan(0);
    total = outcome.rendered + outcome.reused;
  }, TIMEOUT);

  it("an edited article's title, date, tags, category and author", () => {
    edit("posts/2025/revenue-report-sales-tax.md", (text) =>
      text
        .replace(/^title: .*$/m, "title: Sales tax receipts run ahead of the forecast for a third month")
        .replace(/^date: .*$/m, "date: 2025-06-02T08:15:00-04:00")
        .replace(/^category: .*$/m, "category: statehouse")
        .replace(/^author: .*$/m, "author: ingrid-solberg")
        .replace(/^tags:\n/m, "tags:\n  - forecasts\n"),
    );
    expect(buildAndCompare().reused).toBeGreaterThan(0);
  }, TIMEOUT);

  it("an edited body only", () => {
    edit("posts/2025/river-cleanup-volunteers.md", (text) => `${text}\nA correction was appended to this story on Monday.\n`);
    const outcome = buildAndCompare();
    expect(outcome.rendered).toBeLessThan(total / 3);
  }, TIMEOUT);

  it("a deleted article", () => {
    rmSync(path.join(content, "posts/2025/measure-two-election-results.md"));
    buildAndCompare();
  }, TIMEOUT);

  it("a renamed article (a new slug and URL)", () => {
    renameSync(path.join(content, "posts/2025/water-rights-suit-filed.md"), path.join(content, "posts/2025/towns-sue-over-water-permits.md"));
    buildAndCompare();
  }, TIMEOUT);

  it("a scheduled article whose time has come", () => {
    now = "2031-03-02T09:00:00-05:00";
    buildAndCompare();
    expect(existsSync(path.join(site, "2031/03/scheduled-story/index.html"))).toBe(true);
  }, TIMEOUT);

  it("a changed author bio", () => {
    editJson("_data/authors.json", (authors) => {
      authors["tomas-novak"].bio = "Tomás Novak covers the courts, from county benches to the Calder Supreme Court.\n\nHe joined the Ledger this spring.";
    });
    const outcome = buildAndCompare();
    expect(outcome.reused).toBeGreaterThan(0);
    // Search ignores the author box: the index is the one the last build wrote.
    expect(outcome.stdout).toMatch(/; search: 0 bundles re-indexed, 1 reused/);
  }, TIMEOUT);

  it("a changed avatar", () => {
    const avatar = JSON.parse(read("_data/authors.json"))["maya-okafor"].avatar as string;
    write(avatar, '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200"><rect width="200" height="200" fill="#2a6f97"/><circle cx="100" cy="85" r="45" fill="#f4d35e"/></svg>');
    expect(buildAndCompare().reused).toBeGreaterThan(0);
  }, TIMEOUT);

  it("a new category, and a renamed one", () => {
    editJson("_data/categories.json", (categories) => {
      categories.transport = { name: "Transport", description: "Roads, rails and the river ferries." };
      categories.courts.name = "Courts & Justice";
    });
    edit("posts/2026/ferry-fares-frozen.md", (text) => text.replace("category: statehouse", "category: transport"));
    buildAndCompare();
  }, TIMEOUT);

  it("a changed site.json", () => {
    editJson("_data/site.json", (settings) => {
      settings.description = "Reporting on Calder's statehouse and the city of Riverbend since 1921.";
      settings.postsPerPage = 4;
    });
    buildAndCompare();
  }, TIMEOUT);

  it("a changed stylesheet (the publisher's theme)", () => {
    editJson("_data/site.json", (settings) => {
      settings.theme = { accent: "#1d5c8c" };
    });
    buildAndCompare();
  }, TIMEOUT);

  it("a changed template (the publisher's own footer include)", () => {
    write("_includes/custom/footer.njk", "<p>Printed on recycled electrons.</p>\n");
    buildAndCompare();
  }, TIMEOUT);

  it("a new version of the kit", () => {
    // A copy of the kit with one template changed, building the same content into the same site.
    const kit = tempDir("kit-copy");
    for (const entry of ["package.json", "package-lock.json", "eleventy.config.ts", "tsconfig.json", "src", "_includes", "scripts"]) cpSync(path.join(projectRoot, entry), path.join(kit, entry), { recursive: true });
    symlinkSync(path.join(projectRoot, "node_modules"), path.join(kit, "node_modules"));
    const card = path.join(kit, "_includes/partials/card.njk");
    writeFileSync(card, readFileSync(card, "utf8").replace('<p class="card-summary">', '<p class="card-summary" data-kit="next">'));
    const outcome = buildAndCompare(kit);
    expect(readFileSync(path.join(site, "index.html"), "utf8")).toContain('data-kit="next"');
    expect(outcome.reused).toBeLessThan(total / 2);
    // And back to this kit: the pages the other kit wrote are not this kit's.
    buildAndCompare();
  }, 2 * TIMEOUT);

  it("a page changed by hand in the site is rendered again", () => {
    const page = path.join(site, "about/index.html");
    writeFileSync(page, "changed by hand");
    buildAndCompare();
  }, TIMEOUT);

  it("a site restored from a CI cache (copied: new times and inodes, the same bytes) is still reused", () => {
    const copy = `${site}-restored`;
    cpSync(site, copy, { recursive: true });
    rmSync(site, { recursive: true });
    cpSync(copy, site, { recursive: true });
    rmSync(copy, { recursive: true });
    const outcome = buildAndCompare();
    expect(outcome.reused).toBeGreaterThan(total * 0.8);
  }, TIMEOUT);

  it("an unreadable build record: a cold build, said in one line", () => {
    const records = path.join(content, ".cache/build");
    for (const file of readdirSync(records)) writeFileSync(path.join(records, file), "{ not json");
    const outcome = buildAndCompare();
    expect(outcome.reused).toBe(0);
    expect(outcome.stderr).toMatch(/^The record of the last build \(\.cache\/build\/\w+\.json\) could not be read: this build renders every page\.$/m);
  }, TIMEOUT);
});
