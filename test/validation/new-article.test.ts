// `npm run new -- "Headline"` / `newsroom new`: a draft the content check accepts, never over an existing file.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DateTime } from "luxon";
import { loadPublication } from "../../src/content/load.ts";
import { makePublication, projectRoot, TEST_NOW } from "../helpers/build.ts";

/** tsx as the kit resolves it: the publication folders of these tests have no node_modules. */
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** `newsroom new …` in `cwd`, as a publisher runs it there (bin/newsroom.js runs this script). */
function newArticle(cwd: string, args: string[], now = TEST_NOW) {
  const result = spawnSync(process.execPath, ["--import", tsx, path.join(projectRoot, "scripts/new.ts"), ...args], { cwd, encoding: "utf8", env: { ...process.env, NEWSROOM_NOW: now } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("newsroom new", () => {
  it("writes a draft at posts/<yyyy>/<slug>.md, dated now in the site's zone, with the first author and category, and prints its path", async () => {
    const root = makePublication({});
    const result = newArticle(root, ["Council: budget passes after a 14-hour session"]);
    expect(result).toEqual({ status: 0, stdout: "posts/2026/council-budget-passes-after-a-14-hour-session.md\n", stderr: "" });
    const text = readFileSync(path.join(root, "posts/2026/council-budget-passes-after-a-14-hour-session.md"), "utf8");
    expect(text).toBe(
      [
        "---",
        'title: "Council: budget passes after a 14-hour session"',
        // TEST_NOW in America/New_York, the sample's zone.
        "date: 2026-11-29T12:00:00-05:00",
        "author: maya-okafor",
        "category: statehouse",
        "# tags: [a tag, another tag]",
        "# description: One sentence under the headline, also shown in cards and feeds.",
        "draft: true # delete this line to publish the article",
        "---",
        "",
        "",
      ].join("\n"),
    );
    // The check accepts it (no error): a draft, left out of the site, whose only note is that it has no text yet.
    const publication = await loadPublication(root, { now: DateTime.fromISO(TEST_NOW, { setZone: true }) });
    expect(publication.warnings.map((problem) => `${problem.file}: ${problem.severity}: ${problem.message}`)).toEqual([
      "posts/2026/council-budget-passes-after-a-14-hour-session.md: warning: the article has no text — write it below the front matter",
    ]);
    writeFileSync(path.join(root, "posts/2026/council-budget-passes-after-a-14-hour-session.md"), `${text}The council passed the budget.\n`);
    const written = await loadPublication(root, { now: DateTime.fromISO(TEST_NOW, { setZone: true }), includeUnpublished: true });
    expect(written.warnings).toEqual([]);
    expect(written.drafts.map((article) => article.url)).toEqual(["/2026/11/council-budget-passes-after-a-14-hour-session/"]);
  });

  it("takes the author and category given, and the site's time zone for the date and the folder", () => {
    const root = makePublication({});
    const site = JSON.parse(readFileSync(path.join(root, "_data/site.json"), "utf8"));
    writeFileSync(path.join(root, "_data/site.json"), JSON.stringify({ ...site, timezone: "Pacific/Kiritimati" }));
    // Words without quotes are one headline.
    const result = newArticle(root, ["New", "year", "--author", "daniel-reyes", "--category", "courts"], "2026-12-31T11:00:00Z");
    expect(result.stdout).toBe("posts/2027/new-year.md\n");
    expect(readFileSync(path.join(root, "posts/2027/new-year.md"), "utf8")).toMatch(/^---\ntitle: New year\ndate: 2027-01-01T01:00:00\+14:00\nauthor: daniel-reyes\ncategory: courts\n/);
  });

  it("refuses to replace an existing file: exit code 1, nothing written", () => {
    const root = makePublication({ "2026/budget-passes.md": "---\ntitle: Mine\n---\nDo not touch.\n" });
    const result = newArticle(root, ["Budget passes"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("posts/2026/budget-passes.md exists already — nothing written; edit that file, or give the new article another headline\n");
    expect(readFileSync(path.join(root, "posts/2026/budget-passes.md"), "utf8")).toBe("---\ntitle: Mine\n---\nDo not touch.\n");
  });

  it("names an unknown author or category with the id probably meant, and writes nothing", () => {
    const root = makePublication({});
    expect(newArticle(root, ["Budget passes", "--author", "maya"])).toMatchObject({ status: 1, stderr: '--author: unknown author "maya" — did you mean `maya-okafor`?\n' });
    expect(newArticle(root, ["Budget passes", "--category", "stathouse"])).toMatchObject({ status: 1, stderr: '--category: unknown category "stathouse" — did you mean `statehouse`?\n' });
    expect(newArticle(root, [])).toMatchObject({ status: 1, stderr: 'usage: newsroom new "Headline" [--author ID] [--category ID] [--content DIR]\n' });
  });
});
