// `npm run bench -- --articles N`: generates a deterministic synthetic publication (not
// timed), runs the full production build on it in its own process and prints where the
// time and memory went.
//
//   tsx scripts/bench.ts [--articles 1000] [--dir DIR] [--warm] [--profile] [--reader] [--keep]
//   tsx scripts/bench.ts --articles N --shards S [--dir DIR] [--keep]
//
// --dir      generate into DIR (default: a temporary folder): a new or empty folder, or one
//            an earlier bench made (its posts and caches are replaced)
// --warm     add one article and build again, with the image and search caches filled
//            (a publisher's daily rebuild)
// --profile  record a V8 CPU profile of the build and list the functions that took longest
// --reader   measure what a reader downloads, in headless Chromium (Debian's /usr/bin/chromium)
// --keep     keep the generated publication and its site
// --shards   build S shards one after another (npm run build -- --shard K/S) and merge them:
//            each shard's time and peak memory, the merge's time, and the wall time S CI
//            runners would take (the slowest shard, then the merge)
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { generateCorpus } from "../src/bench/corpus.ts";
import type { PhaseRecord } from "../src/site/phases.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "1000" },
    dir: { type: "string" },
    warm: { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    reader: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    "slice-size": { type: "string" },
    shards: { type: "string" },
  },
});
const articles = Number(values.articles);
/** Stops with a message naming the option and the fix, without a stack trace. */
function usageError(message: string): never {
  console.error(message);
  process.exit(1);
}
if (!Number.isInteger(articles) || articles < 1) usageError(`--articles must be a positive whole number, not ${values.articles}`);
const shardCount = values.shards === undefined ? 0 : Number(values.shards);
if (values.shards !== undefined && (!Number.isInteger(shardCount) || shardCount < 1)) usageError(`--shards must be a positive whole number, not ${values.shards}`);
if (shardCount && (values.warm || values.profile || values.reader)) usageError("--shards measures cold shard builds and the merge: leave out --warm, --profile and --reader");

const root = path.resolve(values.dir ?? mkdtempSync(path.join(tmpdir(), "newsroom-bench-")));
// A cold build starts without caches, and a reused --dir without an earlier run's posts;
// a folder the bench did not make is never emptied.
const marker = path.join(root, ".newsroom-bench");
if (existsSync(root) && readdirSync(root).length && !existsSync(marker)) usageError(`--dir ${root} holds files the bench did not make: give it an empty or new folder`);
for (const folder of ["posts", ".cache", "_shards"]) rmSync(path.join(root, folder), { recursive: true, force: true });
const generationStart = performance.now();
generateCorpus(root, { articles });
writeFileSync(marker, "made by npm run bench\n");
const generationSeconds = (performance.now() - generationStart) / 1000;

interface Report {
  phases: PhaseRecord[];
  peakMemoryMiB: Record<string, number>;
  childCpuMs: Record<string, number>;
}

/** A fixed clock: every generated article is published, whatever day the bench runs (and every shard publishes the same). */
const BENCH_NOW = "2026-07-01T00:00:00-05:00";
const sliceArgs = values["slice-size"] ? ["--slice-size", values["slice-size"]] : [];

