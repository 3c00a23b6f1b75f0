// The search index, written as Pagefind bundles of at most ARTICLES_PER_BUNDLE articles each
// that the search page merges. Pagefind's Node API runs the indexer in a process of its own;
// pages are handed to it as Eleventy renders them, and each bundle is written as soon as its
// pages are in, so indexing overlaps rendering on a second core and the indexer never holds
// more than one bundle (its memory grows faster than linearly with the pages it holds).
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as pagefind from "pagefind";

/**
 * Pagefind's memory grows faster than the pages it holds (measured with npm run bench on
 * 10,000 generated articles: one bundle 3.5 GiB, bundles of 2,500 articles 1.0 GiB each), and
 * a bundle is written as soon as the Eleventy run that renders its articles ends. Bundles
 * hold consecutive stories, newest first, and the search page reads older ones only when it
 * needs them (search.js), so readers do not pay for the number of bundles.
 */
export const ARTICLES_PER_BUNDLE = 2_500;

export interface BuiltPage {
  url: string;
  content: string;
}

export class SearchIndexError extends Error {}

/** Only pages marked for indexing: each article once (a multi-page one as its View all page). */
export const isIndexedPage = (page: BuiltPage): boolean => page.content.includes("data-pagefind-body");

/** URL paths of the bundles for `articleCount` articles: /pagefind/, /pagefind-2/, … */
export function searchBundles(articleCount: number, bundleSize = ARTICLES_PER_BUNDLE): string[] {
  return Array.from({ length: Math.max(1, Math.ceil(articleCount / bundleSize)) }, (_, index) => (index === 0 ? "/pagefind/" : `/pagefind-${index + 1}/`));
}

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
  private readonly bundles: string[];
  private readonly waiting: BuiltPage[][];
  private readonly expected: number[];
  private written: Promise<number> = Promise.resolve(0);
  private readonly problems: string[] = [];

  /**
   * @param indexedUrls the URL of each article's indexed page, in the order bundles are cut
   *   (newest first): a bundle's content never depends on the order pages are rendered in.
   */
  constructor(
    private readonly language: string,
    private readonly outputDir: string,
    indexedUrls: readonly string[],
    bundleSize = ARTICLES_PER_BUNDLE,
  ) {
    this.bundles = searchBundles(indexedUrls.length, bundleSize);
    this.bundleOf = new Map(indexedUrls.map((url, position) => [url, Math.floor(position / bundleSize)]));
    this.waiting = this.bundles.map(() => []);
    this.expected = this.bundles.map((_, bundle) => Math.min(bundleSize, indexedUrls.length - bundle * bundleSize));
  }

  private readonly bundleOf: Map<string, number>;

  /** Hands a built page to the indexer if it is an article page; does not wait for it. */
  add(page: BuiltPage): void {
    if (!isIndexedPage(page)) return;
    const bundle = this.bundleOf.get(page.url);
    if (bundle === undefined) {
      this.problems.push(`${page.url} is marked for search but is not a published article's page`);
      return;
    }
    this.waiting[bundle]!.push({ url: page.url, content: indexedPart(page.content) });
    if (this.waiting[bundle]!.length === this.expected[bundle]) this.write(bundle);
  }

  /**
   * Writes one bundle after the ones before it, so the indexer holds one bundle at a time.
   * The pages go through a temporary folder in URL order: Pagefind reads a folder on all
   * cores (10,000 articles: 7 s, against 21 s handed over one by one), and the bundle's
   * bytes depend on the order it reads pages in, never on the order Eleventy rendered them.
   */
  private write(bundle: number): void {
    const pages = this.waiting[bundle]!.sort((a, b) => (a.url < b.url ? -1 : 1));
    this.waiting[bundle] = [];
    const outputPath = path.join(this.outputDir, this.bundles[bundle]!);
    this.written = this.written.then(async (total) => {
      const folder = await mkdtemp(path.join(tmpdir(), "newsroom-search-"));
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
        return total + added.page_count;
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    });
    // Failures are reported by finish(); keep them from being unhandled in the meantime.
    this.written.catch(() => undefined);
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

/** Indexes a set of built pages in one go. */
export async function writeSearchIndex(pages: readonly BuiltPage[], outputDir: string, language: string, indexedUrls: readonly string[]): Promise<number> {
  const indexer = new SearchIndexer(language, outputDir, indexedUrls);
  for (const page of pages) indexer.add(page);
  return indexer.finish(indexedUrls.length);
}
