// A small run of `npm run bench`: the table is printed and the built site is complete.
// (No timing is asserted: targets are read from the bench, not from tests.)
import { expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { projectRoot, tempDir } from "./helpers/build.ts";

it("builds 200 generated articles and reports every phase", () => {
  const dir = tempDir("bench");
  // Small runs and bundles, as a large publication gets them: four Eleventy runs, four bundles.
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench.ts", "--articles", "200", "--dir", dir, "--slice-size", "50"], { cwd: projectRoot, encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  for (const phase of ["validation", "images", "eleventy", "search index", "copy images", "swap", "startup and loading", "total"]) {
    expect(result.stdout).toMatch(new RegExp(`^${phase}\\s+\\d+\\.\\d\\d`, "m"));
  }
  expect(result.stdout).toMatch(/^peak memory per process: node \d+ MiB, .*pagefind\S* \d+ MiB/m);
  const [, pages, files] = /^output: ([\d,]+) pages, ([\d,]+) files, [\d.]+ MiB; [\d,]+ pages\/s$/m.exec(result.stdout)!.map((value) => Number(value.replace(/,/g, "")));
  const site = path.join(dir, "_site");
  const articlePages = (readdirSync(site, { recursive: true }) as string[]).filter((file) => /^\d{4}\/\d{2}\/story-[^/]+\/index\.html$/.test(file));
  expect(articlePages).toHaveLength(200);
  expect(pages).toBeGreaterThan(200);
  expect(files).toBeGreaterThan(pages!);
  // Every article is in exactly one bundle.
  const bundles = readdirSync(site).filter((name) => /^pagefind(-\d+)?$/.test(name));
  const indexed = bundles.map((bundle) => JSON.parse(readFileSync(path.join(site, bundle, "pagefind-entry.json"), "utf8")).languages.en.page_count as number);
  expect(indexed).toEqual([50, 50, 50, 50]);
  for (const file of ["index.html", "feed.xml", "sitemap.xml", "search/index.html", "pagefind/pagefind.js", "pagefind-4/pagefind-entry.json"]) expect(existsSync(path.join(site, file)), file).toBe(true);
});
