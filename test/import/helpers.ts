// Shared by the import tests: the fixture WXR pointed at a live test server and at an address
// where nothing answers, snapshots of a folder's files, and the import CLI run without
// blocking the test process (whose HTTP server must keep answering while it runs).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { projectRoot, TEST_NOW, type BuildResult } from "../helpers/build.ts";

export const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

const TYPES: Record<string, string> = { ".svg": "image/svg+xml", ".pdf": "application/pdf" };

export interface UploadServer {
  base: string;
  /** Paths asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves fixtures/wordpress/uploads/ at /wp-content/uploads/ on 127.0.0.1. */
export async function startUploadServer(): Promise<UploadServer> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? "");
    const relative = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname.replace(/^\/wp-content\/uploads\//, ""));
    try {
      const body = readFileSync(path.join(fixtures, "wordpress", "uploads", path.normalize(relative)));
      response.writeHead(200, { "content-type": TYPES[path.extname(relative)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/html" });
      response.end("<h1>Not found</h1>");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** An address on 127.0.0.1 where nothing listens: a port the system gave out and took back. */
export async function closedPortBase(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** The fixture export with its upload addresses filled in, written into `dir`. */
export function writeExport(dir: string, live: string, gone: string): string {
  const file = path.join(dir, "export.xml");
  const xml = readFileSync(path.join(fixtures, "wordpress", "export.xml"), "utf8").replaceAll("__LIVE__", live).replaceAll("__GONE__", gone);
  writeFileSync(file, xml);
  return file;
}

/** Every file under a folder (relative path → SHA-256), to compare two states byte for byte. */
export function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
      .sort()
      .map((file) => [file, createHash("sha256").update(readFileSync(path.join(dir, file))).digest("hex")]),
  );
}

/** `npm run import -- …` in a child process, awaited without blocking this process. */
export function runImportCli(args: string[]): Promise<BuildResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts/import.ts"), ...args], {
      cwd: projectRoot,
      env: { ...process.env, NEWSROOM_NOW: TEST_NOW },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Front matter and body of a written post, the front matter read by a YAML library. */
export function readPost(root: string, file: string): { data: Record<string, unknown>; body: string; lines: string[] } {
  const text = readFileSync(path.join(root, file), "utf8");
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error(`${file} has no front matter:\n${text}`);
  return { data: parseYaml(match[1]!) as Record<string, unknown>, body: text.slice(match[0].length), lines: text.split("\n") };
}

/**
 * A WordPress export of `count` posts shaped like a newsroom's: 25 authors, 12 categories
 * (some nested), tags from a pool of 300, paragraphs with links and emphasis, a [caption]
 * in every fifth post, a featured image in every third (served by `live`), drafts and pages.
 */
export function generateWxr(count: number, live: string): string {
  const words = "harbour council ferry market budget vote school river tide quay festival lantern road bridge mayor treasurer library storm season island".split(" ");
  const sentence = (seed: number, length: number) => {
    const text = Array.from({ length }, (_, index) => words[(seed * 7 + index * 13) % words.length]).join(" ");
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const authors = Array.from({ length: 25 }, (_, index) => `<wp:author><wp:author_login><![CDATA[writer${index}]]></wp:author_login><wp:author_display_name><![CDATA[Writer Number ${index}]]></wp:author_display_name></wp:author>`);
  const categories = Array.from({ length: 12 }, (_, index) => `<wp:category><wp:category_nicename><![CDATA[section-${index}]]></wp:category_nicename><wp:category_parent><![CDATA[${index > 8 ? "section-0" : ""}]]></wp:category_parent><wp:cat_name><![CDATA[Section ${index}]]></wp:cat_name></wp:category>`);
  const items: string[] = [];
  for (let n = 1; n <= count; n++) {
    const day = new Date(Date.UTC(2018, 0, 1) + n * 36 * 3600 * 1000);
    const sql = day.toISOString().slice(0, 19).replace("T", " ");
    const paragraphs = Array.from({ length: 8 }, (_, index) => `${sentence(n + index, 14)} ${sentence(n * 3 + index, 11)} <em>${sentence(n + index * 5, 4)}</em> <a href="https://elsewhere.example.org/${n}/${index}">${sentence(index, 3)}</a>`);
    if (n % 5 === 0) paragraphs.splice(3, 0, `[caption id="attachment_${100000 + n}" align="alignnone" width="800"]<img src="${live}/wp-content/uploads/2024/05/harbour-dawn.svg" alt="${sentence(n, 5)}" width="800" height="450" /> ${sentence(n, 6)}[/caption]`);
    paragraphs.splice(2, 0, "<!--more-->");
    const tags = Array.from({ length: n % 4 }, (_, index) => `<category domain="post_tag" nicename="tag-${(n * 11 + index * 37) % 300}"><![CDATA[Tag ${(n * 11 + index * 37) % 300}]]></category>`);
    const featured = n % 3 === 0 ? `<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[${200000 + n}]]></wp:meta_value></wp:postmeta>` : "";
    items.push(`<item><title>${sentence(n, 9).replace(/\.$/, "")} ${n}</title><link>https://scale.example.org/${sql.slice(0, 10).replaceAll("-", "/")}/story-${n}/</link><dc:creator><![CDATA[writer${n % 25}]]></dc:creator><content:encoded><![CDATA[${paragraphs.join("\n\n")}]]></content:encoded><excerpt:encoded><![CDATA[${sentence(n * 2, 18)}]]></excerpt:encoded><wp:post_id>${n}</wp:post_id><wp:post_date><![CDATA[${sql}]]></wp:post_date><wp:post_date_gmt><![CDATA[${sql}]]></wp:post_date_gmt><wp:post_name><![CDATA[story-${n}]]></wp:post_name><wp:status><![CDATA[${n % 50 === 0 ? "draft" : "publish"}]]></wp:status><wp:post_type><![CDATA[${n % 40 === 0 ? "page" : "post"}]]></wp:post_type><category domain="category" nicename="section-${n % 12}"><![CDATA[Section ${n % 12}]]></category>${tags.join("")}${featured}</item>`);
    if (featured) {
      items.push(`<item><title>Photo ${n}</title><wp:post_id>${200000 + n}</wp:post_id><wp:post_type><![CDATA[attachment]]></wp:post_type><wp:status><![CDATA[inherit]]></wp:status><wp:post_parent>${n}</wp:post_parent><wp:attachment_url><![CDATA[${live}/wp-content/uploads/2024/05/${["harbour-dawn", "ferry-deck", "plaza-lanterns", "dancers"][n % 4]}.svg?copy=${n}]]></wp:attachment_url><wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key><wp:meta_value><![CDATA[${sentence(n, 6)}]]></wp:meta_value></wp:postmeta></item>`);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Scale test</title><link>https://scale.example.org</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://scale.example.org</wp:base_site_url>
${authors.join("\n")}
${categories.join("\n")}
${items.join("\n")}
</channel></rss>
`;
}