/** Runs scripts/build.ts with `args`; its wall time in seconds and its phase report, if it wrote one. */
function runBuildScript(args: string[], reportFile?: string): { wallSeconds: number; report?: Report } {
  const started = performance.now();
  const result = spawnSync(process.execPath, [...process.execArgv, path.join(projectRoot, "scripts/build.ts"), ...args], {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, ...(reportFile ? { NEWSROOM_PHASES: reportFile } : {}), NEWSROOM_NOW: BENCH_NOW },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallSeconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return { wallSeconds, report: reportFile ? (JSON.parse(readFileSync(reportFile, "utf8")) as Report) : undefined };
}

/** The shards one after another, then the merge: what S runners would take. */
function buildShards(count: number): void {
  const slice = Number(values["slice-size"]) || 2_500;
  const bundles = Math.ceil(articles / slice);
  if (bundles < count) console.log(`note: ${bundles} search bundles of ${slice} articles for ${count} shards — some shards get no articles; --slice-size ${Math.ceil(articles / count)} or less balances them`);
  const folders: string[] = [];
  const rows: { shard: number; wall: number; memory: number; pages: number }[] = [];
  for (let index = 1; index <= count; index++) {
    const folder = path.join(root, "_shards", String(index));
    folders.push(folder);
    const { wallSeconds, report } = runBuildScript(["--content", root, "--output", folder, "--shard", `${index}/${count}`, ...sliceArgs], path.join(root, `phases-shard-${index}.json`));
    const pages = (readdirSync(folder, { recursive: true }) as string[]).filter((file) => file.endsWith(".html")).length;
    rows.push({ shard: index, wall: wallSeconds, memory: Math.max(...Object.values(report!.peakMemoryMiB)), pages });
  }
  const merge = runBuildScript(["--merge", ...folders, "--content", root, "--output", path.join(root, "_site")]);
  const slowest = Math.max(...rows.map(({ wall }) => wall));
  console.log(`\n${articles.toLocaleString("en")} articles as ${count} shards, one after another (${root})`);
  console.log(`${"shard".padEnd(8)}${"wall s".padStart(9)}${"peak MiB".padStart(10)}${"pages".padStart(9)}`);
  for (const row of rows) console.log(`${`${row.shard}/${count}`.padEnd(8)}${row.wall.toFixed(2).padStart(9)}${String(Math.round(row.memory)).padStart(10)}${row.pages.toLocaleString("en").padStart(9)}`);
  console.log(`merge   ${merge.wallSeconds.toFixed(2).padStart(9)}`);
  console.log(`one after another: ${(rows.reduce((sum, { wall }) => sum + wall, 0) + merge.wallSeconds).toFixed(1)} s; projected on ${count} runners: ${(slowest + merge.wallSeconds).toFixed(1)} s (slowest shard ${slowest.toFixed(1)} s + merge ${merge.wallSeconds.toFixed(1)} s; artifact upload and download not included)`);
}

function build(label: string): void {
  const output = path.join(root, "_site");
  const reportFile = path.join(root, `phases-${label}.json`);
  const profileDir = path.join(root, "profile");
  const nodeArgs = [...(values.profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []), ...process.execArgv, path.join(projectRoot, "scripts/build.ts"), "--content", root, "--output", output, ...sliceArgs];
  const started = performance.now();
  const result = spawnSync(process.execPath, nodeArgs, {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, NEWSROOM_PHASES: reportFile, NEWSROOM_NOW: BENCH_NOW },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallSeconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`The build failed:\n${result.stdout}\n${result.stderr}`);
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as Report;
  const files = (readdirSync(output, { recursive: true }) as string[]).map((file) => path.join(output, file)).filter((file) => statSync(file).isFile());
  const pages = files.filter((file) => file.endsWith(".html")).length;
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);

  const row = (name: string, wall: string, cpu: string) => `${name.padEnd(22)}${wall.padStart(9)}${cpu.padStart(12)}`;
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  const phaseWall = report.phases.reduce((sum, entry) => sum + entry.wallMs, 0);
  const phaseCpu = report.phases.reduce((sum, entry) => sum + entry.cpuMs, 0);
  console.log(`\n${label} build of ${articles.toLocaleString("en")} articles (${root})`);
  console.log(row("phase", "wall s", "node cpu s"));
  for (const entry of report.phases) console.log(row(entry.name, seconds(entry.wallMs), seconds(entry.cpuMs)));
  console.log(row("startup and loading", (wallSeconds - phaseWall / 1000).toFixed(2), ""));
  console.log(row("total", wallSeconds.toFixed(2), seconds(phaseCpu)));
  const memory = Object.entries(report.peakMemoryMiB).map(([process, mib]) => `${process} ${Math.round(mib)} MiB`);
  console.log(`peak memory per process: ${memory.join(", ")}`);
  const childCpu = Object.entries(report.childCpuMs).filter(([, ms]) => ms >= 10).map(([process, ms]) => `${process} ${seconds(ms)} s`);
  if (childCpu.length) console.log(`CPU of child processes (alongside the phases): ${childCpu.join(", ")}`);
  console.log(`output: ${pages.toLocaleString("en")} pages, ${files.length.toLocaleString("en")} files, ${(bytes / 2 ** 20).toFixed(1)} MiB; ${Math.round(pages / wallSeconds).toLocaleString("en")} pages/s`);
}

/**
 * The day after: one new article, newer than all the others (a copy of a generated one with
 * a new date and slug), for the warm rebuild with the image and search caches filled.
 */
