// `npm run build -- --merge DIR…`: puts the folders of `--shard K/N` builds together into the
// site, under the output's lock and through a staging folder swapped in whole, as a build
// does. Before writing anything it checks that the folders are shards 1..N of one split, each
// once, built with the same settings, kit and content as the content folder the merge reads,
// and that every page and file of the page registry (recomputed from that folder) comes from
// exactly one shard. Files that are not pages of the registry (stylesheets, scripts, image
// renditions) are written by every shard that needs them: the merge keeps one copy and refuses
// copies that differ. What belongs to the whole site (the search page listing every bundle,
// sitemaps, feeds) is a page of the registry like any other, written by one shard.
import { copyFile, link, mkdir, readFile, realpath, rm } from "node:fs/promises";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import { formatReport } from "../content/problems.ts";
import { englishCount } from "../i18n/index.ts";
import { searchBundles } from "../site/runs.ts";
import { registryOf } from "../site/registry.ts";
import { buildClock } from "./options.ts";
import { checkPublication } from "./check.ts";
import { runLocked, stagingFolder, swapIn, type LockedAttempt } from "./build.ts";
import { kitFingerprint } from "../site/kit.ts";
import { contentFingerprint, MANIFEST_FILE, type ShardManifest, type ShardSettings } from "./shard-manifest.ts";

export interface MergeOptions {
  /** The shards' folders, in any order. */
  folders: string[];
  /** Where the site goes. */
  output: string;
  /** The publication folder the shards were built from. */
  root: string;
  wait?: boolean;
  debug?: boolean;
}

/** Problems listed before the merge gives up counting. */
const MAX_LISTED = 20;

export async function mergeShards(options: MergeOptions): Promise<number> {
  const output = path.resolve(options.output);
  return runLocked(output, options, new MergeAttempt(output, options));
}

interface LoadedShard {
  folder: string;
  manifest: ShardManifest;
  name: string;
}

class MergeAttempt implements LockedAttempt {
  private readonly staging: string;
  private doing = "reading the shards' manifests";
  private swapped = false;

  constructor(
    private readonly output: string,
    private readonly options: MergeOptions,
  ) {
    this.staging = stagingFolder(output);
  }

  async run(): Promise<number> {
    const { shards, problems } = await this.verify();
    if (problems.length) {
      const listed = problems.slice(0, MAX_LISTED);
      if (problems.length > listed.length) listed.push(`…and ${problems.length - listed.length} more problems`);
      console.error(listed.join("\n"));
      console.error(`Merge stopped before writing anything: ${this.output} is unchanged.`);
      return 1;
    }
    this.doing = "copying the shards' files";
    const fileCount = await this.assemble(shards);
    this.doing = "putting the new site in place";
    swapIn(this.staging, this.output);
    this.swapped = true;
    console.log(`Merged ${englishCount(shards.length, "shard", "shards")} (${englishCount(fileCount, "file", "files")}) into ${path.relative(process.cwd(), this.output) || this.output}.`);
    return 0;
  }

