// Headless Chromium (driven by playwright-core) on a built site served from 127.0.0.1 only —
// for the audit's accessibility check, the reader-side benchmark and the browser tests.
import { createServer } from "node:http";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
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

export interface ServeOptions {
  gzip?: boolean;
  /** The path the folder is served under ("/news/"), as a host serves a site whose `url` has a path; default "/". */
  basePath?: string;
}

/**
 * Serves a folder as a static host would: /dir/ → /dir/index.html, 404.html for the rest —
 * under `basePath`: /news/dir/ is the folder's dir/, and nothing outside /news/ is found.
 */
export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticSite> {
  const basePath = options.basePath ?? "/";
  const server = createServer((request, response) => {
    const requested = new URL(request.url ?? "/", "http://localhost").pathname;
    const inSite = requested.startsWith(basePath);
    let file = path.join(root, inSite ? decodeURIComponent(requested.slice(basePath.length)) : "404.html");
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    const found = inSite && file.startsWith(root) && existsSync(file);
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

export interface ChromiumOptions {
  /** A Chromium or Chrome executable to drive; entry points take it from NEWSROOM_CHROMIUM. */
  executablePath?: string;
}

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

// Nothing may reach out of the machine: these networks are closed, and a browser that calls
// home for updates, sync or QUIC only slows the tests down. The same flags work for Debian's
// build and for @sparticuz/chromium's (whose own `args` add --single-process and friends,
// meant for AWS Lambda and not needed here).
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * The Chromium to drive: the one asked for, else Debian's package when installed, else the
 * build inside the @sparticuz/chromium package (unpacked into the temporary folder on first use).
 */
async function chromiumExecutable(options: ChromiumOptions = {}): Promise<string> {
  if (options.executablePath !== undefined) {
    if (!existsSync(options.executablePath)) throw new Error(`${options.executablePath}: no Chromium executable there — point NEWSROOM_CHROMIUM at an installed Chromium or Chrome, or unset it to use the one from @sparticuz/chromium`);
    return options.executablePath;
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const { default: bundled } = await import("@sparticuz/chromium");
  return oneProcessAtATime(path.join(tmpdir(), "newsroom-chromium-unpack.lock"), () => bundled.executablePath());
}

/** Playwright gives every launch a fresh, temporary user-data dir of its own. */
export async function launchChromium(options: ChromiumOptions = {}): Promise<Browser> {
  const executablePath = await chromiumExecutable(options);
  try {
    return await chromium.launch({ executablePath, args: FLAGS, headless: true });
  } catch (cause) {
    const reason = (cause instanceof Error ? cause.message : String(cause)).split("\n")[0];
    throw new Error(`${executablePath}: Chromium did not start (${reason}) — point NEWSROOM_CHROMIUM at a Chromium or Chrome that runs on this machine`, { cause });
  }
}

// @sparticuz/chromium takes an existing binary in the temporary folder for a finished one, so
// test files starting together in parallel workers could launch a half-written one: the
// unpacking (about 2 s) happens under a lock folder (mkdir is atomic). A lock older than a
// minute was left by a process that died, and is taken over.
async function oneProcessAtATime<T>(lock: string, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > 60_000) rmSync(lock, { recursive: true, force: true });
      else await sleep(200);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
