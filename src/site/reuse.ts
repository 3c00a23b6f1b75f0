// Incremental builds: which pages this build renders and which it takes, byte for byte, from
// the site the previous build wrote. After each build, a record of every page it wrote — its
// fingerprint (fingerprints.ts) and the file with its size, time, inode and hash — is kept in
// the publication's .cache/build/. The next build into the same folder renders a page only
// when its fingerprint changed or its file is not the one recorded (edited, replaced, gone);
// everything else is hard-linked from the previous site into the new one. A file whose time or
// inode changed but not its bytes (a site and .cache/ restored by a CI cache) is still reused.
// A record that cannot be read, or describes another folder, makes a cold build, said in one line.
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { copyFile, link } from "node:fs/promises";
import path from "node:path";
import { outputFileOf } from "../urls/index.ts";
import type { Build } from "./build.ts";
import { fingerprintsOf } from "./fingerprints.ts";
import type { PageEntry } from "./registry.ts";
import { entriesOfBuild } from "./shards.ts";

/** Bumped when the record's shape changes: an older record is then not read. */
const RECORD_FORMAT = 2;

interface RecordedPage {
  fingerprint: string;
  /** The page's file, relative to the site folder, `/`-separated. */
  file: string;
  size: number;
  mtimeMs: number;
  ino: number;
  /** SHA-256 of its bytes, for a file whose time or inode changed since. */
  sha256: string;
}

interface BuildRecord {
  format: number;
  /** The site folder the record describes. */
  site: string;
  pages: Record<string, RecordedPage>;
}

export interface ReusePlan {
  /** The site unchanged pages are taken from; none for a cold build. */
  previousSite?: string;
  /** One line for the build to print when an earlier build's record could not be used. */
  notice?: string;
  /** Whether this build renders the entry: one of its own entries whose previous page cannot be reused. */
  renders(entry: PageEntry): boolean;
  /** Entries of this build taken from the previous site, with the file each is taken from. */
  reused: Map<PageEntry, string>;
  /** The hash of each reused entry's file, as recorded. */
  reusedHashes: Map<PageEntry, string>;
  /** How many entries of this build are rendered. */
  renderedCount: number;
}

/** The reuse plan of a build, made once. */
export const reusePlanOf = (build: Build): ReusePlan => build.memo(planReuse);

/** Where the record of the site built into `site` is kept. */
function recordFile(root: string, site: string): string {
  return path.join(root, ".cache", "build", `${createHash("sha256").update(path.resolve(site)).digest("hex").slice(0, 16)}.json`);
}

function planReuse(build: Build): ReusePlan {
  const entries = entriesOfBuild(build);
  const mine = new Set(entries);
  const cold = (notice?: string): ReusePlan => ({ notice, renders: (entry) => mine.has(entry), reused: new Map(), reusedHashes: new Map(), renderedCount: entries.length });
  const { previousSite, root } = build.options;
  if (!previousSite || !existsSync(previousSite)) return cold();
  const file = recordFile(root, previousSite);
  if (!existsSync(file)) return cold();
  const record = readRecord(file, previousSite);
  if (typeof record === "string") return cold(`The record of the last build (${path.relative(root, file)}) ${record}: this build renders every page.`);

  const fingerprints = fingerprintsOf(build);
  const reused = new Map<PageEntry, string>();
  const reusedHashes = new Map<PageEntry, string>();
  for (const entry of entries) {
    const fingerprint = fingerprints.get(entry);
    const previous = record.pages[entry.url];
    // The file is where the URL puts it, never where the record says: a record is not trusted to name files.
    if (!fingerprint || previous?.fingerprint !== fingerprint || previous.file !== outputFileOf(entry.url)) continue;
    const previousFile = path.join(previousSite, previous.file);
    if (isSameFile(previousFile, previous)) {
      reused.set(entry, previousFile);
      reusedHashes.set(entry, previous.sha256);
    }
  }
  return { previousSite, renders: (entry) => mine.has(entry) && !reused.has(entry), reused, reusedHashes, renderedCount: entries.length - reused.size };
}

