// The reader-side budget, measured in headless Chromium against a built site served on
// 127.0.0.1 with gzip, as static hosts serve it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { launchChromium, serveStatic } from "./browser.ts";

export interface ReaderSide {
  articleUrl: string;
  articleHtmlBytes: number;
  cssBytes: number;
  articleScripts: number;
  searchResults: number;
  searchRequests: number;
  searchTransferBytes: number;
  searchUncompressedBytes: number;
}

export async function measureReaderSide(siteDir: string, articleUrl: string, word: string): Promise<ReaderSide> {
  const server = await serveStatic(siteDir, { gzip: true });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.origin}${articleUrl}`);
    const articleScripts = await page.locator("script[src], script:not([type='application/ld+json'])").count();

    const searchPage = await (await browser.newContext()).newPage();
    let transfer = 0;
    let uncompressed = 0;
    let requests = 0;
    searchPage.on("requestfinished", async (request) => {
      const sizes = await request.sizes();
      transfer += sizes.responseBodySize + sizes.responseHeadersSize;
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
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
