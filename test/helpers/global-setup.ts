// Builds the bundled sample publication once per test run into a temporary folder.
import type { TestProject } from "vitest/node";
import { projectRoot, runBuild, tempDir } from "./build.ts";
import path from "node:path";

declare module "vitest" {
  export interface ProvidedContext {
    sampleSite: string;
  }
}

export default function setup(project: TestProject): void {
  const output = path.join(tempDir("sample"), "_site");
  const result = runBuild(projectRoot, output);
  if (result.status !== 0) throw new Error(`The sample publication did not build:\n${result.stdout}\n${result.stderr}`);
  project.provide("sampleSite", output);
}
