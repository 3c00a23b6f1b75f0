// Responsive images: each source file is encoded once per width and format into a cache
// that survives builds (a rebuild re-encodes nothing), then the files a build uses are
// copied into its output. Cache entries are written under a temporary name and renamed, so
// a killed build or two builds at once never leave a truncated file under a real name; an
// entry whose files do not match what was written is deleted and encoded again.
import { createHash } from "node:crypto";
import { readFileSync, unlinkSync } from "node:fs";
import { copyFile, mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Image from "@11ty/eleventy-img";
import { imageFolderUrl } from "../urls/index.ts";

export { imageProblem } from "./inspect.ts";

export interface PictureSource {
  type: string;
  srcset: string;
}

/** Everything a <picture> needs; the template only displays it. */
export interface Picture {
  sources: PictureSource[];
  src: string;
  width: number;
  height: number;
  /** The largest JPEG rendition, for social cards, feeds and structured data. */
  largest: Rendition;
  /** The smallest JPEG rendition, for search-result thumbnails. */
  thumbnail: string;
}

/** One encoded file. */
export interface Rendition {
  url: string;
  width: number;
  height: number;
  /** Bytes. */
  size: number;
}

interface EncodedFile extends Rendition {
  sourceType: string;
  srcset: string;
  filename: string;
}

const FORMATS = ["webp", "jpeg"] as const;
type Format = (typeof FORMATS)[number];
type Renditions = Record<Format, EncodedFile[]>;

/**
 * Where a publication keeps what it computes between builds (`.cache/`): processed images in
 * `images/` (the files of /assets/img/), what each source gave in `image-entries/`.
 */
export const cacheFolder = (root: string): string => path.join(root, ".cache");

const ELEVENTY_IMG_VERSION = (JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.resolve("@11ty/eleventy-img"))), "package.json"), "utf8")) as { version: string }).version;

