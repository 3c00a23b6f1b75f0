// The search index, written as Pagefind bundles (cut by searchBundles, src/site/runs.ts) that
// the search page merges. Pagefind's Node API runs the indexer in a process of its own; pages
// are handed to it as Eleventy renders them, and each bundle is written as soon as its pages
// are in, so indexing overlaps rendering on a second core and the indexer never holds more
// than one bundle (its memory grows faster than linearly with the pages it holds).
// An incremental build renders only the pages whose inputs changed: a bundle holding one of
// them is indexed again with its other pages read from the previous site, and a bundle none
// of whose pages changed is taken from the cache (.cache/search) without reading a page.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { copyFile, link, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import { searchBundleUrl } from "../urls/index.ts";

/** Cached bundles no build has used for this long are deleted. */
const CACHE_DAYS = 7;

const PAGEFIND_VERSION = (JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.resolve("pagefind"))), "..", "package.json"), "utf8")) as { version: string }).version;

export interface BuiltPage {
  url: string;
  content: string;
}

/** One bundle a build writes, and where its pages come from. */
export interface BundlePlan {
  /** Its folder on the site: /pagefind/, /pagefind-2/, … */
  url: string;
  /** The indexed page of each of its articles. */
  pages: readonly string[];
  /** Its pages this build does not render, each with the previous site's file it is read from. */
  previousFiles: ReadonlyMap<string, string>;
  /** Its pages' search fingerprints (src/site/fingerprints.ts), in the order of `pages`; none when not known. */
  fingerprints?: readonly string[];
}

export interface IndexerOptions {
  language: string;
  outputDir: string;
  bundles: readonly BundlePlan[];
  /** Where bundles are kept for later builds (none: no cache). */
  cacheDir?: string;
  /** Whether bundles kept by earlier builds may be used (not by a --full build). */
  readCache: boolean;
  /** Where the pages go while Pagefind reads them (the build removes it if interrupted). */
  scratchDir?: string;
}

/** What the indexer did, for the build's last line. */
export interface IndexSummary {
  /** Pages in the bundles written. */
  pages: number;
  /** Bundles Pagefind indexed, and the pages they hold. */
  indexed: number;
  indexedPages: number;
  /** Bundles taken from the cache. */
  reused: number;
  /** Time spent writing bundles (mostly while pages were still rendering). */
  seconds: number;
}

export class SearchIndexError extends Error {}

/** Only pages marked for indexing: each article once (a multi-page one as its View all page). */
export const isIndexedPage = (page: BuiltPage): boolean => page.content.includes("data-pagefind-body");

/**
 * The part of a page Pagefind reads: the element marked data-pagefind-body (the <article>),
 * in a minimal document. Sending less than the whole page halves what the indexer parses.
 */
export function indexedPart(content: string): string {
  const start = content.lastIndexOf("<", content.indexOf("data-pagefind-body"));
  const tag = /^<([a-z]+)/.exec(content.slice(start))?.[1] ?? "article";
  const end = content.lastIndexOf(`</${tag}>`) + tag.length + 3;
  return `<!doctype html><html lang="${/<html lang="([^"]+)"/.exec(content)?.[1] ?? "en"}"><body>${content.slice(start, end)}</body></html>`;
}

const byUrl = (a: BuiltPage, b: BuiltPage) => (a.url < b.url ? -1 : 1);

export class SearchIndexer {
  private readonly bundleOfRendered = new Map<string, number>();
  private readonly rendered: BuiltPage[][];
  private readonly started: boolean[];
  private written: Promise<void> = Promise.resolve();
  private readonly problems: string[] = [];
  private readonly cacheUsed = new Set<string>();
  private readonly summary: IndexSummary = { pages: 0, indexed: 0, indexedPages: 0, reused: 0, seconds: 0 };

  constructor(private readonly options: IndexerOptions) {
    const { bundles } = options;
    this.rendered = bundles.map(() => []);
    this.started = bundles.map(() => false);
    bundles.forEach(({ pages, previousFiles }, bundle) => {
      for (const url of pages) if (!previousFiles.has(url)) this.bundleOfRendered.set(url, bundle);
    });
    // Bundles this build renders no page of can be written at once, while pages render.
    bundles.forEach(({ pages, previousFiles }, bundle) => {
      if (previousFiles.size === pages.length) this.write(bundle);
    });
  }

  /** Hands a built page to the indexer if it is an article page; does not wait for it. */
  add(page: BuiltPage): void {
    if (!isIndexedPage(page)) return;
    const bundle = this.bundleOfRendered.get(page.url);
    if (bundle === undefined) {
      this.problems.push(`${page.url} is marked for search but is not a published article's page`);
      return;
    }
    const { pages, previousFiles } = this.options.bundles[bundle]!;
    this.rendered[bundle]!.push({ url: page.url, content: indexedPart(page.content) });
    if (this.rendered[bundle]!.length === pages.length - previousFiles.size) this.write(bundle);
  }

