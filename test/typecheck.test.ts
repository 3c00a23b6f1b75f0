// `npm run typecheck` is part of the test suite: the code base compiles under strict TypeScript.
import { expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { projectRoot } from "./helpers/build.ts";

it("type-checks (tsc --noEmit)", () => {
  const result = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit", "--pretty", "false"], { cwd: projectRoot, encoding: "utf8" });
  expect(result.stdout + result.stderr).toBe("");
  expect(result.status).toBe(0);
});