  /** Every check, before anything is written: the shards found, or the problems, one line each. */
  private async verify(): Promise<{ shards: LoadedShard[]; problems: string[] }> {
    const problems: string[] = [];
    const shards: LoadedShard[] = [];
    const seen = new Map<string, string>();
    for (const given of this.options.folders) {
      const folder = path.resolve(given);
      const real = await realpath(folder).catch(() => undefined);
      if (!real) {
        problems.push(`${given}: no such folder — name the folders npm run build -- --shard K/N wrote`);
        continue;
      }
      if (seen.has(real)) {
        problems.push(`${given}: given twice (also as ${seen.get(real)}) — name each shard's folder once`);
        continue;
      }
      seen.set(real, given);
      const manifest = await readManifest(folder);
      if (typeof manifest === "string") problems.push(`${given}: ${manifest}`);
      else shards.push({ folder, manifest, name: `shard ${manifest.shard.index}/${manifest.shard.count} (${given})` });
    }
    if (problems.length || !shards.length) return { shards, problems: problems.length ? problems : ["no shard folders given — npm run build -- --merge _shards/1 _shards/2 …"] };

    const count = shards[0]!.manifest.shard.count;
    for (const shard of shards) if (shard.manifest.shard.count !== count) problems.push(`${shard.name}: one of ${shard.manifest.shard.count} shards, but ${shards[0]!.name} is one of ${count} — merge the shards of one split`);
    if (problems.length) return { shards, problems };
    for (let index = 1; index <= count; index++) {
      const found = shards.filter((shard) => shard.manifest.shard.index === index);
      if (!found.length) problems.push(`shard ${index}/${count} is missing — build it with npm run build -- --shard ${index}/${count} and name its folder`);
      if (found.length > 1) problems.push(`shard ${index}/${count} appears ${found.length} times: ${found.map(({ folder }) => path.relative(process.cwd(), folder) || folder).join(", ")} — a copy of one shard? Name each shard's folder once`);
    }
    if (problems.length) return { shards, problems };
    shards.sort((a, b) => a.manifest.shard.index - b.manifest.shard.index);

    const settings = shards[0]!.manifest.settings;
    for (const shard of shards.slice(1)) {
      const differences = settingsDifferences(shard.manifest.settings, settings);
      if (differences) problems.push(`${shard.name}: built with ${differences} than ${shards[0]!.name} — build every shard with the same NEWSROOM_NOW and options`);
    }
    const kit = kitFingerprint();
    for (const shard of shards) if (shard.manifest.kit !== kit) problems.push(`${shard.name}: built with another version of the kit (${shard.manifest.kit}; this merge runs ${kit}) — build every shard and the merge from the same commit`);
    if (problems.length) return { shards, problems };

    this.doing = "checking the content";
    const check = await checkPublication({ root: this.options.root, output: this.staging, now: clockOf(settings), includeUnpublished: settings.includeUnpublished, articlesPerSlice: settings.articlesPerSlice });
    if (!check.build) return { shards, problems: [...formatReport(check.problems), `the content in ${this.options.root} does not pass the check, so no shard could have been built from it`] };
    const build = check.build;
    const content = contentFingerprint(build);
    for (const shard of shards) {
      if (shard.manifest.content !== content) problems.push(`${shard.name}: built from other content than ${this.options.root} (fingerprint ${shard.manifest.content.slice(0, 12)}…, the content folder gives ${content.slice(0, 12)}…) — build every shard from the same commit and merge it there`);
    }
    if (problems.length) return { shards, problems };

    this.doing = "checking that every page comes from one shard";
    problems.push(...coverageProblems(shards, build));
    return { shards, problems };
  }