  /** Writes one bundle after the ones before it, so the indexer holds one bundle at a time. */
  private write(bundle: number): void {
    this.started[bundle] = true;
    const rendered = this.rendered[bundle]!;
    this.rendered[bundle] = [];
    this.written = this.written.then(async () => {
      const start = performance.now();
      await this.writeBundle(this.options.bundles[bundle]!, rendered);
      this.summary.seconds += (performance.now() - start) / 1000;
    });
    // Failures are reported by finish(); keep them from being unhandled in the meantime.
    this.written.catch(() => undefined);
  }

  /**
   * A bundle whose pages search reads as before (the same search fingerprints, though a page
   * may have been rendered again for what search ignores) is the one kept under them. Any
   * other is the one kept for the same pages (the bytes Pagefind reads), or is indexed.
   */
  private async writeBundle(plan: BundlePlan, rendered: BuiltPage[]): Promise<void> {
    const outputPath = path.join(this.options.outputDir, plan.url);
    const fingerprintKey = this.fingerprintKey(plan);
    if (fingerprintKey && this.options.readCache) {
      const kept = await this.keptFor(fingerprintKey);
      if (kept) return this.take(kept, outputPath);
    }
    const pages = [...rendered, ...(await this.readPrevious(plan))].sort(byUrl);
    const contentKey = this.contentKey(pages);
    const kept = this.options.cacheDir && path.join(this.options.cacheDir, contentKey);
    if (kept && this.options.readCache && existsSync(kept)) {
      this.cacheUsed.add(contentKey);
      await this.take(kept, outputPath);
    } else {
      const count = await this.index(pages, outputPath);
      this.summary.indexed++;
      this.summary.indexedPages += count;
      this.summary.pages += count;
      if (kept) await this.keep(outputPath, kept);
    }
    // Whole bundles only: one missing a page fails the build (finish).
    if (fingerprintKey && pages.length === plan.pages.length) await this.alias(fingerprintKey, contentKey);
  }

  /** The pages of a bundle this build did not render, from the previous site. */
  private async readPrevious(plan: BundlePlan): Promise<BuiltPage[]> {
    return Promise.all(
      [...plan.previousFiles].map(async ([url, file]) => {
        const content = await readFile(file, "utf8");
        if (!isIndexedPage({ url, content })) this.problems.push(`${url} (from ${file}) is not marked for search`);
        return { url, content: indexedPart(content) };
      }),
    );
  }

  /** Same Pagefind, language and pages (in order): the same bundle, byte for byte. */
  private contentKey(pages: readonly BuiltPage[]): string {
    const hash = createHash("sha256").update(`pagefind ${PAGEFIND_VERSION} ${this.options.language}\n`);
    for (const page of pages) hash.update(page.url).update("\0").update(page.content).update("\0");
    return hash.digest("hex").slice(0, 32);
  }

  /**
   * Same Pagefind, language and pages with the same fingerprints: the same pages, so the same
   * bundle (a fingerprint stands for every input of its page). None if one is not known.
   */
  private fingerprintKey({ pages, fingerprints }: BundlePlan): string | undefined {
    if (!fingerprints || fingerprints.length !== pages.length) return undefined;
    const hash = createHash("sha256").update(`pagefind ${PAGEFIND_VERSION} ${this.options.language} fingerprints\n`);
    const byPage = pages.map((url, page) => ({ url, content: fingerprints[page]! })).sort(byUrl);
    for (const page of byPage) hash.update(page.url).update("\0").update(page.content).update("\0");
    return hash.digest("hex").slice(0, 32);
  }

  /** The cached bundle kept under a fingerprint key: the key names it in a file of its own. */
  private async keptFor(fingerprintKey: string): Promise<string | undefined> {
    const { cacheDir } = this.options;
    if (!cacheDir) return undefined;
    const aliasFile = path.join(cacheDir, `${fingerprintKey}.alias`);
    const contentKey = existsSync(aliasFile) ? (await readFile(aliasFile, "utf8")).trim() : "";
    if (!/^[0-9a-f]{32}$/.test(contentKey) || !existsSync(path.join(cacheDir, contentKey))) return undefined;
    this.cacheUsed.add(`${fingerprintKey}.alias`).add(contentKey);
    await utimes(aliasFile, new Date(), new Date());
    return path.join(cacheDir, contentKey);
  }

  /** Puts a cached bundle in place (hard links: it is never written to again) and notes it used. */
  private async take(kept: string, outputPath: string): Promise<void> {
    await linkTree(kept, outputPath);
    await utimes(kept, new Date(), new Date());
    this.summary.reused++;
    this.summary.pages += bundlePageCount(outputPath);
  }

  /** Keeps a new bundle in the cache; a build doing the same at the same time wins. */
  private async keep(bundle: string, kept: string): Promise<void> {
    this.cacheUsed.add(path.basename(kept));
    const copy = `${kept}.${process.pid}.tmp`;
    await linkTree(bundle, copy);
    await rename(copy, kept).catch(() => rm(copy, { recursive: true, force: true }));
  }

