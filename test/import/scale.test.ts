// The import at newsroom size: a generated 1,000-post WordPress export (a third with featured
// images fetched from a local server) imported into a fresh publication, timed.
import path from "node:path";
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { makePublication, tempDir } from "../helpers/build.ts";
import { runImport } from "../../src/import/index.ts";
import { formatImportReport } from "../../src/import/report.ts";
import { generateWxr, startUploadServer, type UploadServer } from "./helpers.ts";

let server: UploadServer;
beforeAll(async () => {
  server = await startUploadServer();
});
afterAll(() => server.close());

it("imports 1,000 posts in seconds", async () => {
  const source = path.join(tempDir("scale-wxr"), "export.xml");
  writeFileSync(source, generateWxr(1000, server.base));
  const into = makePublication({});
  const started = performance.now();
  const report = await runImport({ kind: "wordpress", source, into, dryRun: false, force: false, timeoutMs: 10_000 });
  const seconds = (performance.now() - started) / 1000;
  const summary = formatImportReport(report).at(-1)!;
  console.log(`1,000-post WordPress export imported in ${seconds.toFixed(1)} s: ${summary}`);
  expect(summary).toMatch(/^imported 975 posts, 25 authors, 12 categories, 326 images/);
  expect(seconds).toBeLessThan(60);
}, 120_000);
