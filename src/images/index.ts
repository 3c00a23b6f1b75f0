// Responsive images: each source file is encoded once per width and format into a cache
// that survives builds (a rebuild re-encodes nothing), then the files a build uses are
// copied into its output.
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import Image from "@11ty/eleventy-img";
import { imageFolderUrl } from "../urls/index.ts";


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

export class ImageProcessor {
  private readonly results = new Map<string, Promise<Picture>>();
  private readonly usedFiles = new Set<string>();

  constructor(private readonly cacheDir: string) {}

  /** Renditions of a source file at the given widths (never wider than an raster source). */
  picture(sourceFile: string, widths: readonly number[]): Promise<Picture> {
    const key = `${sourceFile}|${widths.join(",")}`;
    let result = this.results.get(key);
    if (!result) {
      result = this.process(sourceFile, widths);
      this.results.set(key, result);
    }
    return result;
  }

  private async process(sourceFile: string, widths: readonly number[]): Promise<Picture> {
    const metadata = (await Image(sourceFile, {
      widths: [...widths],
      formats: [...FORMATS],
      outputDir: this.cacheDir,
      urlPath: imageFolderUrl,
      svgShortCircuit: false,
    })) as Record<(typeof FORMATS)[number], EncodedFile[]>;
    for (const rendition of [...metadata.webp, ...metadata.jpeg]) this.usedFiles.add(rendition.filename);
    const jpeg = metadata.jpeg;
    const fallback = jpeg[jpeg.length - 1]!;
    return {
      sources: FORMATS.map((format) => ({
        type: metadata[format][0]!.sourceType,
        srcset: metadata[format].map((rendition) => rendition.srcset).join(", "),
      })),
      src: fallback.url,
      width: fallback.width,
      height: fallback.height,
      largest: { url: fallback.url, width: fallback.width, height: fallback.height, size: fallback.size },
      thumbnail: jpeg[0]!.url,
    };
  }

  /** Copies every rendition used by this build from the cache into the site. */
  async copyUsedInto(outputDir: string): Promise<void> {
    const target = path.join(outputDir, imageFolderUrl);
    await mkdir(target, { recursive: true });
    await Promise.all([...this.usedFiles].map((file) => copyFile(path.join(this.cacheDir, file), path.join(target, file))));
  }
}
