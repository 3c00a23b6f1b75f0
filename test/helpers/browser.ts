// Headless Chromium (Debian's /usr/bin/chromium driven by playwright-core) on a built site
// served from 127.0.0.1 only.
import { createServer, type Server } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".txt": "text/plain",
  ".wasm": "application/wasm",
};

export interface StaticSite {
  origin: string;
  close(): Promise<void>;
}

/** Serves a folder as a static host would: /dir/ → /dir/index.html, 404.html for the rest. */
export async function serve(root: string): Promise<StaticSite> {
  const server: Server = createServer((request, response) => {
    let file = path.join(root, decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    const found = existsSync(file) && file.startsWith(root);
    response.writeHead(found ? 200 : 404, { "content-type": TYPES[path.extname(found ? file : ".html")] ?? "application/octet-stream" });
    response.end(found ? readFileSync(file) : existsSync(path.join(root, "404.html")) ? readFileSync(path.join(root, "404.html")) : "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${address.port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Playwright gives every launch a fresh, temporary user-data dir of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
