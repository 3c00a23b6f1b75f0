// The content cache: what reading each post file found (article-reading.ts), kept between
// checks in <publication>/.cache/content/ so that a check reads again only the files whose text
// changed. A reading is found by a key made of everything it depends on — the file's path and
// bytes, the site's time zone and embed hosts — and the whole cache belongs to one version of
// the kit's code: another kit never reads it. What a file says about the rest of the
// publication is checked on every check all the same (load.ts).
//
// One file holds every reading: a header line (format, kit, SHA-256 of the rest), then one JSON
// object of readings by key. It is replaced whole (a temporary file renamed over it), keeping
// only the readings this check used.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ArticleReading, ReadingSettings } from "./article-reading.ts";

export interface ContentCacheOptions {
  /** The cache's folder: <publication>/.cache/content. */
  folder: string;
  /** Use what earlier checks left; false reads every file again (the cache is still written). */
  read: boolean;
  /** Where to say, in one line, that the cache could not be used or kept. */
  notice: (message: string) => void;
}

/** Changes whenever what a reading holds changes shape. */
const FORMAT = "newsroom-content-cache/1";
const CACHE_FILE = "articles.json";

interface Header {
  format: string;
  kit: string;
  /** SHA-256 of the rest of the file: a cache cut short or altered is not read. */
  sha256: string;
}

const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

/** SHA-256 (hex) of a file's bytes: Article.digest and StaticPage.digest. */
export const digestOf = (bytes: Uint8Array): string => sha256(bytes);

/** The key of a post's reading: its path, its bytes' digest and the site settings a reading depends on. */
export function readingKey(file: string, digest: string, settings: ReadingSettings): string {
  return sha256(JSON.stringify([file, digest, settings.timezone, settings.embedHosts ?? null]));
}

export class ContentCache {
  /** The readings this check used or made: what the cache holds once saved. */
  private readonly used = new Map<string, ArticleReading>();
  private made = 0;

  private constructor(
    private readonly options: ContentCacheOptions,
    /** The folder as editors know it, for notices: .cache/content. */
    private readonly shownFolder: string,
    private readonly kit: string,
    private readonly kept: ReadonlyMap<string, ArticleReading>,
  ) {}

  /** The cache of a publication (`root`): what earlier checks left, unless `options.read` is false. */
  static async open(root: string, options: ContentCacheOptions): Promise<ContentCache> {
    const shownFolder = path.relative(root, options.folder) || options.folder;
    const kit = kitFingerprint();
    const kept = options.read ? await readCacheFile(path.join(options.folder, CACHE_FILE), kit) : new Map<string, ArticleReading>();
    if (kept === "unreadable") options.notice(`Content cache in ${shownFolder} was unreadable and was rebuilt.`);
    return new ContentCache(options, shownFolder, kit, kept === "unreadable" ? new Map() : kept);
  }

  /** The reading kept for `key` by an earlier check, else the one `read` makes now. */
  reading(key: string, read: () => ArticleReading): ArticleReading {
    let reading = this.kept.get(key);
    if (!reading) {
      reading = read();
      this.made++;
    }
    this.used.set(key, reading);
    return reading;
  }

  /** Writes the readings this check used, when they differ from what the cache held. */
  async save(): Promise<void> {
    if (this.made === 0 && this.used.size === this.kept.size) return;
    const file = path.join(this.options.folder, CACHE_FILE);
    const temporary = `${file}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
    try {
      const body = JSON.stringify(Object.fromEntries(this.used));
      const header: Header = { format: FORMAT, kit: this.kit, sha256: sha256(body) };
      await mkdir(this.options.folder, { recursive: true });
      await writeFile(temporary, `${JSON.stringify(header)}\n${body}`);
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      this.options.notice(`Content cache in ${this.shownFolder} could not be written (${reason}): the next check reads every file again.`);
    }
  }
}

/** The readings of a cache file; none when there is no file or another kit wrote it; "unreadable" when it is not a cache this kit can read. */
async function readCacheFile(file: string, kit: string): Promise<Map<string, ArticleReading> | "unreadable"> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? new Map() : "unreadable";
  }
  const headerEnd = bytes.indexOf(0x0a);
  if (headerEnd < 0) return "unreadable";
  const header = parseJson(bytes.subarray(0, headerEnd).toString("utf8")) as Partial<Header> | undefined;
  if (!header || typeof header !== "object" || header.format !== FORMAT || typeof header.kit !== "string") return "unreadable";
  if (header.kit !== kit) return new Map();
  const body = bytes.subarray(headerEnd + 1);
  if (header.sha256 !== sha256(body)) return "unreadable";
  const readings = parseJson(body.toString("utf8"));
  if (!readings || typeof readings !== "object" || Array.isArray(readings)) return "unreadable";
  return new Map(Object.entries(readings as Record<string, ArticleReading>));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const kitRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const srcRoot = path.join(kitRoot, "src");

/** The relative modules a source file imports or re-exports. */
const IMPORT = /(?:^|\n)\s*(?:import|export)[^"'`;]*?from\s+["'](\.[^"']*)["']|(?:^|\n)\s*import\s+["'](\.[^"']*)["']|import\(\s*["'](\.[^"']*)["']\s*\)/g;

/** Every file of a folder of src/, as a path from the kit's root, in order. */
function filesOf(folder: string): string[] {
  return readdirSync(path.join(srcRoot, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(kitRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/**
 * The kit's code a reading depends on, as one hash: every file of src/content and of each
 * src/ folder it imports, however indirectly (a change elsewhere in the kit keeps the cache);
 * the package's version and lock file (the parsers' versions); Node's (its Unicode tables and
 * time zones).
 */
function kitFingerprint(): string {
  const hash = createHash("sha256");
  const folders = new Set(["content"]);
  const files: string[] = [];
  // A Set visits what is added while it is walked: each folder's imports join the walk.
  for (const folder of folders) {
    for (const file of filesOf(folder)) {
      files.push(file);
      if (!/\.[cm]?[jt]s$/.test(file)) continue;
      for (const match of readFileSync(path.join(kitRoot, file), "utf8").matchAll(IMPORT)) {
        const target = path.relative(srcRoot, path.resolve(path.dirname(path.join(kitRoot, file)), match[1] ?? match[2] ?? match[3]!)).split(path.sep);
        if (target.length > 1 && target[0] !== "..") folders.add(target[0]!);
      }
    }
  }
  // An installed kit has no lock file: its version then stands for its dependencies.
  for (const file of [...files, "package.json", "package-lock.json"].filter((name) => existsSync(path.join(kitRoot, name)))) {
    const bytes = readFileSync(path.join(kitRoot, file));
    hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  }
  const { node, icu, unicode, tz } = process.versions;
  hash.update(JSON.stringify([node, icu, unicode, tz]));
  return hash.digest("hex");
}
