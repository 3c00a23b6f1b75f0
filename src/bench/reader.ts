// The reader-side budget, measured in headless Chromium against a built site served on
// 127.0.0.1 with gzip for text, as static hosts serve it.
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".wasm": "application/wasm",
};
// What common static hosts compress (Pagefind's .pf_* files are gzip already).
const COMPRESSIBLE = new Set([".html", ".css", ".js", ".json", ".svg", ".wasm"]);

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
  const server = createServer((request, response) => {
    let file = path.join(siteDir, decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    const extension = path.extname(file);
    const body = readFileSync(file);
    const gzip = COMPRESSIBLE.has(extension) && /gzip/.test(String(request.headers["accept-encoding"]));
    response.writeHead(200, { "content-type": TYPES[extension] ?? "application/octet-stream", ...(gzip ? { "content-encoding": "gzip" } : {}) });
    response.end(gzip ? gzipSync(body) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}${articleUrl}`);
    const articleScripts = await page.locator("script[src], script:not([type='application/ld+json'])").count();
    const html = readFileSync(path.join(siteDir, articleUrl, "index.html"));
    const css = readFileSync(path.join(siteDir, "assets/site.css"));

    const search = await browser.newContext();
    const searchPage = await search.newPage();
    let transfer = 0;
    let uncompressed = 0;
    let requests = 0;
    searchPage.on("requestfinished", async (request) => {
      const sizes = await request.sizes();
      const response = await request.response();
      transfer += sizes.responseBodySize + sizes.responseHeadersSize;
      uncompressed += (await response?.body())?.length ?? 0;
      requests++;
    });
    await searchPage.goto(`${origin}/search/?q=${encodeURIComponent(word)}`);
    await searchPage.waitForSelector(".search-result");
    await searchPage.waitForLoadState("networkidle");
    return {
      articleUrl,
      articleHtmlBytes: html.length,
      cssBytes: css.length,
      articleScripts,
      searchResults: await searchPage.locator(".search-result").count(),
      searchRequests: requests,
      searchTransferBytes: transfer,
      searchUncompressedBytes: uncompressed,
    };
  } finally {
    await browser.close();
    server.close();
  }
}
