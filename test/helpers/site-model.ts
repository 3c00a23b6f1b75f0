// The sample publication's site model in this process, for unit tests of what is computed
// before Eleventy renders: the registry, listings, feeds.
import path from "node:path";
import { DateTime } from "luxon";
import { loadPublication } from "../../src/content/load.ts";
import { Build, type BuildOptions } from "../../src/site/build.ts";
import { PhaseRecorder } from "../../src/site/phases.ts";
import { projectRoot, TEST_NOW, tempDir } from "./build.ts";

export async function sampleBuild(options: Partial<BuildOptions> = {}): Promise<Build> {
  const settings: BuildOptions = {
    root: projectRoot,
    output: path.join(tempDir("model"), "_site"),
    now: DateTime.fromISO(TEST_NOW, { setZone: true }),
    includeUnpublished: false,
    articlesPerSlice: 2_500,
    ...options,
  };
  return new Build(settings, await loadPublication(settings.root, settings), new PhaseRecorder());
}
