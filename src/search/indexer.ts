// The search index, written as Pagefind bundles of at most ARTICLES_PER_BUNDLE articles each
// that the search page merges. Pagefind's Node API runs the indexer in a process of its own;
// pages are handed to it as Eleventy renders them, and each bundle is written as soon as its
// pages are in, so indexing overlaps rendering on a second core and the indexer never holds
// more than one bundle (its memory grows faster than linearly with the pages it holds).
// A bundle whose pages are unchanged since an earlier build is copied from the cache.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import { searchBundles, type SearchBundle } from "../site/runs.ts";

// Bundles hold consecutive stories counted from the oldest, as many as a render run renders
// (src/site/runs.ts), so each is written as soon as its run ends. The search page reads the
// newest first and older ones only when it needs them (search.js), so readers do not pay for
// the number of bundles.

/** Cached bundles no build has used for this long are deleted. */
const CACHE_DAYS = 7;

const PAGEFIND_VERSION = (JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.resolve("pagefind"))), "..", "package.json"), "utf8")) as { version: string }).version;

export interface BuiltPage {
  url: string;
  content: string;
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

export class SearchIndexer {
  readonly bundles: SearchBundle[];
  private readonly bundleOf = new Map<string, number>();
  private readonly waiting: BuiltPage[][];
  private written: Promise<number> = Promise.resolve(0);
  private readonly problems: string[] = [];
  private readonly cacheUsed = new Set<string>();
  /** Bundles copied from the cache instead of indexed. */
  reused = 0;

  /**
   * @param indexedUrls the URL of each article's indexed page, newest first, as bundles are
   *   cut: a bundle's content never depends on the order pages are rendered in.
   * @param cacheDir where bundles are kept for later builds (none: no cache)
   * @param scratchDir where the pages go while Pagefind reads them (the build removes it if interrupted)
   */
  constructor(
    private readonly language: string,
    private readonly outputDir: string,
    indexedUrls: readonly string[],
    bundleSize: number,
    private readonly cacheDir?: string,
    private readonly scratchDir = tmpdir(),
  ) {
    this.bundles = searchBundles(indexedUrls.length, bundleSize);
    this.bundles.forEach(({ articles }, bundle) => {
      for (const url of indexedUrls.slice(articles.start, articles.end)) this.bundleOf.set(url, bundle);
    });
    this.waiting = this.bundles.map(() => []);
  }

  /** Hands a built page to the indexer if it is an article page; does not wait for it. */
  add(page: BuiltPage): void {
    if (!isIndexedPage(page)) return;
    const bundle = this.bundleOf.get(page.url);
    if (bundle === undefined) {
      this.problems.push(`${page.url} is marked for search but is not a published article's page`);
      return;
    }
    this.waiting[bundle]!.push({ url: page.url, content: indexedPart(page.content) });
    const { start, end } = this.bundles[bundle]!.articles;
    if (this.waiting[bundle]!.length === end - start) this.write(bundle);
  }

  /**
   * Writes one bundle after the ones before it, so the indexer holds one bundle at a time.
   * The pages go through a temporary folder, written in URL order: Pagefind reads a folder
   * on all cores (10,000 articles: 7 s, against 21 s handed over one by one). Its bytes
   * depend on the order it reads pages in: the folder's listing order, which the file names
   * and the file system decide, never the order Eleventy rendered the pages in.
   */
  private write(bundle: number): void {
    const pages = this.waiting[bundle]!.sort((a, b) => (a.url < b.url ? -1 : 1));
    this.waiting[bundle] = [];
    const outputPath = path.join(this.outputDir, this.bundles[bundle]!.url);
    this.written = this.written.then(async (total) => {
      const cached = this.cacheDir && path.join(this.cacheDir, this.cacheKey(pages));
      if (cached && existsSync(cached)) {
        this.cacheUsed.add(path.basename(cached));
        this.reused++;
        await cp(cached, outputPath, { recursive: true });
        await utimes(cached, new Date(), new Date());
        return total + bundlePageCount(outputPath);
      }
      const indexed = await this.index(pages, outputPath);
      if (cached) await this.keep(outputPath, cached);
      return total + indexed;
    });
    // Failures are reported by finish(); keep them from being unhandled in the meantime.
    this.written.catch(() => undefined);
  }

  /** Same Pagefind, language and pages (in order): the same bundle, byte for byte. */
  private cacheKey(pages: readonly BuiltPage[]): string {
    const hash = createHash("sha256").update(`pagefind ${PAGEFIND_VERSION} ${this.language}\n`);
    for (const page of pages) hash.update(page.url).update("\0").update(page.content).update("\0");
    return hash.digest("hex").slice(0, 32);
  }

  /** Indexes `pages` into a bundle at `outputPath`; returns how many pages it holds. */
  private async index(pages: readonly BuiltPage[], outputPath: string): Promise<number> {
    await mkdir(this.scratchDir, { recursive: true });
    const folder = await mkdtemp(path.join(this.scratchDir, "newsroom-search-"));
    try {
      for (const page of pages) {
        const file = path.join(folder, decodeURI(page.url), "index.html");
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, page.content);
      }
      const { index, errors } = await pagefind.createIndex({ forceLanguage: this.language.split("-")[0] });
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

  /** Copies a new bundle into the cache; a build doing the same at the same time wins. */
  private async keep(bundle: string, cached: string): Promise<void> {
    this.cacheUsed.add(path.basename(cached));
    const copy = `${cached}.${process.pid}.tmp`;
    await cp(bundle, copy, { recursive: true });
    await rename(copy, cached).catch(() => rm(copy, { recursive: true, force: true }));
  }

  /** Deletes cached bundles that neither this build nor any build for CACHE_DAYS has used. */
  private async pruneCache(): Promise<void> {
    if (!this.cacheDir || !existsSync(this.cacheDir)) return;
    const before = Date.now() - CACHE_DAYS * 24 * 3600 * 1000;
    for (const entry of await readdir(this.cacheDir)) {
      const folder = path.join(this.cacheDir, entry);
      if (!this.cacheUsed.has(entry) && (await stat(folder)).mtimeMs < before) await rm(folder, { recursive: true, force: true });
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
  async finish(articleCount: number): Promise<number> {
    try {
      this.waiting.forEach((pages, bundle) => {
        if (pages.length) this.write(bundle);
      });
      const indexed = await this.written;
      await this.pruneCache();
      if (this.problems.length) throw new SearchIndexError(`Pagefind could not index ${this.problems.join(", ")}`);
      if (indexed < articleCount) {
        throw new SearchIndexError(`the search index holds ${indexed} pages but ${articleCount} articles are published — every article page must carry data-pagefind-body`);
      }
      return indexed;
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

/** Indexes a set of built pages in one go. */
export async function writeSearchIndex(pages: readonly BuiltPage[], outputDir: string, language: string, indexedUrls: readonly string[]): Promise<number> {
  const indexer = new SearchIndexer(language, outputDir, indexedUrls, Math.max(1, indexedUrls.length));
  for (const page of pages) indexer.add(page);
  return indexer.finish(indexedUrls.length);
}
