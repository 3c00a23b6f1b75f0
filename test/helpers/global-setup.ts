// Builds the bundled sample publication once per test run into a temporary folder. Every
// folder the tests make lives in one scratch folder, removed when the run ends.
import type { TestProject } from "vitest/node";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { projectRoot, runBuild, tempDir } from "./build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    sampleSite: string;
  }
}

export default function setup(project: TestProject): () => void {
  const scratch = mkdtempSync(path.join(tmpdir(), "newsroom-tests-"));
  process.env.NEWSROOM_TEST_SCRATCH = scratch;
  const output = path.join(tempDir("sample"), "_site");
  const result = runBuild(projectRoot, output);
  if (result.status !== 0) throw new Error(`The sample publication did not build:\n${result.stdout}\n${result.stderr}`);
  project.provide("sampleSite", output);
  return () => rmSync(scratch, { recursive: true, force: true });
}
