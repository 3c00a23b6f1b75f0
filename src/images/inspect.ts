// What the content check says about an image file before the build encodes it: whether the
// decoder reads it at all, whether it has more pixels than the publication allows, and
// whether it decodes whole — read as eleventy-img reads it, so the check and the build agree.
// A full decode costs time, so an image that decoded once is remembered by its bytes' hash.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

export interface ImageCheckOptions {
  /** site.json `maxImagePixels`. */
  maxPixels: number;
  /** The publication's cache folder (`cacheFolder`): images that decoded are remembered in it. */
  cache: string;
}

const FORMATS_HINT = "save it as JPEG, PNG, WebP, AVIF, GIF or SVG";
const megapixels = (pixels: number) => (pixels < 1_000_000 ? `${pixels} pixels` : `${Math.round(pixels / 100_000) / 10} megapixels`);

/** What is wrong with an image file for the build, or undefined when the build can use it. */
export async function imageProblem(file: string, { maxPixels, cache }: ImageCheckOptions): Promise<string | undefined> {
  const bytes = await readFile(file);
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(bytes, { limitInputPixels: false }).metadata());
  } catch {
    return `is not an image the build can read — ${FORMATS_HINT}`;
  }
  if (!width || !height) return `has no width and height the build can read — ${FORMATS_HINT}`;
  if (width * height > maxPixels) {
    return `is ${width} × ${height} pixels (${megapixels(width * height)}), more than the limit of ${megapixels(maxPixels)} — make it smaller (e.g. 4000 pixels wide), or raise maxImagePixels in _data/site.json`;
  }
  const marker = path.join(cache, "image-checks", createHash("sha256").update(bytes).digest("hex").slice(0, 32));
  if (existsSync(marker)) return undefined;
  try {
    // eleventy-img reads images with failOn "none" too: damage it can show past is no error.
    await sharp(bytes, { failOn: "none" }).resize({ width: 32, withoutEnlargement: true }).raw().toBuffer();
  } catch (cause) {
    return `does not decode (${(cause as Error).message}) — the file is damaged or incomplete: export or download it again`;
  }
  await mkdir(path.dirname(marker), { recursive: true });
  const temporary = `${marker}.${process.pid}.tmp`;
  await writeFile(temporary, "");
  await rename(temporary, marker);
  return undefined;
}
