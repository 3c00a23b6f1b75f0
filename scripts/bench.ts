// `npm run bench -- --articles N`: generates a deterministic synthetic publication (not
// timed), runs the full production build on it in its own process and prints where the
// time and memory went.
//
//   tsx scripts/bench.ts [--articles 1000] [--dir DIR] [--hugo] [--warm] [--profile] [--reader] [--keep]
//   tsx scripts/bench.ts --articles N --shards S [--dir DIR] [--keep]
//
// --dir      generate into DIR (default: a temporary folder): a new or empty folder, or one
//            an earlier bench made (its posts, caches and sites are replaced)
// --hugo     right after the cold build, build the same articles with Hugo (a Hugo site the
//            bench writes, src/bench/hugo.ts): its wall time, CPU, peak memory and pages, and
//            our time over Hugo's; --hugo-pagefind also runs Pagefind's CLI on Hugo's output
// --warm     after the cold build, three incremental rebuilds, each timed: one new article, one
//            article from three years before edited, one author's bio changed
// --profile  record a V8 CPU profile of the build and list the functions that took longest
// --reader   measure what a reader downloads, in headless Chromium (Debian's /usr/bin/chromium)
// --keep     keep the generated publication and its site
// --shards   build S shards one after another (npm run build -- --shard K/S) and merge them:
//            each shard's time and peak memory, the merge's time, and the wall time S CI
//            runners would take (the slowest shard, then the merge)
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { generateCorpus } from "../src/bench/corpus.ts";
import { addOneArticle, changeAuthorBio, editOldArticle, type Edit } from "../src/bench/edits.ts";
import { writeHugoSite } from "../src/bench/hugo.ts";
import { ProcessSampler, type PhaseRecord } from "../src/site/phases.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Stops with a message naming the option and the fix, without a stack trace. */
function usageError(message: string): never {
  console.error(message);
  process.exit(1);
}
const options = {
  articles: { type: "string", default: "1000" },
  dir: { type: "string" },
  hugo: { type: "boolean", default: false },
  "hugo-pagefind": { type: "boolean", default: false },
  warm: { type: "boolean", default: false },
  profile: { type: "boolean", default: false },
  reader: { type: "boolean", default: false },
  keep: { type: "boolean", default: false },
  "slice-size": { type: "string" },
  shards: { type: "string" },
} as const;
const values = (() => {
  try {
    return parseArgs({ options }).values;
  } catch (error) {
    return usageError(`${(error as Error).message}\nusage: npm run bench -- [--articles N] [--dir DIR] [--hugo [--hugo-pagefind]] [--warm] [--profile] [--reader] [--keep] [--slice-size N] | --articles N --shards S`);
  }
})();
const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 1) usageError(`--articles must be a positive whole number, not ${values.articles}`);
const shardCount = values.shards === undefined ? 0 : Number(values.shards);
if (values.shards !== undefined && (!Number.isInteger(shardCount) || shardCount < 1)) usageError(`--shards must be a positive whole number, not ${values.shards}`);
if (shardCount && (values.warm || values.profile || values.reader || values.hugo)) usageError("--shards measures cold shard builds and the merge: leave out --warm, --profile, --reader and --hugo");
if (values["hugo-pagefind"] && !values.hugo) usageError("--hugo-pagefind indexes Hugo's output: add --hugo");
const hugoVersion = values.hugo ? installedHugo() : undefined;

