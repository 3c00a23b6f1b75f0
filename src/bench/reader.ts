// The reader-side budget, measured in headless Chromium against a built site served on
// 127.0.0.1 with gzip, as static hosts serve it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { launchChromium, serveStatic, type ChromiumOptions } from "../browser/index.ts";

export interface ReaderSide {
  articleUrl: string;
  articleHtmlBytes: number;
  cssBytes: number;
  articleScripts: number;
  searchResults: number;
  searchRequests: number;
  searchTransferBytes: number;
  searchUncompressedBytes: number;
  /** Transferred bytes of the search by kind of file (page, script, index chunk, image…). */
  searchBytesByKind: Record<string, number>;
}

/** What a request of the search page fetched, for the breakdown of its bytes. */
function kindOf(url: string): string {
  const { pathname } = new URL(url);
  if (/\/pagefind[^/]*\/index\//.test(pathname)) return "word index chunks";
  if (/\/pagefind[^/]*\/fragment\//.test(pathname)) return "result fragments";
  if (/\/pagefind[^/]*\/filter\//.test(pathname)) return "filter chunks";
  if (/\.pf_meta$/.test(pathname)) return "index metadata";
  if (/\/wasm\.[^/]+\.pagefind$/.test(pathname)) return "WebAssembly";
  if (/\.js$/.test(pathname)) return "scripts";
  if (/\.(jpe?g|webp|png|svg|avif)$/.test(pathname)) return "images";
  return "page, CSS and other";
}

export async function measureReaderSide(siteDir: string, articleUrl: string, word: string, chromium: ChromiumOptions = {}): Promise<ReaderSide> {
  const server = await serveStatic(siteDir, { gzip: true });
  const browser = await launchChromium(chromium);
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.origin}${articleUrl}`);
    const articleScripts = await page.locator("script[src], script:not([type='application/ld+json'])").count();

    const searchPage = await (await browser.newContext()).newPage();
    let transfer = 0;
    let uncompressed = 0;
    let requests = 0;
    const byKind: Record<string, number> = {};
    searchPage.on("requestfinished", async (request) => {
      const sizes = await request.sizes();
      const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
      transfer += bytes;
      const kind = kindOf(request.url());
      byKind[kind] = (byKind[kind] ?? 0) + bytes;
      uncompressed += (await (await request.response())?.body())?.length ?? 0;
      requests++;
    });
    await searchPage.goto(`${server.origin}/search/?q=${encodeURIComponent(word)}`);
    await searchPage.waitForSelector(".search-result");
    await searchPage.waitForLoadState("networkidle");
    return {
      articleUrl,
      articleHtmlBytes: readFileSync(path.join(siteDir, articleUrl, "index.html")).length,
      cssBytes: readFileSync(path.join(siteDir, "assets/site.css")).length,
      articleScripts,
      searchResults: await searchPage.locator(".search-result").count(),
      searchRequests: requests,
      searchTransferBytes: transfer,
      searchUncompressedBytes: uncompressed,
      searchBytesByKind: byKind,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
