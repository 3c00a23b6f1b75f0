// Reading a built site the way a browser or crawler would: files by URL, parsed HTML.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";

export function fileForUrl(siteDir: string, url: string): string {
  const pathname = decodeURIComponent(new URL(url, "https://site.invalid").pathname);
  const file = path.join(siteDir, pathname);
  return pathname.endsWith("/") ? path.join(file, "index.html") : file;
}

export function urlExists(siteDir: string, url: string): boolean {
  return existsSync(fileForUrl(siteDir, url));
}

export function readPage(siteDir: string, url: string): Document {
  return parseHTML(readFileSync(fileForUrl(siteDir, url), "utf8")).document;
}

export function allFiles(siteDir: string): string[] {
  return (readdirSync(siteDir, { recursive: true }) as string[]).map((file) => file.split(path.sep).join("/")).sort();
}

export function htmlPages(siteDir: string): string[] {
  return allFiles(siteDir).filter((file) => file.endsWith(".html"));
}

export const text = (element: Element | null | undefined): string => (element?.textContent ?? "").replace(/\s+/g, " ").trim();

export function jsonLd(document: Document): Record<string, unknown>[] {
  return [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent ?? ""));
}

export function meta(document: Document, key: string): string[] {
  return [...document.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)].map((element) => element.getAttribute("content") ?? "");
}
