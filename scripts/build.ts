// `npm run build`: a complete production build of the publication into _site/
// (see src/publication/build.ts). Its first step is the content check of `npm run check`:
// on any error nothing is written.
//
//   tsx scripts/build.ts [--content DIR] [--output DIR] [--full] [--drafts] [--slice-size N] [--wait] [--debug]
//   tsx scripts/build.ts --shard K/N [--output DIR] [options above]
//   tsx scripts/build.ts --merge DIR… [--content DIR] [--output DIR] [--wait] [--debug]
//
// --content     the publication folder (_data/, posts/, img/); default: the current folder
// --output      where the site goes; default: _site in the current folder
// --full        render every page and read every file again (by default a build takes the pages
//               whose inputs have not changed from the site already in the output: src/site/reuse.ts)
// --drafts      also publish drafts and scheduled articles, for a local preview (never deploy it)
// --slice-size  articles per render run and per search bundle (default 2,500; tests use tiny ones)
// --wait        when another build is writing the same output, wait for it instead of stopping
// --debug       on an unexpected failure, print the stack trace too
// --shard K/N   build only shard K of N (default output _shards/K), with its manifest; every
//               shard needs the same NEWSROOM_NOW (src/site/shards.ts)
// --merge       put the named shard folders together into the site, after checking them
//               against each other and the content folder (src/publication/merge.ts)
//
// NEWSROOM_NOW (ISO 8601) pins the build's clock; NEWSROOM_PHASES names a file for the
// phase timings (npm run bench).
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { constants, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { getHeapStatistics } from "node:v8";

// Large publications need more than Node's default heap: the build gives itself up to 60 %
// of the machine's memory, running again with that limit before it loads anything else
// (and with the collector exposed, to free each Eleventy run's pages before the next).
const wantedHeapMiB = Math.floor((totalmem() * 0.6) / 2 ** 20);
if (getHeapStatistics().heap_size_limit / 2 ** 20 < wantedHeapMiB * 0.9 && !process.env.NEWSROOM_HEAP_SET) {
  process.exit(await runWithLargerHeap());
} else {
  process.exitCode = await build();
}

/**
 * Runs this script again in a child process with the larger heap. A signal to this process
 * (Ctrl-C, `kill`, npm stopping its script) goes to the child, and this process waits for
 * the child to clean up and exit: the build never goes on alone after its parent is gone.
 */
async function runWithLargerHeap(): Promise<number> {
  const child = spawn(process.execPath, [`--max-old-space-size=${wantedHeapMiB}`, "--expose-gc", ...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, NEWSROOM_HEAP_SET: "1" },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, forward);
  const [code, signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
  // A child that died of a signal: 128 + its number, as a shell reports it.
  return code ?? 128 + (signal ? constants.signals[signal] : 1);
}

async function build(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      content: { type: "string", default: "." },
      output: { type: "string" },
      shard: { type: "string" },
      merge: { type: "boolean", default: false },
      full: { type: "boolean", default: false },
      drafts: { type: "boolean", default: false },
      "slice-size": { type: "string" },
      wait: { type: "boolean", default: false },
      debug: { type: "boolean", default: false },
    },
  });
  const usage = (message: string) => {
    console.error(message);
    return 1;
  };
  if (positionals.length && !values.merge) return usage(`${positionals.join(" ")}: folders are named only with --merge (npm run build -- --merge _shards/1 _shards/2 …)`);
  if (values.merge && values.shard) return usage("--merge and --shard: a run either builds one shard or merges them, not both");
  try {
    if (values.merge) {
      const { mergeShards } = await import("../src/publication/merge.ts");
      return await mergeShards({ folders: positionals, output: values.output ?? "_site", root: path.resolve(values.content), wait: values.wait, debug: values.debug });
    }
    const { buildSite } = await import("../src/publication/build.ts");
    const { buildClock } = await import("../src/publication/options.ts");
    const { ARTICLES_PER_SLICE } = await import("../src/site/runs.ts");
    const { parseShard } = await import("../src/site/shards.ts");
    const shard = values.shard === undefined ? undefined : parseShard(values.shard);
    if (typeof shard === "string") return usage(shard);
    // Shards run on different machines at different moments: one clock for all of them, or
    // an article scheduled in between would be in one shard's pages and not in another's.
    if (shard && !process.env.NEWSROOM_NOW) return usage(`--shard ${values.shard}: set NEWSROOM_NOW to one ISO 8601 time for every shard of the build (e.g. NEWSROOM_NOW=${new Date().toISOString()}), so that all of them publish the same articles`);
    return await buildSite({
      root: path.resolve(values.content),
      output: values.output ?? (shard ? path.join("_shards", String(shard.index)) : "_site"),
      shard,
      now: buildClock(process.env.NEWSROOM_NOW),
      full: values.full,
      includeUnpublished: values.drafts,
      articlesPerSlice: Number(values["slice-size"]) || ARTICLES_PER_SLICE,
      phasesFile: process.env.NEWSROOM_PHASES,
      wait: values.wait,
      debug: values.debug,
    });
  } catch (error) {
    // Before the build started (a module that does not load, a bad NEWSROOM_NOW): one line too.
    console.error(`Build failed before it started: ${(error as Error).message.split("\n")[0]} — nothing was changed. Run with --debug for the full trace.`);
    if (values.debug) console.error((error as Error).stack);
    return 1;
  }
}