  /** Links (or copies) each file once into the staging folder; returns how many. */
  private async assemble(shards: LoadedShard[]): Promise<number> {
    const sources = new Map<string, LoadedShard>();
    for (const shard of shards) for (const file of Object.keys(shard.manifest.files)) if (!sources.has(file)) sources.set(file, shard);
    await rm(this.staging, { recursive: true, force: true });
    const folders = new Map<string, Promise<unknown>>();
    const queue = [...sources];
    const worker = async () => {
      for (let next = queue.pop(); next; next = queue.pop()) {
        const [file, shard] = next;
        const source = path.join(shard.folder, file);
        const target = path.join(this.staging, file);
        const folder = path.dirname(target);
        if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
        await folders.get(folder);
        if (!existsSync(source)) throw new Error(`${shard.name}: ${file} is in its manifest but not in its folder — the folder is incomplete (an upload cut short?); build the shard again`);
        // A hard link costs no copy; across file systems, a copy.
        await link(source, target).catch(() => copyFile(source, target));
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    return sources.size;
  }

  interrupt(signal: NodeJS.Signals): void {
    console.error(`\nMerge stopped by ${signal}: ${this.swapped ? `the new site was already in place in ${this.output}` : `${this.output} is unchanged`}.`);
    this.removeTemporaryFolders();
  }

  removeTemporaryFolders(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }

  failure(error: Error): string {
    const outcome = this.swapped ? `the new site is in place in ${this.output}` : `nothing was changed: ${this.output} is as it was`;
    return `Merge failed while ${this.doing}: ${error.message.split("\n")[0]} — ${outcome}. Run with --debug for the full trace.`;
  }
}

async function readManifest(folder: string): Promise<ShardManifest | string> {
  const file = path.join(folder, MANIFEST_FILE);
  if (!existsSync(file)) return `no ${MANIFEST_FILE} — not a folder written by npm run build -- --shard K/N (or the manifest was left out of the artifact)`;
  try {
    const manifest = JSON.parse(await readFile(file, "utf8")) as ShardManifest;
    if (!manifest.shard || !manifest.settings || !manifest.files || !manifest.content || !manifest.kit) throw new Error("fields are missing");
    return manifest;
  } catch (error) {
    return `${MANIFEST_FILE} is not a shard manifest (${(error as Error).message}) — build the shard again`;
  }
}

function settingsDifferences(mine: ShardSettings, theirs: ShardSettings): string | undefined {
  const differences: string[] = [];
  if (mine.now !== theirs.now) differences.push(`another clock (NEWSROOM_NOW=${mine.now}, not ${theirs.now})`);
  if (mine.articlesPerSlice !== theirs.articlesPerSlice) differences.push(`another --slice-size (${mine.articlesPerSlice}, not ${theirs.articlesPerSlice})`);
  if (mine.includeUnpublished !== theirs.includeUnpublished) differences.push(mine.includeUnpublished ? "--drafts" : "no --drafts");
  return differences.length ? differences.join(" and ") : undefined;
}

const clockOf = (settings: ShardSettings): DateTime => buildClock(settings.now);

/** A registry URL's file in the site: /2025/03/story/ → 2025/03/story/index.html. */
const fileOfUrl = (url: string): string => decodeURI(url).replace(/^\/+/, "") + (url.endsWith("/") ? "index.html" : "");

/**
 * Every page and file of the registry, and every search bundle, from exactly one shard; the
 * other files written by several shards byte-identical.
 */
function coverageProblems(shards: LoadedShard[], build: Parameters<typeof registryOf>[0]): string[] {
  const problems: string[] = [];
  const writers = new Map<string, LoadedShard[]>();
  for (const shard of shards) {
    for (const file of Object.keys(shard.manifest.files)) {
      const list = writers.get(file);
      if (list) list.push(shard);
      else writers.set(file, [shard]);
    }
  }
  const names = (list: LoadedShard[]) => list.map(({ manifest }) => `${manifest.shard.index}/${manifest.shard.count}`).join(" and ");
  const owned = new Set<string>();
  const expect = (file: string, what: string) => {
    owned.add(file);
    const list = writers.get(file) ?? [];
    if (!list.length) problems.push(`${what}: written by no shard (${file}) — build the shards again from the same commit`);
    if (list.length > 1) problems.push(`${what}: written by shards ${names(list)} — each page must come from one shard; build the shards again`);
  };
  for (const entry of registryOf(build).entries) expect(fileOfUrl(entry.url), entry.url);
  for (const bundle of searchBundles(build.publication.articles.length, build.options.articlesPerSlice)) {
    if (build.publication.articles.length) expect(`${decodeURI(bundle.url).replace(/^\/+/, "")}pagefind-entry.json`, `search bundle ${bundle.url}`);
  }
  for (const [file, list] of writers) {
    if (owned.has(file) || list.length < 2) continue;
    const hashes = new Set(list.map(({ manifest }) => manifest.files[file]));
    if (hashes.size > 1) problems.push(`${file}: shards ${names(list)} wrote different copies — build every shard from the same commit`);
  }
  return problems;
}