/** Hugo's version, or a usage error naming how to install it. */
function installedHugo(): string {
  const result = spawnSync("hugo", ["version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) usageError("--hugo runs Hugo, and `hugo` is not on PATH: install it (Debian and Ubuntu: apt-get install hugo; elsewhere https://gohugo.io/installation/) or leave out --hugo");
  return /v(\d+\.\d+\.\d+)/.exec(result.stdout)?.[1] ?? result.stdout.trim();
}

const root = path.resolve(values.dir ?? mkdtempSync(path.join(tmpdir(), "newsroom-bench-")));
// A cold build starts without caches, and a reused --dir without an earlier run's posts;
// a folder the bench did not make is never emptied.
const marker = path.join(root, ".newsroom-bench");
if (existsSync(root) && readdirSync(root).length && !existsSync(marker)) usageError(`--dir ${root} holds files the bench did not make: give it an empty or new folder`);
for (const folder of ["posts", ".cache", "_site", "_shards", "_hugo"]) rmSync(path.join(root, folder), { recursive: true, force: true });
const generationStart = performance.now();
generateCorpus(root, { articles });
writeFileSync(marker, "made by npm run bench\n");
const generationSeconds = (performance.now() - generationStart) / 1000;
const hugoFolder = path.join(root, "_hugo");

interface Report {
  phases: PhaseRecord[];
  peakMemoryMiB: Record<string, number>;
  childCpuMs: Record<string, number>;
}

/** A fixed clock: every generated article is published, whatever day the bench runs (and every shard publishes the same). */
const BENCH_NOW = "2026-07-01T00:00:00-05:00";
const sliceArgs = values["slice-size"] ? ["--slice-size", values["slice-size"]] : [];

/** A run of scripts/build.ts, as the bench measured it. */
interface Measured {
  wallSeconds: number;
  /** Its phase report, when one was asked for. */
  report?: Report;
  /** Its last line of output: what the build did. */
  lastLine: string;
}

/** Fails the bench with a command's output, without a stack trace. */
function failed(what: string, result: { stdout: string; stderr: string }): never {
  console.error(`${what} failed:\n${result.stdout}\n${result.stderr}`);
  process.exit(1);
}

/** Runs scripts/build.ts with `args` (and `nodeOptions` for its Node process); its phase report goes to `reportFile`. */
function runBuildScript(args: string[], reportFile?: string, nodeOptions: string[] = []): Measured {
  const started = performance.now();
  const result = spawnSync(process.execPath, [...nodeOptions, ...process.execArgv, path.join(projectRoot, "scripts/build.ts"), ...args], {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, ...(reportFile ? { NEWSROOM_PHASES: reportFile } : {}), NEWSROOM_NOW: BENCH_NOW },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallSeconds = (performance.now() - started) / 1000;
  if (result.status !== 0) failed(`npm run build -- ${args.join(" ")}`, result);
  return {
    wallSeconds,
    report: reportFile ? (JSON.parse(readFileSync(reportFile, "utf8")) as Report) : undefined,
    lastLine: result.stdout.trimEnd().split("\n").at(-1) ?? "",
  };
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

/** A build of the publication into `_site`, with its phase report. */
type MeasuredBuild = Measured & { report: Report };

function build(label: string): MeasuredBuild {
  const profile = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.join(root, "profile")}`] : [];
  return runBuildScript(["--content", root, "--output", path.join(root, "_site"), ...sliceArgs], path.join(root, `phases-${label}.json`), profile) as MeasuredBuild;
}

/** The files of a built site, relative to it. */
function filesOf(site: string): { files: string[]; bytes: number } {
  const files = (readdirSync(site, { recursive: true }) as string[]).filter((file) => statSync(path.join(site, file)).isFile());
  return { files, bytes: files.reduce((sum, file) => sum + statSync(path.join(site, file)).size, 0) };
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const mib = (value: number) => Math.round(value).toLocaleString("en");

/** The cold build's table: each phase's wall and CPU time, every process's peak memory, the output. */
function printBuild(label: string, { wallSeconds, report }: MeasuredBuild): void {
  const output = path.join(root, "_site");
  const { files, bytes } = filesOf(output);
  const pages = files.filter((file) => file.endsWith(".html")).length;
  const row = (name: string, wall: string, cpu: string) => `${name.padEnd(22)}${wall.padStart(9)}${cpu.padStart(12)}`;
  const phaseWall = report.phases.reduce((sum, entry) => sum + entry.wallMs, 0);
  const phaseCpu = report.phases.reduce((sum, entry) => sum + entry.cpuMs, 0);
  console.log(`\n${label} build of ${articles.toLocaleString("en")} articles (${root})`);
  console.log(row("phase", "wall s", "node cpu s"));
  for (const entry of report.phases) console.log(row(entry.name, seconds(entry.wallMs), seconds(entry.cpuMs)));
  console.log(row("startup and loading", (wallSeconds - phaseWall / 1000).toFixed(2), ""));
  console.log(row("total", wallSeconds.toFixed(2), seconds(phaseCpu)));
  const memory = Object.entries(report.peakMemoryMiB).map(([process, value]) => `${process} ${Math.round(value)} MiB`);
  console.log(`peak memory per process: ${memory.join(", ")}`);
  const childCpu = Object.entries(report.childCpuMs).filter(([, ms]) => ms >= 10).map(([process, ms]) => `${process} ${seconds(ms)} s`);
  if (childCpu.length) console.log(`CPU of child processes (alongside the phases): ${childCpu.join(", ")}`);
  console.log(`output: ${pages.toLocaleString("en")} pages, ${files.length.toLocaleString("en")} files, ${(bytes / 2 ** 20).toFixed(1)} MiB; ${Math.round(pages / wallSeconds).toLocaleString("en")} pages/s`);
}

/** The wall time of our build without its last phase of search indexing (Pagefind finishing after the last page is rendered). */
function withoutSearchIndex({ wallSeconds, report }: MeasuredBuild): number | undefined {
  const phase = report.phases.find(({ name }) => name === "search index");
  return phase && wallSeconds - phase.wallMs / 1000;
}

/** Runs `command` in a child process, sampling its peak memory and CPU time (by process name, from /proc). */
async function measureProcess(command: string, args: string[]): Promise<{ wallSeconds: number; usage: ReturnType<ProcessSampler["stop"]> }> {
  const sampler = new ProcessSampler();
  const started = performance.now();
  const child = spawn(command, args, { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  const status = await new Promise<number | null>((resolve, reject) => child.on("error", reject).on("close", resolve));
  const wallSeconds = (performance.now() - started) / 1000;
  const usage = sampler.stop();
  if (status !== 0) failed(`${path.basename(command)} ${args.join(" ")}`, { stdout, stderr });
  return { wallSeconds, usage };
}

/**
 * Hugo on the same articles, right after our cold build: its wall time, CPU, peak memory and
 * pages, and our wall time over Hugo's, with and without our search indexing.
 */
async function compareWithHugo(ours: MeasuredBuild, hugoSite: { articles: number }): Promise<void> {
  const source = path.join(hugoFolder, "source");
  const destination = path.join(hugoFolder, "public");
  const hugo = await measureProcess("hugo", ["--quiet", "--source", source, "--destination", destination, "--cacheDir", path.join(hugoFolder, "cache")]);
  const { files, bytes } = filesOf(destination);
  // Hugo writes page/1/ of every paged listing as a redirect to the listing.
  const redirects = files.filter((file) => /(^|\/)page\/1\/index\.html$/.test(file)).length;
  const pages = files.filter((file) => file.endsWith(".html")).length - redirects;
  const ourFiles = filesOf(path.join(root, "_site")).files;
  const ourPages = ourFiles.filter((file) => file.endsWith(".html")).length;
  const articleParts = ourFiles.filter((file) => /^\d{4}\/\d{2}\/[^/]+\/(\d+|all)\/index\.html$/.test(file)).length;
  const cpu = (hugo.usage.childCpuMs.hugo ?? 0) / 1000;
  console.log(`\nHugo ${hugoVersion} on the same ${hugoSite.articles.toLocaleString("en")} articles, right after ours (${source})`);
  console.log(`hugo --quiet: ${hugo.wallSeconds.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU, peak memory ${mib(hugo.usage.peakMemoryMiB.hugo ?? 0)} MiB; ${pages.toLocaleString("en")} pages (and ${redirects.toLocaleString("en")} page/1/ redirects), ${files.length.toLocaleString("en")} files, ${(bytes / 2 ** 20).toFixed(1)} MiB`);
  console.log(`ours / Hugo: ${(ours.wallSeconds / hugo.wallSeconds).toFixed(2)}× (ours ${ours.wallSeconds.toFixed(2)} s, ${ourPages.toLocaleString("en")} pages)`);
  const withoutSearch = withoutSearchIndex(ours);
  if (withoutSearch !== undefined) {
    console.log(`ours without the "search index" phase / Hugo: ${(withoutSearch / hugo.wallSeconds).toFixed(2)}× (ours ${withoutSearch.toFixed(2)} s; Pagefind's indexing still shares the CPU while pages render)`);
  }
  console.log(
    `not alike: Hugo copies the lead images as they are (ours encodes sized WebP and JPEG, cached after the cold build); renders a multi-page article as one page (ours wrote ${articleParts.toLocaleString("en")} more pages for their parts and "view all"); builds no search index (ours: Pagefind)`,
  );
  if (values["hugo-pagefind"]) {
    const pagefind = await measureProcess(process.execPath, [path.join(projectRoot, "node_modules/pagefind/lib/runner/bin.cjs"), "--site", destination, "--silent"]);
    const total = hugo.wallSeconds + pagefind.wallSeconds;
    console.log(`Hugo, then Pagefind's CLI on its output (one bundle, the article element only, as ours): ${pagefind.wallSeconds.toFixed(2)} s more, ${total.toFixed(2)} s in all; ours / that: ${(ours.wallSeconds / total).toFixed(2)}×`);
  }
}

/** One incremental rebuild after `edit`: its wall time, peak memory and the build's own summary. */
interface WarmRow {
  label: string;
  edit: Edit;
  build: MeasuredBuild;
}

/** The warm rows: each change, its rebuild's wall time and peak memory, and the build's last line; then each rebuild's phases. */
function printWarmRows(rows: WarmRow[]): void {
  console.log(`\nincremental rebuilds of ${articles.toLocaleString("en")} articles, one change each, one after another`);
  const row = (label: string, wall: string, node: string, indexer: string, line: string) => `${label.padEnd(22)}${wall.padStart(9)}${node.padStart(10)}${indexer.padStart(14)}  ${line}`;
  console.log(row("change", "wall s", "node MiB", "pagefind MiB", "the build's last line"));
  for (const { label, build: measured } of rows) {
    const peaks = Object.entries(measured.report.peakMemoryMiB);
    // Pagefind's indexer, when the rebuild started it (and it lived long enough to be sampled).
    const indexer = peaks.filter(([name]) => name.startsWith("pagefind")).map(([, value]) => value);
    console.log(row(label, measured.wallSeconds.toFixed(2), mib(measured.report.peakMemoryMiB.node ?? 0), indexer.length ? mib(Math.max(...indexer)) : "-", measured.lastLine));
  }
  for (const { label, edit, build: measured } of rows) {
    const phases = measured.report.phases.map(({ name, wallMs }) => `${name} ${seconds(wallMs)}`).join(", ");
    console.log(`${label} (${edit.file}): ${phases}`);
  }
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
// The Hugo site is written before our build and Hugo runs right after it, so both see the same machine.
const hugoSite = values.hugo ? writeHugoSite(root, path.join(hugoFolder, "source")) : undefined;
if (shardCount) buildShards(shardCount);
else {
  const cold = build("cold");
  printBuild("cold", cold);
  if (hugoSite) await compareWithHugo(cold, hugoSite);
}
if (values.warm) {
  const rows: WarmRow[] = [];
  const rebuild = (label: string, edit: Edit) => rows.push({ label, edit, build: build(`warm-${rows.length + 1}`) });
  rebuild("new article", addOneArticle(root));
  const edited = editOldArticle(root);
  rebuild("edited old article", edited);
  rebuild("changed author bio", changeAuthorBio(root, edited.authorId));
  printWarmRows(rows);
}
if (values.profile) printProfile();
if (values.reader) await measureReader();
if (!values.keep && !values.dir) rmSync(root, { recursive: true, force: true });