/** The record, or why it cannot be used. */
function readRecord(file: string, site: string): BuildRecord | string {
  let record: BuildRecord;
  try {
    record = JSON.parse(readFileSync(file, "utf8")) as BuildRecord;
  } catch {
    return "could not be read";
  }
  if (typeof record !== "object" || record === null || typeof record.pages !== "object" || record.pages === null) return "is not a build record";
  if (record.format !== RECORD_FORMAT) return "was written by another version of the kit";
  if (Object.values(record.pages).some((page) => typeof page?.sha256 !== "string" || typeof page.file !== "string")) return "is not a build record";
  if (record.site !== path.resolve(site)) return `describes another folder (${String(record.site)})`;
  return record;
}

/**
 * The file a record describes, unchanged since: the same size, time and inode (a hard link
 * keeps all three), or else the same size and bytes (a copy, a restored cache). A symbolic
 * link is never one: it could point out of the site.
 */
function isSameFile(file: string, recorded: RecordedPage): boolean {
  const stats = lstatSync(file, { throwIfNoEntry: false });
  if (!stats?.isFile() || stats.size !== recorded.size) return false;
  return (stats.mtimeMs === recorded.mtimeMs && stats.ino === recorded.ino) || hashOf(file) === recorded.sha256;
}

const hashOf = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 32);

/**
 * Puts the pages the build takes from the previous site into `staging`, as hard links: the
 * same bytes, at no cost in time or disk. (Copied where links are refused: another disk.)
 * The previous site is never written to: its files are replaced by renaming, never rewritten.
 */
export async function takeReusedPages(build: Build, staging: string): Promise<void> {
  const { previousSite, reused } = reusePlanOf(build);
  const pairs = [...reused.values()].map((previousFile) => ({ previousFile, target: path.join(staging, path.relative(previousSite!, previousFile)) }));
  for (const folder of new Set(pairs.map(({ target }) => path.dirname(target)))) mkdirSync(folder, { recursive: true });
  // Many at once: each link waits on the file system, not on this process.
  const LINKS_AT_ONCE = 64;
  for (let from = 0; from < pairs.length; from += LINKS_AT_ONCE) {
    await Promise.all(pairs.slice(from, from + LINKS_AT_ONCE).map(({ previousFile, target }) => linkOrCopy(previousFile, target)));
  }
}

async function linkOrCopy(file: string, target: string): Promise<void> {
  try {
    await link(file, target);
  } catch (error) {
    if (!["EXDEV", "EPERM", "EMLINK"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
    await copyFile(file, target);
  }
}

/**
 * Records the pages of a build that has just been put in place at `site`: the next build
 * into the same folder reads it. Written under a temporary name and renamed, so a record is
 * whole or absent; a build that fails writes none, and the previous record still describes
 * the site it left untouched.
 */
export function writeBuildRecord(build: Build, site: string): void {
  const fingerprints = fingerprintsOf(build);
  // Pages taken from the previous site keep their hash; only the pages rendered now are read.
  const { reusedHashes } = reusePlanOf(build);
  const pages: Record<string, RecordedPage> = {};
  for (const entry of entriesOfBuild(build)) {
    const fingerprint = fingerprints.get(entry);
    if (!fingerprint) continue;
    const file = outputFileOf(entry.url);
    const stats = statSync(path.join(site, file), { throwIfNoEntry: false });
    if (!stats?.isFile()) continue;
    const sha256 = reusedHashes.get(entry) ?? hashOf(path.join(site, file));
    pages[entry.url] = { fingerprint, file, size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino, sha256 };
  }
  const record: BuildRecord = { format: RECORD_FORMAT, site: path.resolve(site), pages };
  const target = recordFile(build.options.root, site);
  mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(record));
  renameSync(temporary, target);
}
