// Interrupted builds are safe: Ctrl-C or SIGTERM — to the build or to the process that re-runs
// it with a larger heap — stops it and every process it started, removes its staging and
// temporary folders and leaves the previous site as it was.
import { beforeAll, describe, expect, it } from "vitest";
import { publicationToInterrupt, besideOutput, isRunningProcess, processesOfGroup, startBuild, treeHash, waitFor } from "./helpers.ts";


describe("an interrupted build", () => {
  const { content, output, slices: SLICES, before: buildOnce } = publicationToInterrupt();
  let before: Record<string, string>;

  beforeAll(() => {
    before = buildOnce();
  });

  async function expectStoppedCleanly(build: ReturnType<typeof startBuild>, signal: NodeJS.Signals) {
    const result = await build.done;
    expect(result.code ?? result.signal, result.stderr).toBe(signal === "SIGINT" ? 130 : 143);
    expect(result.stderr).toContain(`Build stopped by ${signal}: ${output} is unchanged.`);
    // Nothing of the build runs on: not the build, not Pagefind, nothing that would swap in a site later.
    await waitFor(() => processesOfGroup(build.child.pid!).length === 0, 5_000, "the build's processes to end").catch(() => undefined);
    expect(processesOfGroup(build.child.pid!)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(treeHash(output)).toEqual(before);
    expect(besideOutput(output)).toEqual([]);
  }

  it("stops at Ctrl-C (SIGINT to the process that re-runs the build with a larger heap) while pages render", async () => {
    const build = startBuild(content, output, SLICES);
    await waitFor(() => besideOutput(output).some((entry) => entry.includes(".staging-")), 60_000, "the staging folder");
    process.kill(build.child.pid!, "SIGINT");
    await expectStoppedCleanly(build, "SIGINT");
  }, 120_000);

  it("stops at SIGTERM while Pagefind indexes, and stops Pagefind", async () => {
    const build = startBuild(content, output, SLICES);
    const pagefind = await waitFor(() => processesOfGroup(build.child.pid!).find((entry) => entry.includes("pagefind")), 60_000, "Pagefind to start");
    process.kill(build.child.pid!, "SIGTERM");
    await expectStoppedCleanly(build, "SIGTERM");
    expect(isRunningProcess(Number(pagefind.split(" ")[0]))).toBe(false);
  }, 120_000);

});