/** Temporary files older than this were left by a build that was killed: removed. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

export class ImageError extends Error {
  constructor(
    readonly sourceFile: string,
    cause: unknown,
  ) {
    super(`could not process the image ${sourceFile}: ${(cause as Error).message ?? String(cause)}`, { cause });
  }
}

export class ImageProcessor {
  private readonly results = new Map<string, Promise<Picture>>();
  private readonly usedFiles = new Set<string>();
  /** Cache files being written now, removed if the build is interrupted. */
  private readonly writing = new Set<string>();

  /** Encoded files, as the site serves them. */
  private readonly cacheDir: string;
  /** One manifest per source and widths: the files encoded from it. */
  private readonly entriesDir: string;

  /** @param cache the publication's cache folder (`cacheFolder`) */
  constructor(cache: string) {
    this.cacheDir = path.join(cache, "images");
    this.entriesDir = path.join(cache, "image-entries");
  }

  /** Renditions of a source file at the given widths (never wider than a raster source). */
  picture(sourceFile: string, widths: readonly number[]): Promise<Picture> {
    const key = `${sourceFile}|${widths.join(",")}`;
    let result = this.results.get(key);
    if (!result) {
      result = this.process(sourceFile, widths).catch((cause: unknown) => {
        throw cause instanceof ImageError ? cause : new ImageError(sourceFile, cause);
      });
      this.results.set(key, result);
    }
    return result;
  }

  private async process(sourceFile: string, widths: readonly number[]): Promise<Picture> {
    const source = await readFile(sourceFile);
    const manifest = path.join(this.entriesDir, `${this.entryKey(source, widths)}.json`);
    const renditions = (await this.readEntry(manifest)) ?? (await this.encode(sourceFile, widths, manifest));
    for (const rendition of [...renditions.webp, ...renditions.jpeg]) this.usedFiles.add(rendition.filename);
    const jpeg = renditions.jpeg;
    const fallback = jpeg[jpeg.length - 1]!;
    return {
      sources: FORMATS.map((format) => ({
        type: renditions[format][0]!.sourceType,
        srcset: renditions[format].map((rendition) => rendition.srcset).join(", "),
      })),
      src: fallback.url,
      width: fallback.width,
      height: fallback.height,
      largest: { url: fallback.url, width: fallback.width, height: fallback.height, size: fallback.size },
      thumbnail: jpeg[0]!.url,
    };
  }

  /** Same encoder, widths, formats and source bytes: the same files. */
  private entryKey(source: Buffer, widths: readonly number[]): string {
    return createHash("sha256").update(`eleventy-img ${ELEVENTY_IMG_VERSION} ${FORMATS.join(",")} ${widths.join(",")}\n`).update(source).digest("hex").slice(0, 32);
  }

  /** A cache entry whose every file is whole, or undefined (its damaged files deleted). */
  private async readEntry(manifest: string): Promise<Renditions | undefined> {
    let renditions: Renditions;
    try {
      renditions = JSON.parse(await readFile(manifest, "utf8")) as Renditions;
    } catch {
      return undefined;
    }
    const files = [...renditions.webp, ...renditions.jpeg];
    const whole = await Promise.all(files.map((rendition) => isWholeFile(path.join(this.cacheDir, rendition.filename), rendition.size)));
    if (whole.every(Boolean)) return renditions;
    await Promise.all(files.map((rendition, index) => (whole[index] ? undefined : rm(path.join(this.cacheDir, rendition.filename), { force: true }))));
    return undefined;
  }

  /** Encodes every rendition in memory, then writes each file and last the entry's manifest. */
  private async encode(sourceFile: string, widths: readonly number[], manifest: string): Promise<Renditions> {
    const encoded = (await Image(sourceFile, {
      widths: [...widths],
      formats: [...FORMATS],
      outputDir: this.cacheDir,
      urlPath: imageFolderUrl,
      svgShortCircuit: false,
      // Nothing written by eleventy-img (it would write in place) and nothing kept in its memory cache.
      dryRun: true,
      useCache: false,
    })) as Record<Format, (EncodedFile & { buffer: Buffer })[]>;
    await mkdir(this.cacheDir, { recursive: true });
    await mkdir(this.entriesDir, { recursive: true });
    const strip = ({ buffer, ...rendition }: EncodedFile & { buffer: Buffer }): EncodedFile => rendition;
    await Promise.all([...encoded.webp, ...encoded.jpeg].map((rendition) => this.writeAtomically(path.join(this.cacheDir, rendition.filename), rendition.buffer)));
    const renditions: Renditions = { webp: encoded.webp.map(strip), jpeg: encoded.jpeg.map(strip) };
    await this.writeAtomically(manifest, JSON.stringify(renditions));
    return renditions;
  }

  /** Another build writing the same file at the same time writes the same bytes: the last rename wins. */
  private async writeAtomically(file: string, data: string | Buffer): Promise<void> {
    const temporary = `${file}.${process.pid}.tmp`;
    this.writing.add(temporary);
    try {
      await writeFile(temporary, data);
      await rename(temporary, file);
    } finally {
      this.writing.delete(temporary);
    }
  }

  /** Removes the cache files this build is writing; for an interrupted build (synchronous, from a signal handler). */
  discardTemporaryFiles(): void {
    for (const file of this.writing) {
      try {
        unlinkSync(file);
      } catch {
        // Renamed or never created.
      }
    }
  }

  /** Removes temporary files that builds killed before they could clean up left in the cache. */
  async removeStaleTemporaryFiles(): Promise<void> {
    const before = Date.now() - STALE_TEMPORARY_MS;
    for (const folder of [this.cacheDir, this.entriesDir]) {
      const names = await readdir(folder).catch(() => [] as string[]);
      for (const name of names.filter((entry) => entry.endsWith(".tmp"))) {
        const file = path.join(folder, name);
        const info = await stat(file).catch(() => undefined);
        if (info && info.mtimeMs < before) await rm(file, { force: true });
      }
    }
  }

  /** Copies every rendition used by this build from the cache into the site. */
  async copyUsedInto(outputDir: string): Promise<void> {
    const target = path.join(outputDir, imageFolderUrl);
    await mkdir(target, { recursive: true });
    await Promise.all([...this.usedFiles].map((file) => copyFile(path.join(this.cacheDir, file), path.join(target, file))));
  }
}

/** The first bytes of each format, and how a whole file ends. */
const SIGNATURES: Record<string, { head: number[]; tail?: number[] }> = {
  jpeg: { head: [0xff, 0xd8], tail: [0xff, 0xd9] },
  webp: { head: [0x52, 0x49, 0x46, 0x46] },
};

/**
 * Whether a cached file is as it was written: its size, and its format's first and last
 * bytes (a WebP file states its own length). Reads 12 bytes from each end, not the image.
 */
async function isWholeFile(file: string, size: number): Promise<boolean> {
  const signature = SIGNATURES[path.extname(file).slice(1)];
  let handle;
  try {
    handle = await open(file, "r");
    const { size: actual } = await handle.stat();
    if (actual !== size || !signature || size < 12) return actual === size;
    const head = Buffer.alloc(12);
    const tail = Buffer.alloc(2);
    await handle.read(head, 0, 12, 0);
    await handle.read(tail, 0, 2, size - 2);
    if (!signature.head.every((byte, index) => head[index] === byte)) return false;
    if (signature.tail && !signature.tail.every((byte, index) => tail[index] === byte)) return false;
    // RIFF: bytes 4–7 are the length of what follows them.
    return path.extname(file) !== ".webp" || head.readUInt32LE(4) + 8 === size;
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}