function addOneArticle(): void {
  const posts = path.join(root, "posts");
  const source = (readdirSync(posts, { recursive: true }) as string[]).filter((file) => file.endsWith(".md")).sort()[0]!;
  const text = readFileSync(path.join(posts, source), "utf8").replace(/^date: .+$/m, "date: 2026-06-30T23:00:00-05:00");
  writeFileSync(path.join(posts, "2026", "the-day-after.md"), text);
}

function printProfile(): void {
  const profileDir = path.join(root, "profile");
  const totals = new Map<string, number>();
  for (const file of readdirSync(profileDir)) {
    const profile = JSON.parse(readFileSync(path.join(profileDir, file), "utf8")) as {
      nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
      samples: number[];
      timeDeltas: number[];
    };
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, index) => {
      const frame = byId.get(id)!.callFrame;
      const where = frame.url.replace(/^.*node_modules\//, "").replace(`file://${projectRoot}/`, "");
      const key = `${frame.functionName || "(anonymous)"} ${where}:${frame.lineNumber + 1}`;
      totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0));
    });
  }
  console.log("\nwhere the build's CPU time went (self time, top 25):");
  for (const [key, micros] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(micros / 1000).toFixed(0).padStart(8)} ms  ${key}`);
}

/**
 * What readers download, served as a static host would (gzip for text): an article page's
 * HTML and CSS, its scripts, and everything a one-word search transfers until results show.
 */
async function measureReader(): Promise<void> {
  const { measureReaderSide } = await import("../src/bench/reader.ts");
  const site = path.join(root, "_site");
  // Article pages by URL, so by month: the newest story's search words are in the first
  // bundle a search reads, the oldest story's in the last.
  const articlePages = (readdirSync(site, { recursive: true }) as string[]).filter((file) => /^\d{4}\/\d{2}\/story-[^/]+\/index\.html$/.test(file)).sort();
  const newest = articlePages.at(-1)!;
  const oldest = articlePages[0]!;
  const read = (file: string) => readFileSync(path.join(site, file), "utf8");
  // A word from a headline (rarer) and a body's first word (among the most common).
  const headlineWord = (file: string) => /data-pagefind-meta="title">([A-Za-z]+)/.exec(read(file))![1]!.toLowerCase();
  const text = read(newest);
  const common = /<p>([A-Z][a-z]+) /.exec(text.slice(text.indexOf("article-body")))![1]!.toLowerCase();
  const articleUrl = `/${newest.replace(/index\.html$/, "")}`;
  console.log(`\nreader side, served with gzip for text (article ${articleUrl})`);
  const searches: [string, string][] = [
    [headlineWord(newest), "a headline word of the newest story"],
    [headlineWord(oldest), "a headline word of the oldest story"],
    [common, "a common word"],
  ];
  for (const [index, [word, what]] of searches.entries()) {
    const result = await measureReaderSide(site, articleUrl, word, { executablePath: process.env.NEWSROOM_CHROMIUM || undefined });
    if (index === 0) {
      console.log(`article page: HTML ${(result.articleHtmlBytes / 1024).toFixed(1)} KB + CSS ${(result.cssBytes / 1024).toFixed(1)} KB = ${((result.articleHtmlBytes + result.cssBytes) / 1024).toFixed(1)} KB before images (uncompressed); scripts: ${result.articleScripts}`);
    }
    console.log(`search "${word}" (${what}): first ${result.searchResults} results after ${(result.searchTransferBytes / 1024).toFixed(1)} KB transferred in ${result.searchRequests} requests (${(result.searchUncompressedBytes / 1024).toFixed(1)} KB uncompressed)`);
    const kinds = Object.entries(result.searchBytesByKind).sort((a, b) => b[1] - a[1]);
    console.log(`  of which ${kinds.map(([kind, bytes]) => `${kind} ${(bytes / 1024).toFixed(1)} KB`).join(", ")}`);
  }
}

console.log(`generated ${articles.toLocaleString("en")} articles in ${generationSeconds.toFixed(1)} s (not counted)`);
if (shardCount) buildShards(shardCount);
else build("cold");
if (values.warm) {
  addOneArticle();
  build("warm");
}
if (values.profile) printProfile();
if (values.reader) await measureReader();
if (!values.keep && !values.dir) rmSync(root, { recursive: true, force: true });
