// `npm run check` and the content step of `npm run build`, as an editor runs them.
import { describe, expect, it } from "vitest";
import path from "node:path";
import { makePublication, projectRoot, runBuild, runScript, tempDir } from "../helpers/build.ts";
import { urlExists } from "../helpers/site.ts";

const post = (extra: string, date = "2025-05-01T10:00:00-04:00") => `---
title: A headline
date: ${date}
author: maya-okafor
category: statehouse
${extra}---
Text.
`;

describe("npm run check", () => {
  it("prints nothing but the count for valid content (the sample) and exits 0", () => {
    const result = runScript("scripts/validate.ts", ["--content", projectRoot]);
    expect(result.stdout).toBe("0 errors, 0 warnings\n");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("exits 1 on an error, listing every problem, errors first", () => {
    const content = makePublication({ "a.md": post("catgory: courts\n"), "b.md": post("draft: maybe\n") });
    const result = runScript("scripts/validate.ts", ["--content", content]);
    expect(result.stdout.split("\n")).toEqual([
      'posts/b.md:6: draft: must be true or false, not text "maybe"',
      "posts/a.md:6: warning: catgory: unknown field — did you mean `category`?",
      "1 error, 1 warning",
      "",
    ]);
    expect(result.status).toBe(1);
  });

  it("exits 0 with warnings only", () => {
    const content = makePublication({ "a.md": post("catgory: courts\n") });
    const result = runScript("scripts/validate.ts", ["--content", content]);
    expect(result.stdout).toContain("0 errors, 1 warning");
    expect(result.status).toBe(0);
  });
});

describe("scheduled articles and drafts in the build", () => {
  const content = makePublication({
    "now.md": post(""),
    "later.md": post("", "2027-01-05T08:00:00-05:00"),
    "unfinished.md": post("draft: true\n"),
  });

  it("leaves them out of a production build and names the scheduled ones", () => {
    const output = path.join(tempDir("out"), "_site");
    const result = runBuild(content, output);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Built 1 article into");
    expect(result.stdout).toContain("1 scheduled: posts/later.md (2027-01-05T08:00:00-05:00)");
    expect(urlExists(output, "/2025/05/now/")).toBe(true);
    expect(urlExists(output, "/2027/01/later/")).toBe(false);
    expect(urlExists(output, "/2025/05/unfinished/")).toBe(false);
  });

  it("includes them in a --drafts preview build", () => {
    const output = path.join(tempDir("out"), "_site");
    expect(runBuild(content, output, ["--drafts"]).status).toBe(0);
    expect(urlExists(output, "/2027/01/later/")).toBe(true);
    expect(urlExists(output, "/2025/05/unfinished/")).toBe(true);
  });
});
