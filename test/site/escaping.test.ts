// Text from editors stays text everywhere: HTML, attributes and JSON-LD.
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { makePublication, runBuild, tempDir } from "../helpers/build.ts";
import { fileForUrl, jsonLd, meta, readPage, text } from "../helpers/site.ts";

const TITLE = `</script><script>alert(1)</script> & "Quotes" <b>bold</b>`;
const URL_PATH = "/2025/05/escape-test/";

describe("a title with markup and ampersands", () => {
  let output: string;
  beforeAll(() => {
    const content = makePublication({
      "escape-test.md": `---
title: ${JSON.stringify(TITLE)}
description: "Dek with <i>tags</i> & </script>"
date: 2025-05-01T10:00:00-04:00
author: maya-okafor
category: courts
tags: ["<em>tag</em>", "R&D"]
image:
  src: /img/posts/gavel.svg
  alt: "Alt with \\"quotes\\" & <tags>"
  caption: "Caption & <script>alert(2)</script>"
---
Body with <script>alert(3)</script> and a [link](https://example.com/?a=1&b=2).
`,
    });
    output = path.join(tempDir("out"), "_site");
    const result = runBuild(content, output);
    expect(result.status, result.stderr).toBe(0);
  });

  it("renders as text in the headline, <title>, meta tags and image attributes", () => {
    const page = readPage(output, URL_PATH);
    expect(text(page.querySelector("h1"))).toBe(TITLE);
    expect(text(page.querySelector("title"))).toBe(`${TITLE} — The Riverbend Ledger`);
    expect(meta(page, "og:title")).toEqual([TITLE]);
    expect(meta(page, "twitter:title")).toEqual([TITLE]);
    expect(meta(page, "description")).toEqual(["Dek with <i>tags</i> & </script>"]);
    expect(page.querySelector("figure img")!.getAttribute("alt")).toBe('Alt with "quotes" & <tags>');
    expect(text(page.querySelector("figcaption"))).toContain("Caption & <script>alert(2)</script>");
    expect([...page.querySelectorAll(".article-tags a")].map(text)).toEqual(["<em>tag</em>", "R&D"]);
  });

  it("adds no element from any text: one script (the JSON-LD), no <b>, <i> or <em>", () => {
    const page = readPage(output, URL_PATH);
    expect(page.querySelectorAll("script")).toHaveLength(1);
    expect(page.querySelectorAll("article b, article i, article em")).toHaveLength(0);
    const html = readFileSync(fileForUrl(output, URL_PATH), "utf8");
    expect(html).not.toContain("<script>alert");
  });

  it("keeps the JSON-LD parseable with the exact title", () => {
    const page = readPage(output, URL_PATH);
    expect(jsonLd(page)[0]).toMatchObject({ headline: TITLE, description: "Dek with <i>tags</i> & </script>" });
    expect(page.querySelector('script[type="application/ld+json"]')!.textContent).not.toMatch(/<\/script/i);
  });
});
