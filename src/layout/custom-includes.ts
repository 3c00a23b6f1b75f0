// The publisher's own markup on every page: _includes/custom/head.njk (at the end of <head>) and
// _includes/custom/footer.njk (at the end of the site footer). The kit's files are empty; the
// publication's own _includes/custom/ comes first in Nunjucks' search, so a publication that
// depends on the kit as a package overrides them without touching it. Only custom/ can be
// overridden: the rest of the markup stays the kit's, and upgrades with it.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const CUSTOM = "custom/";

/** A Nunjucks loader (the synchronous kind) of the templates named custom/… in one folder. */
export class CustomIncludesLoader {
  /** Nunjucks keeps each loader's compiled templates here (it sets it only for loaders it is created with). */
  cache: Record<string, unknown> = {};
  /** Eleventy clears cached templates through this map when a file changes (its Nunjucks engine reads it). */
  pathsToNames: Record<string, string> = {};

  constructor(private readonly folder: string) {}

  getSource(name: string): { src: string; path: string; noCache: boolean } | null {
    if (!name.startsWith(CUSTOM)) return null;
    const file = path.resolve(this.folder, name.slice(CUSTOM.length));
    if (!file.startsWith(this.folder + path.sep) || !existsSync(file)) return null;
    this.pathsToNames[file] = name;
    return { src: readFileSync(file, "utf8"), path: file, noCache: false };
  }
}

/** The loader of a publication's overrides: <publication>/_includes/custom/. */
export const publicationCustomIncludes = (root: string): CustomIncludesLoader => new CustomIncludesLoader(path.resolve(root, "_includes", CUSTOM));