  /** Names the bundle kept under `contentKey` by a fingerprint key too. */
  private async alias(fingerprintKey: string, contentKey: string): Promise<void> {
    const { cacheDir } = this.options;
    if (!cacheDir || !existsSync(path.join(cacheDir, contentKey))) return;
    this.cacheUsed.add(`${fingerprintKey}.alias`);
    const aliasFile = path.join(cacheDir, `${fingerprintKey}.alias`);
    await writeFile(`${aliasFile}.${process.pid}.tmp`, contentKey);
    await rename(`${aliasFile}.${process.pid}.tmp`, aliasFile);
  }

  /**
   * Indexes `pages` into a bundle at `outputPath`; returns how many pages it holds. The pages
   * go through a temporary folder, written in URL order: Pagefind reads a folder on all cores,
   * while its service takes addHTMLFile calls one at a time however many are in flight
   * (2,500 pages: Pagefind's CPU 11.6-13.1 s from a folder, 13.3-14.4 s by addHTMLFile; the
   * files cost this process 0.25 ms a page). addCustomRecord would mean reading the pages'
   * text, metadata and filters ourselves. Its bytes depend on the order it reads pages in: the
   * folder's listing order, which the file names and the file system decide, never the order
   * Eleventy rendered the pages in.
   */
  private async index(pages: readonly BuiltPage[], outputPath: string): Promise<number> {
    const scratchDir = this.options.scratchDir ?? tmpdir();
    await mkdir(scratchDir, { recursive: true });
    const folder = await mkdtemp(path.join(scratchDir, "newsroom-search-"));
    try {
      for (const page of pages) {
        const file = path.join(folder, decodeURI(page.url), "index.html");
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, page.content);
      }
      const { index, errors } = await pagefind.createIndex({ forceLanguage: this.options.language.split("-")[0] });
      if (!index || errors.length) throw new SearchIndexError(`Pagefind could not start: ${errors.join("; ")}`);
      const added = await index.addDirectory({ path: folder });
      if (added.errors.length) this.problems.push(...added.errors);
      const result = await index.writeFiles({ outputPath });
      if (result.errors.length) throw new SearchIndexError(`Pagefind could not write ${outputPath}: ${result.errors.join("; ")}`);
      await index.deleteIndex();
      return added.page_count;
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  /** Deletes cached bundles and names that neither this build nor any build for CACHE_DAYS has used. */
  private async pruneCache(): Promise<void> {
    const { cacheDir } = this.options;
    if (!cacheDir || !existsSync(cacheDir)) return;
    const before = Date.now() - CACHE_DAYS * 24 * 3600 * 1000;
    for (const entry of await readdir(cacheDir)) {
      const kept = path.join(cacheDir, entry);
      if (!this.cacheUsed.has(entry) && (await stat(kept)).mtimeMs < before) await rm(kept, { recursive: true, force: true });
    }
  }

  /** Stops Pagefind's process at once, for an interrupted build (its kill is synchronous). */
  stop(): void {
    void pagefind.close();
  }

  /**
   * Writes what is left, waits for every bundle and stops the indexer. Fails loudly when
   * Pagefind reports an error or the bundles hold fewer pages than the published articles.
   */
  async finish(articleCount: number): Promise<IndexSummary> {
    try {
      this.started.forEach((started, bundle) => {
        if (!started) this.write(bundle);
      });
      await this.written;
      await this.pruneCache();
      if (this.problems.length) throw new SearchIndexError(`Pagefind could not index ${this.problems.join(", ")}`);
      if (this.summary.pages < articleCount) {
        throw new SearchIndexError(`the search index holds ${this.summary.pages} pages but ${articleCount} articles are published — every article page must carry data-pagefind-body`);
      }
      return { ...this.summary };
    } finally {
      await pagefind.close();
    }
  }
}

/** How many pages a written bundle holds, from its entry file. */
function bundlePageCount(bundle: string): number {
  const entry = JSON.parse(readFileSync(path.join(bundle, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * Puts the files of folder `from` at the same places under `to`, as hard links (copies where
 * links are refused: another disk). Neither side is ever written to again: Pagefind writes a
 * bundle once, and the site's files are replaced by renaming.
 */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  // All of a folder's links at once: a bundle is some 2,700 files, most in one folder.
  await Promise.all(
    (await readdir(from, { withFileTypes: true })).map(async (entry) => {
      const source = path.join(from, entry.name);
      const target = path.join(to, entry.name);
      if (entry.isDirectory()) return linkTree(source, target);
      return link(source, target).catch((error: NodeJS.ErrnoException) => {
        if (!["EXDEV", "EPERM", "EMLINK"].includes(error.code ?? "")) throw error;
        return copyFile(source, target);
      });
    }),
  );
}

/** Indexes a set of built pages in one go, into one bundle. */
export async function writeSearchIndex(pages: readonly BuiltPage[], outputDir: string, language: string, indexedUrls: readonly string[]): Promise<number> {
  const indexer = new SearchIndexer({ language, outputDir, bundles: [{ url: searchBundleUrl(1), pages: indexedUrls, previousFiles: new Map() }], readCache: false });
  for (const page of pages) indexer.add(page);
  return (await indexer.finish(indexedUrls.length)).pages;
}
