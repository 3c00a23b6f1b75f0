// `npm run build`: a complete production build of the publication into _site/
// (see src/publication/build.ts). Its first step is the content check of `npm run check`:
// on any error nothing is written.
//
//   tsx scripts/build.ts [--content DIR] [--output DIR] [--drafts] [--slice-size N]
//
// --content     the publication folder (_data/, posts/, img/); default: the current folder
// --output      where the site goes; default: _site in the current folder
// --drafts      also publish drafts and scheduled articles, for a local preview (never deploy it)
// --slice-size  articles per render run and per search bundle (default 2,500; tests use tiny ones)
//
// NEWSROOM_NOW (ISO 8601) pins the build's clock; NEWSROOM_PHASES names a file for the
// phase timings (npm run bench).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { totalmem } from "node:os";
import { parseArgs } from "node:util";
import { getHeapStatistics } from "node:v8";

// Large publications need more than Node's default heap: the build gives itself up to 60 %
// of the machine's memory, running again with that limit before it loads anything else
// (and with the collector exposed, to free each Eleventy run's pages before the next).
const wantedHeapMiB = Math.floor((totalmem() * 0.6) / 2 ** 20);
if (getHeapStatistics().heap_size_limit / 2 ** 20 < wantedHeapMiB * 0.9 && !process.env.NEWSROOM_HEAP_SET) {
  const child = spawnSync(process.execPath, [`--max-old-space-size=${wantedHeapMiB}`, "--expose-gc", ...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, NEWSROOM_HEAP_SET: "1" },
  });
  process.exit(child.status ?? 1);
}

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "." },
    output: { type: "string", default: "_site" },
    drafts: { type: "boolean", default: false },
    "slice-size": { type: "string" },
  },
});
const { buildSite } = await import("../src/publication/build.ts");
const { buildClock } = await import("../src/publication/options.ts");
const { ARTICLES_PER_SLICE } = await import("../src/site/runs.ts");
process.exitCode = await buildSite({
  root: path.resolve(values.content),
  output: values.output,
  now: buildClock(process.env.NEWSROOM_NOW),
  includeUnpublished: values.drafts,
  articlesPerSlice: Number(values["slice-size"]) || ARTICLES_PER_SLICE,
  phasesFile: process.env.NEWSROOM_PHASES,
});
