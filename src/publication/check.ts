// The content check shared by `npm run check` and the build: every rule of the content model
// (src/content), then the rules only the whole site shows (src/site/problems.ts). What the
// check accepts, the build builds; what it refuses, the build refuses before writing anything.
import path from "node:path";
import { loadPublication } from "../content/load.ts";
import { ContentError, type Problem } from "../content/problems.ts";
import { cacheFolder } from "../images/index.ts";
import { Build, type BuildOptions } from "../site/build.ts";
import { PhaseRecorder } from "../site/phases.ts";
import { siteProblems } from "../site/problems.ts";

export interface CheckResult {
  /** Present when there is no error. */
  build?: Build;
  /** Errors and warnings. */
  problems: Problem[];
}

export async function checkPublication(options: BuildOptions, phases = new PhaseRecorder()): Promise<CheckResult> {
  return phases.phase("validation", async () => {
    let publication;
    try {
      // Posts whose text did not change since the last check are not read again; a --full build reads every one.
      const cache = { folder: path.join(cacheFolder(options.root), "content"), read: !options.full, notice: (message: string) => console.warn(message) };
      publication = await loadPublication(options.root, { now: options.now, includeUnpublished: options.includeUnpublished, cache });
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      return { problems: error.problems };
    }
    const build = new Build(options, publication, phases);
    const problems = [...publication.warnings, ...siteProblems(build)];
    return problems.some((problem) => problem.severity === "error") ? { problems } : { build, problems };
  });
}
