// The image cache never serves a file that a killed build left half-written: files are written
// under a temporary name and renamed, and an entry whose files are not whole is encoded again.
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { ImageProcessor } from "../../src/images/index.ts";
import { projectRoot, tempDir } from "../helpers/build.ts";

describe("the image cache", () => {
  const source = path.join(projectRoot, "img/posts/gavel.svg");

  function cached(cache: string): string[] {
    return readdirSync(path.join(cache, "images")).filter((name) => /\.(jpeg|webp)$/.test(name));
  }

  it("encodes again a cached file that is not whole (a build killed while writing it), and serves whole files", async () => {
    const cache = tempDir("cache");
    await new ImageProcessor(cache).picture(source, [400, 800]);
    const files = cached(cache);
    expect(files).toHaveLength(4);
    const fileOf = (name: string) => path.join(cache, "images", name);
    const originals = Object.fromEntries(files.map((name) => [name, readFileSync(fileOf(name))]));
    for (const name of files) truncateSync(fileOf(name), 100);

    const picture = await new ImageProcessor(cache).picture(source, [400, 800]);
    expect(picture.largest.size).toBe(originals[files.find((name) => name.endsWith("-800.jpeg"))!]!.length);
    for (const name of files) {
      expect(readFileSync(fileOf(name)).equals(originals[name]!), name).toBe(true);
      await expect(sharp(fileOf(name)).stats()).resolves.toBeDefined();
    }
  });

  it("writes every file under a temporary name first, and removes the ones a killed build left", async () => {
    const cache = tempDir("cache");
    const images = new ImageProcessor(cache);
    await images.picture(source, [400]);
    const renditions = path.join(cache, "images");
    expect(readdirSync(renditions).filter((name) => name.endsWith(".tmp"))).toEqual([]);

    const stale = path.join(renditions, "abc-400.jpeg.12345.tmp");
    const fresh = path.join(renditions, "abc-800.jpeg.12346.tmp");
    writeFileSync(stale, "half a file");
    writeFileSync(fresh, "being written");
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    utimesSync(stale, twoHoursAgo, twoHoursAgo);
    await images.removeStaleTemporaryFiles();
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });
});
