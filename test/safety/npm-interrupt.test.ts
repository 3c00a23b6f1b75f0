// SIGTERM to `npm run build` (a CI job cancelled, `docker stop`): npm passes it to the shell that
// runs the script, which dies of it without passing it on; `newsroom build` (bin/newsroom.js)
// sees its parent gone and stops the build, which cleans up and leaves the previous site.
import { beforeAll, describe, expect, it } from "vitest";
import { publicationToInterrupt, besideOutput, processesOfGroup, startBuild, treeHash, waitFor } from "./helpers.ts";


describe("SIGTERM to npm run build", () => {
  const { content, output, slices: SLICES, before: buildOnce } = publicationToInterrupt();
  let before: Record<string, string>;

  beforeAll(() => {
    before = buildOnce();
  });

  it("stops the build and Pagefind, and leaves the site as it was", async () => {
    const build = startBuild(content, output, SLICES, { viaNpm: true });
    await waitFor(() => processesOfGroup(build.child.pid!).some((entry) => entry.includes("pagefind")), 60_000, "Pagefind to start");
    process.kill(build.child.pid!, "SIGTERM");
    const result = await build.done;
    // npm ends by the signal its script ended by.
    expect(result.signal ?? result.code).toBe("SIGTERM");
    expect(result.stderr).toContain(`Build stopped by SIGTERM: ${output} is unchanged.`);
    await waitFor(() => processesOfGroup(build.child.pid!).length === 0, 5_000, "the build's processes to end").catch(() => undefined);
    expect(processesOfGroup(build.child.pid!)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(treeHash(output)).toEqual(before);
    expect(besideOutput(output)).toEqual([]);
  }, 120_000);
});
