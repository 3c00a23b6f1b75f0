// Headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) on a built site
// served from 127.0.0.1 only — for the reader-side benchmark and the browser tests.
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "playwright-core";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain",
  ".svg": "image/svg+xml",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".wasm": "application/wasm",
};
// What common static hosts compress (Pagefind's .pf_* files are gzip already).
const COMPRESSIBLE = new Set([".html", ".css", ".js", ".json", ".xml", ".txt", ".svg", ".wasm"]);

export interface StaticSite {
  origin: string;
  close(): Promise<void>;
}

/** Serves a folder as a static host would: /dir/ → /dir/index.html, 404.html for the rest. */
export async function serveStatic(root: string, options: { gzip?: boolean } = {}): Promise<StaticSite> {
  const server = createServer((request, response) => {
    let file = path.join(root, decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    const found = file.startsWith(root) && existsSync(file);
    if (!found) file = path.join(root, "404.html");
    const extension = path.extname(file);
    const body = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
    const gzip = options.gzip === true && COMPRESSIBLE.has(extension) && /gzip/.test(String(request.headers["accept-encoding"]));
    response.writeHead(found ? 200 : 404, { "content-type": TYPES[extension] ?? "application/octet-stream", ...(gzip ? { "content-encoding": "gzip" } : {}) });
    response.end(gzip ? gzipSync(body) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Playwright gives every launch a fresh, temporary user-data dir of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
