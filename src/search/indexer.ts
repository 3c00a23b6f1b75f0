// The search index: Pagefind (its Node API, which runs the indexer in its own process) fed
// the built article pages straight from Eleventy's results, without reading _site/ again.
import path from "node:path";
import * as pagefind from "pagefind";

export interface BuiltPage {
  url: string;
  content: string;
}

export class SearchIndexError extends Error {}

/** Only pages marked for indexing: each article once (a multi-page one as its View all page). */
export const isIndexedPage = (page: BuiltPage): boolean => page.content.includes("data-pagefind-body");

/**
 * Indexes the pages and writes the bundle to <output>/pagefind/. Fails loudly when Pagefind
 * reports an error or holds fewer pages than the published articles.
 */
export async function writeSearchIndex(pages: readonly BuiltPage[], outputDir: string, language: string, articleCount: number): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language.split("-")[0] });
  try {
    if (!index || errors.length) throw new SearchIndexError(`Pagefind could not start: ${errors.join("; ")}`);
    let indexed = 0;
    for (const page of pages.filter(isIndexedPage)) {
      const added = await index.addHTMLFile({ url: page.url, content: page.content });
      if (added.errors.length) throw new SearchIndexError(`Pagefind could not index ${page.url}: ${added.errors.join("; ")}`);
      indexed++;
    }
    if (indexed < articleCount) {
      throw new SearchIndexError(`the search index holds ${indexed} pages but ${articleCount} articles are published — every article page must carry data-pagefind-body`);
    }
    const written = await index.writeFiles({ outputPath: path.join(outputDir, "pagefind") });
    if (written.errors.length) throw new SearchIndexError(`Pagefind could not write its files: ${written.errors.join("; ")}`);
    return indexed;
  } finally {
    await pagefind.close();
  }
}
